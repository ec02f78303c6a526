package sqlstore_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/motcua/motcua/calendar"
	"github.com/motcua/motcua/catalog"
	"github.com/motcua/motcua/dossier"
	"github.com/motcua/motcua/sqlstore"
	"github.com/motcua/motcua/sqlstore/sqlstoretest"
)

func receipt() dossier.Command { return dossier.Command{Action: dossier.Receive, Actor: deskOfficer} }

func wantCode(t *testing.T, d *dossier.Dossier, n int) {
	t.Helper()
	if want := dossier.FormatCode(deskIdentifier, calendar.DateOf(monday9), n); d.Code != want {
		t.Fatalf("code %s, want %s", d.Code, want)
	}
}

// A receipt that fails after it was dealt a number, before its writes went out, gives
// the number back: the next receipt gets it.
func TestDealtNumberGivenBack(t *testing.T) {
	sqlstoretest.EachDB(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		first := create(t, db, newDraft(t, catalog.ChannelCounter, 0, ""), 1)
		wantCode(t, mustApply(t, db, first, receipt(), monday9), 1) // the dealer learns the day's sequence
		failing := create(t, db, newDraft(t, catalog.ChannelCounter, 0, ""), 1)
		boom := errors.New("boom")
		_, _, err := db.ApplyDossier(ctx, failing, func(d *dossier.Dossier, tx *sqlstore.DossierTx) (dossier.Event, error) {
			if _, err := tx.IssueCode(deskIdentifier, calendar.DateOf(monday9), true); err != nil {
				return dossier.Event{}, err
			}
			return dossier.Event{}, boom
		})
		if !errors.Is(err, boom) {
			t.Fatalf("got %v, want boom", err)
		}
		next := create(t, db, newDraft(t, catalog.ChannelCounter, 0, ""), 1)
		wantCode(t, mustApply(t, db, next, receipt(), monday9), 2)
		third := create(t, db, newDraft(t, catalog.ChannelCounter, 0, ""), 1)
		wantCode(t, mustApply(t, db, third, receipt(), monday9), 3)
		if dealt, taken, _ := db.CodeNumbers(); db.Engine == sqlstore.Postgres && (dealt == 0 || taken != 0) {
			t.Fatalf("%d numbers dealt, %d found taken; want some dealt, none taken", dealt, taken)
		}
	})
}

// Two instances number one unit's receipts. The number an instance deals from what it
// knew may have been taken by the other: that receipt fails whole, and taking the number
// under lock then gives it the next one. The database alone decides.
func TestDealtNumberTakenByAnotherInstance(t *testing.T) {
	sqlstoretest.Engines(t, func(t *testing.T, dsn string) {
		a, b := instancesAfterTheFirstReceipt(t, dsn)
		y := create(t, b, newDraft(t, catalog.ChannelCounter, 0, ""), 1)
		wantCode(t, mustApply(t, b, y, receipt(), monday9), 2) // taken by b under lock

		z := create(t, a, newDraft(t, catalog.ChannelCounter, 0, ""), 1)
		d, _, err := applyGuess(a, z, receipt(), monday9, true) // a deals 2
		if a.Engine == sqlstore.SQLite {
			// One writer at a time: SQLite takes the next number under its lock anyway.
			if err != nil {
				t.Fatal(err)
			}
			wantCode(t, d, 3)
			return
		}
		if !errors.Is(err, sqlstore.ErrCodeTaken) {
			t.Fatalf("dealing a taken number: %v, want ErrCodeTaken", err)
		}
		if d, err := a.Dossier(context.Background(), z); err != nil || d.Code != "" || d.LastSeq != 0 {
			t.Fatalf("the failed receipt left code %q, last seq %d (%v)", d.Code, d.LastSeq, err)
		}
		d, _, err = applyGuess(a, z, receipt(), monday9, false)
		if err != nil {
			t.Fatal(err)
		}
		wantCode(t, d, 3)
		// Another instance receives for the unit too: for a while a takes its numbers under
		// lock rather than deal them, and they are right.
		w := create(t, a, newDraft(t, catalog.ChannelCounter, 0, ""), 1)
		d, _, err = applyGuess(a, w, receipt(), monday9, true)
		if err != nil {
			t.Fatal(err)
		}
		wantCode(t, d, 4)
		if dealt, taken, locked := a.CodeNumbers(); dealt != 1 || taken != 1 || locked != 3 {
			t.Fatalf("a: %d dealt, %d taken, %d locked; want 1, 1, 3", dealt, taken, locked)
		}
	})
}

// The first receipt of the day takes its number under lock and creates the day's
// sequence row, which no other transaction sees until it commits. The receipt dealt the
// next number meanwhile must wait for it, not find the sequence missing.
func TestDealtNumberAfterTheDaysFirst(t *testing.T) {
	sqlstoretest.EachDB(t, func(t *testing.T, db *sqlstore.DB) {
		first := create(t, db, newDraft(t, catalog.ChannelCounter, 0, ""), 1)
		second := create(t, db, newDraft(t, catalog.ChannelCounter, 0, ""), 1)
		d, r, err := receiveHoldingOpen(db, first, true, 200*time.Millisecond, func() (*dossier.Dossier, error) {
			d, _, err := applyGuess(db, second, receipt(), monday9, true)
			return d, err
		})
		if err != nil {
			t.Fatal(err)
		}
		wantCode(t, d, 1)
		if r.err != nil {
			t.Fatalf("the receipt dealt the next number: %v", r.err)
		}
		wantCode(t, r.d, 2)
	})
}

// A receipt dealt a number that another instance is taking under lock at that moment
// waits for the other's transaction and then fails with ErrCodeTaken. It must not first
// write what carries the code (the dossier, the portal's messages): the other's own
// writes of that code would wait for it in turn, and the two would deadlock.
func TestDealtNumberTakenWhileItWaits(t *testing.T) {
	sqlstoretest.Engines(t, func(t *testing.T, dsn string) {
		a, b := instancesAfterTheFirstReceipt(t, dsn)
		y := create(t, b, newDraft(t, catalog.ChannelCounter, 0, ""), 1)
		z := create(t, a, newDraft(t, catalog.ChannelCounter, 0, ""), 1)
		d, r, err := receiveHoldingOpen(b, y, false, 300*time.Millisecond, func() (*dossier.Dossier, error) {
			d, _, err := applyGuess(a, z, receipt(), monday9, true) // a deals 2 as well, while b holds the sequence
			return d, err
		})
		if err != nil {
			t.Fatalf("the receipt that took its number under lock: %v", err)
		}
		wantCode(t, d, 2)
		if a.Engine == sqlstore.SQLite {
			// One writer at a time: a waited for b and took the next number.
			if r.err != nil {
				t.Fatal(r.err)
			}
			wantCode(t, r.d, 3)
			return
		}
		if !errors.Is(r.err, sqlstore.ErrCodeTaken) {
			t.Fatalf("the receipt dealt the taken number: %v, want ErrCodeTaken", r.err)
		}
	})
}

// receivedMeanwhile is the outcome of a receipt run while another was still open.
type receivedMeanwhile struct {
	d   *dossier.Dossier
	err error
}

// receiveHoldingOpen receives dossier id on db, taking its number (dealt if guess), and
// while its transaction is still open runs meanwhile, which it lets start for pause
// before it goes on. It returns its own outcome and meanwhile's (zero if it never ran).
func receiveHoldingOpen(db *sqlstore.DB, id int64, guess bool, pause time.Duration,
	meanwhile func() (*dossier.Dossier, error)) (*dossier.Dossier, receivedMeanwhile, error) {
	done := make(chan receivedMeanwhile, 1)
	started := false
	d, _, err := db.ApplyDossier(context.Background(), id, func(d *dossier.Dossier, tx *sqlstore.DossierTx) (dossier.Event, error) {
		code, err := tx.IssueCode(deskIdentifier, calendar.DateOf(monday9), guess)
		if err != nil {
			return dossier.Event{}, err
		}
		started = true
		go func() {
			d, err := meanwhile()
			done <- receivedMeanwhile{d, err}
		}()
		time.Sleep(pause)
		c := receipt()
		c.Code = code
		return d.Apply(c, monday9, calendar.Default())
	})
	var other receivedMeanwhile
	if started {
		other = <-done // it may have waited for this transaction, which has ended now
	}
	return d, other, err
}

// instancesAfterTheFirstReceipt opens two instances on dsn; a has received the day's first
// dossier, so it knows the unit's last number is 1.
func instancesAfterTheFirstReceipt(t *testing.T, dsn string) (a, b *sqlstore.DB) {
	t.Helper()
	a, b = sqlstoretest.Open(t, dsn), sqlstoretest.Open(t, dsn)
	x := create(t, a, newDraft(t, catalog.ChannelCounter, 0, ""), 1)
	wantCode(t, mustApply(t, a, x, receipt(), monday9), 1)
	return a, b
}
