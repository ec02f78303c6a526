package service_test

import (
	"context"
	"testing"
	"time"

	"github.com/motcua/motcua/calendar"
	"github.com/motcua/motcua/catalog"
	"github.com/motcua/motcua/demo"
	"github.com/motcua/motcua/dossier"
	"github.com/motcua/motcua/org"
	"github.com/motcua/motcua/report"
	"github.com/motcua/motcua/service"
	"github.com/motcua/motcua/sqlstore"
)

// The fixtures run on the demo organisation and catalog with the default calendar. The
// demo procedure takes 20 working days; March 2026 has no holiday, so a dossier received
// on Tuesday 3 March at 08:30 is due on Tuesday 31 March at 08:30.
const petrolShop = "2.000648.000.00.00.H50"

// at is a Vietnam wall-clock instant in 2026.
func at(m time.Month, d, hh, mm int) time.Time {
	return time.Date(2026, m, d, hh, mm, 0, 0, calendar.Vietnam)
}

// world is a seeded database, the service over it and the demo accounts by username.
type world struct {
	t    testing.TB
	db   *sqlstore.DB
	svc  *service.Dossiers
	who  map[string]org.Account
	proc catalog.Procedure
}

func newWorld(t testing.TB, db *sqlstore.DB) *world {
	t.Helper()
	ctx := context.Background()
	if _, err := demo.Seed(ctx, db); err != nil {
		t.Fatal(err)
	}
	w := &world{t: t, db: db, svc: &service.Dossiers{DB: db, BaseURL: "https://dvc.example.gov.vn"}, who: map[string]org.Account{}}
	for _, a := range demo.Accounts {
		acc, _, err := db.AccountByUsername(ctx, a.Username)
		if err != nil {
			t.Fatal(err)
		}
		w.who[a.Username] = acc
	}
	var err error
	if w.proc, err = db.Procedure(ctx, petrolShop); err != nil {
		t.Fatal(err)
	}
	return w
}

// file starts a dossier: online ones are the citizen's and submitted at now, counter ones
// the desk's and received next.
func (w *world) file(ch catalog.Channel, now time.Time) int64 {
	w.t.Helper()
	by, owner := w.who["tiepnhan"], int64(0)
	if ch == catalog.ChannelOnline {
		by = w.who["congdan"]
		owner = by.ID
	}
	d, _, err := w.svc.Create(context.Background(), by, dossier.DraftInput{Procedure: &w.proc, Channel: ch,
		ApplicantType: catalog.Citizen, OwnerAccountID: owner, Summary: "Cửa hàng xăng dầu",
		Applicant: dossier.Applicant{Name: "Nguyễn Văn An", IDNumber: "001090012345", Phone: "0912345678",
			Email: "congdan@example.vn", Address: "12 Hàng Bạc, Hà Nội"}}, now)
	if err != nil {
		w.t.Fatal(err)
	}
	if ch == catalog.ChannelOnline {
		w.do(d.ID, "congdan", now, dossier.Command{Action: dossier.Submit})
	}
	return d.ID
}

// received files and receives a dossier at now.
func (w *world) received(ch catalog.Channel, now time.Time) int64 {
	id := w.file(ch, now)
	w.do(id, "tiepnhan", now.Add(time.Minute), dossier.Command{Action: dossier.Receive})
	return id
}

func (w *world) do(id int64, username string, now time.Time, cmd dossier.Command) *dossier.Dossier {
	w.t.Helper()
	d, _, err := w.svc.Move(context.Background(), w.who[username], id, cmd, now)
	if err != nil {
		w.t.Fatalf("%s by %s at %s: %v", cmd.Action, username, now.Format(time.DateTime), err)
	}
	return d
}

// resolve takes a received dossier through appraisal, approval and issue, issuing at
// issue; the steps before take the minutes after start.
func (w *world) resolve(id int64, start, issue time.Time) {
	w.do(id, "tiepnhan", start, dossier.Command{Action: dossier.Forward, ToUnit: "QLTM"})
	w.do(id, "chuyenvien", start.Add(time.Minute), dossier.Command{Action: dossier.Forward, ToUnit: "QLTM"})
	w.do(id, "truongphong", start.Add(2*time.Minute), dossier.Command{Action: dossier.Forward, ToUnit: "SCT"})
	w.do(id, "lanhdao", start.Add(3*time.Minute), dossier.Command{Action: dossier.Approve})
	w.do(id, "lanhdao", start.Add(4*time.Minute), dossier.Command{Action: dossier.Forward, ToUnit: "VP"})
	w.do(id, "vanthu", issue, dossier.Command{Action: dossier.IssueResult, ResultNumber: "1/GCN-SCT"})
}

// facts recomputes every dossier's fact directly from the stored dossiers at now: the
// reference the store's aggregates must agree with.
func (w *world) facts(now time.Time) []report.Fact {
	w.t.Helper()
	rows, _, err := w.db.ListDossiers(context.Background(), sqlstore.DossierFilter{WithDrafts: true, Limit: sqlstore.MaxDossierPage})
	if err != nil {
		w.t.Fatal(err)
	}
	var out []report.Fact
	for _, r := range rows {
		d, err := w.db.Dossier(context.Background(), r.ID)
		if err != nil {
			w.t.Fatal(err)
		}
		f := report.FactOf(d, calendar.Default(), now)
		f.Describe(w.proc.Version(d.VersionNumber))
		out = append(out, f)
	}
	return out
}

// reference is the period's summary computed from the facts alone.
func reference(facts []report.Fact, p report.Period, cat report.CatalogStats) report.Summary {
	var c report.Counters
	var b report.Backlog
	for _, f := range facts {
		for _, dc := range report.Contributions(f) {
			if p.Contains(dc.Day) {
				c.Add(dc.Counters)
			}
		}
		if f.OpenAt(p.Start()) {
			b.CarriedOver++
		}
		if f.LateOpenAt(p.End()) {
			b.LateAtEnd++
		}
	}
	return report.Summarize(c, b, cat)
}
