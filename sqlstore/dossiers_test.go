package sqlstore_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/motcua/motcua"
	"github.com/motcua/motcua/calendar"
	"github.com/motcua/motcua/catalog"
	"github.com/motcua/motcua/dossier"
	"github.com/motcua/motcua/org"
	"github.com/motcua/motcua/sqlstore"
	"github.com/motcua/motcua/sqlstore/sqlstoretest"
)

const deskIdentifier = "000.01.12.H26"

// monday9 is 09:00 on Monday 2 March 2026 in Vietnam, a working morning.
var monday9 = time.Date(2026, time.March, 2, 9, 0, 0, 0, calendar.Vietnam)

var (
	deskOfficer = dossier.Actor{AccountID: 1, Name: "Nguyễn Thị Lan", Role: org.RoleOfficer, UnitCode: "MC"}
	specialist  = dossier.Actor{AccountID: 2, Name: "Trần Văn Minh", Role: org.RoleSpecialist, UnitCode: "QLTM"}
)

// retailLicence is a sample procedure: 10 working days, a fee, a three-step process.
func retailLicence() *catalog.Procedure {
	published := monday9.AddDate(-1, 0, 0)
	return &catalog.Procedure{Code: "2.000181.000.00.00.H26", Versions: []catalog.Version{{
		Number: 1, Status: catalog.Published, PublishedAt: &published,
		Name: "Cấp Giấy phép bán lẻ sản phẩm thuốc lá",
		Channels: []catalog.ChannelTerms{
			{Channel: catalog.ChannelCounter, Time: calendar.Days(10)},
			{Channel: catalog.ChannelOnline, Time: calendar.Days(10), Fees: []catalog.Fee{
				{Name: "Phí thẩm định", Amount: 300000, EffectiveFrom: calendar.D(2020, 1, 1)}}},
		},
		InternalSteps: []catalog.InternalStep{
			{Name: "Tiếp nhận hồ sơ", UnitCode: "MC", Role: string(org.RoleOfficer), NormHours: 4},
			{Name: "Thẩm định hồ sơ", UnitCode: "QLTM", Role: string(org.RoleSpecialist), NormHours: 40},
			{Name: "Trả kết quả", UnitCode: "MC", Role: string(org.RoleOfficer), NormHours: 4},
		},
		ReplyWithin: calendar.Days(15),
	}}}
}

func newDraft(t *testing.T, ch catalog.Channel, owner int64, key string) *dossier.Dossier {
	t.Helper()
	d, err := dossier.NewDraft(dossier.DraftInput{Procedure: retailLicence(), Channel: ch, ApplicantType: catalog.Citizen,
		Applicant: dossier.Applicant{Name: "Nguyễn Văn An", IDNumber: "001090012345", Phone: "0912345678",
			Email: "an@example.vn"}, OwnerAccountID: owner, IdempotencyKey: key}, monday9)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// citizen creates an applicant account, which owner_account_id must reference.
func citizen(t *testing.T, db *sqlstore.DB, username string) int64 {
	t.Helper()
	id, err := db.CreateAccount(context.Background(), org.Account{Username: username, DisplayName: username,
		Role: org.RoleCitizen}, "x")
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func create(t *testing.T, db *sqlstore.DB, d *dossier.Dossier, by int64) int64 {
	t.Helper()
	id, _, err := db.CreateDossierDraft(context.Background(), d, by)
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// apply runs c on dossier id at now; receipts take a code from the sequence, dealt first
// and, if that number was taken meanwhile, under lock (as the service does).
func apply(db *sqlstore.DB, id int64, c dossier.Command, now time.Time) (*dossier.Dossier, dossier.Event, error) {
	d, ev, err := applyGuess(db, id, c, now, true)
	if errors.Is(err, sqlstore.ErrCodeTaken) {
		return applyGuess(db, id, c, now, false)
	}
	return d, ev, err
}

func applyGuess(db *sqlstore.DB, id int64, c dossier.Command, now time.Time, guess bool) (*dossier.Dossier, dossier.Event, error) {
	return db.ApplyDossier(context.Background(), id, func(d *dossier.Dossier, tx *sqlstore.DossierTx) (dossier.Event, error) {
		if c.Action == dossier.Receive && d.Code == "" {
			code, err := tx.IssueCode(deskIdentifier, calendar.DateOf(now.In(calendar.Vietnam)), guess)
			if err != nil {
				return dossier.Event{}, err
			}
			c.Code = code
		}
		return d.Apply(c, now, calendar.Default())
	})
}

func mustApply(t *testing.T, db *sqlstore.DB, id int64, c dossier.Command, now time.Time) *dossier.Dossier {
	t.Helper()
	d, _, err := apply(db, id, c, now)
	if err != nil {
		t.Fatalf("%s: %v", c.Action, err)
	}
	return d
}

func TestDossierDraftIdempotency(t *testing.T) {
	sqlstoretest.EachDB(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		an, binh := citizen(t, db, "an"), citizen(t, db, "binh")
		id1, existed, err := db.CreateDossierDraft(ctx, newDraft(t, catalog.ChannelOnline, an, "k-1"), an)
		if err != nil || existed {
			t.Fatalf("first create: %d %v %v", id1, existed, err)
		}
		id2, existed, err := db.CreateDossierDraft(ctx, newDraft(t, catalog.ChannelOnline, an, "k-1"), an)
		if err != nil || !existed || id2 != id1 {
			t.Fatalf("retried create: %d %v %v, want %d existing", id2, existed, err, id1)
		}
		id3, existed, _ := db.CreateDossierDraft(ctx, newDraft(t, catalog.ChannelOnline, binh, "k-1"), binh)
		if existed || id3 == id1 {
			t.Fatalf("another applicant's key collided: %d", id3)
		}
		a := create(t, db, newDraft(t, catalog.ChannelCounter, 0, ""), 99)
		b := create(t, db, newDraft(t, catalog.ChannelCounter, 0, ""), 99)
		if a == b {
			t.Fatal("drafts without a key were merged")
		}
		d, err := db.Dossier(ctx, id1)
		if err != nil || d.ID != id1 || d.OwnerAccountID != an || d.Status != dossier.Draft || d.Applicant.Name != "Nguyễn Văn An" {
			t.Fatalf("load: %+v %v", d, err)
		}
		if _, err := db.Dossier(ctx, 9999); !errors.Is(err, motcua.ErrNotFound) {
			t.Fatalf("missing dossier: %v", err)
		}
		upd, err := db.UpdateDraft(ctx, id1, func(d *dossier.Dossier) error { d.Summary = "Bán lẻ"; return nil })
		if err != nil || upd.Summary != "Bán lẻ" {
			t.Fatalf("update draft: %v", err)
		}
	})
}

func TestApplyDossierKeepsHistory(t *testing.T) {
	sqlstoretest.EachDB(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		an := citizen(t, db, "an")
		owner := dossier.Actor{AccountID: an, Name: "Nguyễn Văn An", Role: org.RoleCitizen}
		id := create(t, db, newDraft(t, catalog.ChannelOnline, an, ""), an)
		mustApply(t, db, id, dossier.Command{Action: dossier.Submit, Actor: owner}, monday9.Add(time.Minute))
		d := mustApply(t, db, id, dossier.Command{Action: dossier.Receive, Actor: deskOfficer}, monday9.Add(time.Hour))
		if d.Status != dossier.New || !strings.HasPrefix(d.Code, deskIdentifier+"-260302-0001") || d.AppointmentAt.IsZero() {
			t.Fatalf("after receipt: status %v code %q appointment %v", d.Status, d.Code, d.AppointmentAt)
		}
		mustApply(t, db, id, dossier.Command{Action: dossier.Forward, Actor: deskOfficer}, monday9.Add(2*time.Hour))
		if _, _, err := apply(db, id, dossier.Command{Action: dossier.Approve, Actor: specialist}, monday9.Add(3*time.Hour)); err == nil {
			t.Fatal("a specialist approved")
		}
		byCode, err := db.DossierByCode(ctx, d.Code)
		if err != nil || byCode.ID != id || byCode.Status != dossier.Processing {
			t.Fatalf("by code: %+v %v", byCode, err)
		}
		events, err := db.DossierEvents(ctx, id)
		if err != nil || len(events) != 3 {
			t.Fatalf("events: %d %v", len(events), err)
		}
		if bad, err := dossier.VerifyHead(byCode, events); err != nil {
			t.Fatalf("chain broken at %d: %v", bad, err)
		}
		var broken []string
		if err := db.VerifyAllChains(ctx, func(id int64, code string, bad int, err error) {
			broken = append(broken, fmt.Sprint(id, code, bad, err))
		}); err != nil || broken != nil {
			t.Fatalf("verify all: %v %v", broken, err)
		}
	})
}

func TestFailedMoveChangesNothing(t *testing.T) {
	sqlstoretest.EachDB(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		id := create(t, db, newDraft(t, catalog.ChannelCounter, 0, ""), 1)
		boom := errors.New("boom")
		_, _, err := db.ApplyDossier(ctx, id, func(d *dossier.Dossier, tx *sqlstore.DossierTx) (dossier.Event, error) {
			code, err := tx.IssueCode(deskIdentifier, calendar.DateOf(monday9), true)
			if err != nil {
				return dossier.Event{}, err
			}
			if _, err := d.Apply(dossier.Command{Action: dossier.Receive, Actor: deskOfficer, Code: code}, monday9, calendar.Default()); err != nil {
				return dossier.Event{}, err
			}
			if err := tx.Enqueue("email", "x", []byte("{}")); err != nil {
				return dossier.Event{}, err
			}
			return dossier.Event{}, boom
		})
		if !errors.Is(err, boom) {
			t.Fatalf("got %v, want boom", err)
		}
		d, _ := db.Dossier(ctx, id)
		events, _ := db.DossierEvents(ctx, id)
		pending, _, _, _ := db.OutboxStats(ctx)
		if d.Status != dossier.Draft || d.Code != "" || d.LastSeq != 0 || len(events) != 0 || pending != 0 {
			t.Fatalf("failed move left traces: status %v code %q events %d outbox %d", d.Status, d.Code, len(events), pending)
		}
		d = mustApply(t, db, id, dossier.Command{Action: dossier.Receive, Actor: deskOfficer}, monday9)
		if d.Code != deskIdentifier+"-260302-0001" {
			t.Fatalf("rolled-back number not reused: %s", d.Code)
		}
	})
}

// TestCodesUnderConcurrentReceipts receives 400 dossiers from 8 goroutines: every code is
// different and the day's numbers run 1..400 without a gap.
func TestCodesUnderConcurrentReceipts(t *testing.T) {
	sqlstoretest.EachDB(t, func(t *testing.T, db *sqlstore.DB) {
		const workers, each = 8, 50
		ids := make([]int64, workers*each)
		for i := range ids {
			ids[i] = create(t, db, newDraft(t, catalog.ChannelCounter, 0, ""), 1)
		}
		var mu sync.Mutex
		var seqs []int
		var wg sync.WaitGroup
		errs := make(chan error, workers)
		for w := range workers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for _, id := range ids[w*each : (w+1)*each] {
					d, _, err := apply(db, id, dossier.Command{Action: dossier.Receive, Actor: deskOfficer}, monday9)
					if err != nil {
						errs <- err
						return
					}
					c, err := dossier.ParseCode(d.Code)
					if err != nil {
						errs <- err
						return
					}
					mu.Lock()
					seqs = append(seqs, c.Seq)
					mu.Unlock()
				}
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Fatal(err)
		}
		slices.Sort(seqs)
		for i, s := range seqs {
			if s != i+1 {
				t.Fatalf("sequence %d at position %d: duplicate or gap", s, i+1)
			}
		}
		if len(seqs) != workers*each {
			t.Fatalf("%d codes, want %d", len(seqs), workers*each)
		}
		// One instance deals numbers that are never found taken, from the first receipt of
		// the day on (whose sequence row is new, invisible to the others until it commits).
		if dealt, taken, locked := db.CodeNumbers(); db.Engine == sqlstore.Postgres &&
			(dealt == 0 || taken != 0 || dealt+locked != int64(len(seqs))) {
			t.Fatalf("%d numbers dealt, %d found taken, %d taken under lock for %d receipts", dealt, taken, locked, len(seqs))
		}
	})
}
