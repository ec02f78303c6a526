package service_test

import (
	"context"
	"strings"
	"testing"

	"github.com/motcua/motcua/catalog"
	"github.com/motcua/motcua/dossier"
	"github.com/motcua/motcua/sqlstore"
	"github.com/motcua/motcua/sqlstore/sqlstoretest"
)

// A move PostgreSQL rolls back to break a deadlock is tried again from the start: the
// officer's receipt goes through once, with the number the sequence would have given it
// anyway. One that keeps failing gives up after three tries and changes nothing.
func TestMoveTriedAgainAfterADeadlock(t *testing.T) {
	dsn := sqlstoretest.PostgresDSN(t)
	db := sqlstoretest.Open(t, dsn)
	w := newWorld(t, db)
	ctx := context.Background()
	first := w.file(catalog.ChannelOnline, at(3, 3, 8, 0))
	second := w.file(catalog.ChannelOnline, at(3, 3, 8, 5))
	third := w.file(catalog.ChannelOnline, at(3, 3, 8, 10))

	tries := sqlstoretest.Deadlocks(t, dsn, 2)
	d := w.do(first, "tiepnhan", at(3, 3, 8, 30), dossier.Command{Action: dossier.Receive})
	if got := tries(); got != 3 {
		t.Fatalf("the receipt was tried %d times; want 3 (two deadlocks, then through)", got)
	}
	if got := db.Conflicts(); got != 2 {
		t.Fatalf("Conflicts = %d; want 2", got)
	}
	events, err := db.DossierEvents(ctx, first)
	if err != nil {
		t.Fatal(err)
	}
	if len(events) != 2 || d.LastSeq != 2 || d.Status != dossier.New {
		t.Fatalf("%d events, last seq %d, status %v; want 2, 2, new", len(events), d.LastSeq, d.Status)
	}
	if !strings.HasSuffix(d.Code, "-0001") {
		t.Fatalf("code %q; want the unit's first number of the day, 0001", d.Code)
	}

	tries = sqlstoretest.Deadlocks(t, dsn, 5)
	_, _, err = w.svc.Move(ctx, w.who["tiepnhan"], second, dossier.Command{Action: dossier.Receive}, at(3, 3, 8, 40))
	if !sqlstore.Conflicted(err) || !sqlstore.Unavailable(err) {
		t.Fatalf("a receipt that always meets a deadlock: %v; want the server's deadlock, as unavailable", err)
	}
	if got := tries(); got != 3 {
		t.Fatalf("the receipt was tried %d times; want 3", got)
	}
	stored, err := db.Dossier(ctx, second)
	if err != nil {
		t.Fatal(err)
	}
	if stored.LastSeq != 1 || stored.Code != "" || stored.Status != dossier.Receiving {
		t.Fatalf("after the failed receipt: seq %d, code %q, status %v; want 1, none, receiving",
			stored.LastSeq, stored.Code, stored.Status)
	}

	// The numbers the failed tries held were given back: the next receipt takes 0002.
	sqlstoretest.Deadlocks(t, dsn, 0)
	d = w.do(third, "tiepnhan", at(3, 3, 8, 50), dossier.Command{Action: dossier.Receive})
	if !strings.HasSuffix(d.Code, "-0002") {
		t.Fatalf("code %q; want 0002, the number after the first receipt's", d.Code)
	}
}
