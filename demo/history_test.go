package demo_test

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"testing"
	"time"

	"github.com/motcua/motcua/calendar"
	"github.com/motcua/motcua/demo"
	"github.com/motcua/motcua/dossier"
	"github.com/motcua/motcua/report"
	"github.com/motcua/motcua/service"
	"github.com/motcua/motcua/sqlstore"
	"github.com/motcua/motcua/sqlstore/sqlstoretest"
)

// The test window is the 20 working days from Monday 23 February 2026 (after the Tết
// holiday) to Friday 20 March 2026 at 10:00, mid-morning, when the desk has just
// received the evening's online filings.
var (
	windowFrom = time.Date(2026, 2, 23, 0, 0, 0, 0, calendar.Vietnam)
	windowTo   = time.Date(2026, 3, 20, 10, 0, 0, 0, calendar.Vietnam)
)

// simulate seeds db and runs the test window's history on it.
func simulate(t testing.TB, db *sqlstore.DB, perDay float64) demo.HistoryStats {
	t.Helper()
	ctx := context.Background()
	if _, err := demo.Seed(ctx, db); err != nil {
		t.Fatal(err)
	}
	st, err := demo.History(ctx, db, &service.Dossiers{DB: db},
		demo.HistoryOptions{Seed: 1, From: windowFrom, To: windowTo, PerWorkingDay: perDay})
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// TestHistory runs the window on each engine: the dossiers reach every status, every
// move is in time order inside the window, every chain verifies and the figures agree
// with the dossiers. The same seed gives the same dossiers — on a second SQLite database
// and on PostgreSQL alike, down to each dossier's last event hash.
func TestHistory(t *testing.T) {
	var first []string
	sqlstoretest.Engines(t, func(t *testing.T, dsn string) {
		db := sqlstoretest.Open(t, dsn)
		st := simulate(t, db, 12)
		t.Logf("%s: %d dossiers, %d moves (%d skipped) in %s; %v; late %d, apologies %d, supplements %d, paid %d, corrected %d, rated %d",
			db.Engine, st.Dossiers, st.Moves, st.Skipped, st.Elapsed.Round(time.Millisecond), st.ByStatus, st.Late,
			st.Apologies, st.Supplements, st.Paid, st.Corrected, st.Rated)
		ds := checkHistory(t, db, st)
		got := fingerprint(ds)
		if first == nil {
			first = got
			again := sqlstoretest.Open(t, sqlstoretest.SQLiteDSN(t))
			st2 := simulate(t, again, 12)
			if st2.Dossiers != st.Dossiers || fmt.Sprint(st2.ByStatus) != fmt.Sprint(st.ByStatus) {
				t.Errorf("second run: %d dossiers %v, first %d %v", st2.Dossiers, st2.ByStatus, st.Dossiers, st.ByStatus)
			}
			got = fingerprint(load(t, again, st2.Dossiers))
		}
		if i := firstDifference(first, got); i >= 0 {
			t.Errorf("not reproducible: dossier %d is %q, first run %q", i+1, got[i], first[i])
		}
	})
}

// checkHistory checks what the history left in db and returns its dossiers.
func checkHistory(t *testing.T, db *sqlstore.DB, st demo.HistoryStats) []*dossier.Dossier {
	t.Helper()
	ctx := context.Background()
	for _, s := range []dossier.Status{dossier.Receiving, dossier.New, dossier.Processing, dossier.Waiting,
		dossier.Releasing, dossier.Done, dossier.Denied, dossier.Cancelled, dossier.Unresolved} {
		if st.ByStatus[s] == 0 {
			t.Errorf("no dossier left in status %s: %v", s.Key(), st.ByStatus)
		}
	}
	if st.Refused != 0 {
		t.Errorf("%d moves refused by the rules", st.Refused)
	}
	ds := load(t, db, st.Dossiers)
	received := 0
	for _, d := range ds {
		if !d.ReceivedAt.IsZero() {
			received++
		}
		evs, err := db.DossierEvents(ctx, d.ID)
		if err != nil {
			t.Fatal(err)
		}
		for i, e := range evs {
			if e.At.Before(windowFrom) || e.At.After(windowTo) || i > 0 && e.At.Before(evs[i-1].At) {
				t.Errorf("%s: event %d (%s) at %s is out of order or outside the window", d.Code, e.Seq, e.Action, e.At)
			}
		}
	}
	err := db.VerifyAllChains(ctx, func(id int64, code string, seq int, err error) {
		t.Errorf("chain of %d %s broken at %d: %v", id, code, seq, err)
	})
	if err != nil {
		t.Fatal(err)
	}
	p := report.Period{From: calendar.DateOf(windowFrom), To: calendar.DateOf(windowTo)}
	sum, err := service.Reports{DB: db}.Summary(ctx, p, sqlstore.ReportFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Received != received || sum.Rated != st.Rated || sum.ResolvedLate+sum.InProgressLate != st.Late {
		t.Errorf("figures: received %d rated %d late %d+%d; dossiers: received %d rated %d late %d",
			sum.Received, sum.Rated, sum.ResolvedLate, sum.InProgressLate, received, st.Rated, st.Late)
	}
	if sum.Resolved == 0 || sum.ResolvedLate == 0 || sum.Rated == 0 ||
		sum.ReceivedOnline == 0 || sum.ReceivedPostal == 0 || sum.ReceivedCounter == 0 {
		t.Errorf("figures missing: %+v", sum)
	}
	return ds
}

func load(t testing.TB, db *sqlstore.DB, n int) []*dossier.Dossier {
	t.Helper()
	out := make([]*dossier.Dossier, 0, n)
	for id := int64(1); id <= int64(n); id++ {
		d, err := db.Dossier(context.Background(), id)
		if err != nil {
			t.Fatalf("dossier %d: %v", id, err)
		}
		out = append(out, d)
	}
	return out
}

// fingerprint is each dossier's code, status and last event hash: the hash covers the
// whole history, actors and instants included.
func fingerprint(ds []*dossier.Dossier) []string {
	out := make([]string, len(ds))
	for i, d := range ds {
		out[i] = fmt.Sprintf("%s %s %s", d.Code, d.Status.Key(), d.LastHash)
	}
	return out
}

func firstDifference(a, b []string) int {
	for i := range max(len(a), len(b)) {
		if i >= len(a) || i >= len(b) || a[i] != b[i] {
			return min(i, len(a)-1, len(b)-1)
		}
	}
	return -1
}

// BenchmarkHistoryYear times the default demo history — a year at the default volume —
// on SQLite, and on PostgreSQL when MOTCUA_TEST_POSTGRES is set:
// go test -run '^$' -bench HistoryYear -benchtime 1x ./demo/
func BenchmarkHistoryYear(b *testing.B) {
	engines := map[string]func(testing.TB) string{"sqlite": sqlstoretest.SQLiteDSN}
	if sqlstoretest.PostgresURL() != "" {
		engines["postgres"] = sqlstoretest.PostgresDSN
	}
	for _, name := range slices.Sorted(maps.Keys(engines)) {
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				benchYear(b, sqlstoretest.Open(b, engines[name](b)))
			}
		})
	}
}

func benchYear(b *testing.B, db *sqlstore.DB) {
	ctx := context.Background()
	if _, err := demo.Seed(ctx, db); err != nil {
		b.Fatal(err)
	}
	st, err := demo.History(ctx, db, &service.Dossiers{DB: db}, demo.HistoryOptions{Seed: 1})
	if err != nil {
		b.Fatal(err)
	}
	to := time.Now()
	p := report.Period{From: calendar.DateOf(to.AddDate(-1, 0, 0)), To: calendar.DateOf(to)}
	sum, err := service.Reports{DB: db}.Summary(ctx, p, sqlstore.ReportFilter{})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(st.Dossiers), "dossiers")
	b.ReportMetric(float64(st.Moves), "moves")
	b.Logf("%d dossiers, %d moves (%d skipped, %d refused), %d documents in %s; by status %v; late %d, apologies %d, supplements %d, paid %d, rated %d",
		st.Dossiers, st.Moves, st.Skipped, st.Refused, st.Documents, st.Elapsed.Round(time.Millisecond), st.ByStatus, st.Late, st.Apologies,
		st.Supplements, st.Paid, st.Rated)
	b.Logf("figures: received %d (online %d, counter %d, post %d), resolved %d (early %d, on time %d, late %d), "+
		"in progress %d (late %d), withdrawn %d, stopped %d, refused %d; late rate %.2f %%; rated %d, avg %.2f, satisfied %.2f %%",
		sum.Received, sum.ReceivedOnline, sum.ReceivedCounter, sum.ReceivedPostal, sum.Resolved, sum.ResolvedEarly,
		sum.ResolvedOnTime, sum.ResolvedLate, sum.InProgress, sum.InProgressLate, sum.Withdrawn, sum.Stopped, sum.Refused,
		sum.LateRate.Percent, sum.Rated, sum.AvgScore, sum.Satisfaction.Percent)
}
