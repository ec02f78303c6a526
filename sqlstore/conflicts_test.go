package sqlstore_test

import (
	"context"
	"testing"
	"time"

	"github.com/motcua/motcua/catalog"
	"github.com/motcua/motcua/sqlstore"
	"github.com/motcua/motcua/sqlstore/sqlstoretest"
)

// Every kind of write PostgreSQL may roll back to break a deadlock is tried again from the
// start: a transaction (InTx), a single statement that answers a row (writeRow) and one
// that answers none (exec). Two deadlocks in a row are ridden out; a write that meets one
// on every try gives up after sqlstore.ConflictTries with the server's error and keeps
// nothing. Conflicts counts every try rolled back.
func TestWritesTriedAgainAfterADeadlock(t *testing.T) {
	dsn := sqlstoretest.PostgresDSN(t)
	db := sqlstoretest.Open(t, dsn)
	ctx := context.Background()
	owner := citizen(t, db, "dan")
	conflicts := db.Conflicts()
	expect := func(t *testing.T, what string, tries func() int, wantTries int, wantConflicts int64) {
		t.Helper()
		if got := tries(); got != wantTries {
			t.Errorf("%s was tried %d times; want %d", what, got, wantTries)
		}
		conflicts += wantConflicts
		if got := db.Conflicts(); got != conflicts {
			t.Errorf("after %s, Conflicts = %d; want %d", what, got, conflicts)
		}
	}
	giveUp := sqlstore.ConflictTries + 2

	t.Run("transaction", func(t *testing.T) {
		tries := sqlstoretest.DeadlocksOn(t, dsn, "calendar_decisions", 2)
		id, err := db.AddCalendarDecision(ctx, cultureDay, calendarAdmin)
		if err != nil {
			t.Fatalf("through two deadlocks: %v", err)
		}
		expect(t, "a decision", tries, 3, 2)
		if ds, err := db.CalendarDecisions(ctx); err != nil || len(ds) != 1 || ds[0].ID != id {
			t.Fatalf("decisions after the retried add: %+v %v; want the one, %d", ds, err, id)
		}

		rev, _ := db.Revision(ctx, sqlstore.RevisionCalendar)
		tries = sqlstoretest.DeadlocksOn(t, dsn, "calendar_decisions", giveUp)
		if err := db.RemoveCalendarDecision(ctx, id, calendarAdmin); !sqlstore.Conflicted(err) {
			t.Fatalf("a removal that always meets a deadlock: %v; want the server's deadlock", err)
		}
		expect(t, "a removal", tries, sqlstore.ConflictTries, int64(sqlstore.ConflictTries))
		if ds, err := db.CalendarDecisions(ctx); err != nil || len(ds) != 1 {
			t.Fatalf("decisions after the failed removal: %+v %v; want the one still in force", ds, err)
		}
		if got, _ := db.Revision(ctx, sqlstore.RevisionCalendar); got != rev {
			t.Fatalf("calendar revision %d after the failed removal; want %d", got, rev)
		}
	})

	t.Run("statement answering a row", func(t *testing.T) {
		tries := sqlstoretest.DeadlocksOn(t, dsn, "dossiers", 2)
		id, existed, err := db.CreateDossierDraft(ctx, newDraft(t, catalog.ChannelOnline, owner, "k-1"), owner)
		if err != nil || existed || id == 0 {
			t.Fatalf("a draft through two deadlocks: %d %v %v", id, existed, err)
		}
		expect(t, "a draft", tries, 3, 2)

		tries = sqlstoretest.DeadlocksOn(t, dsn, "dossiers", giveUp)
		_, _, err = db.CreateDossierDraft(ctx, newDraft(t, catalog.ChannelOnline, owner, "k-2"), owner)
		if !sqlstore.Conflicted(err) || !sqlstore.Unavailable(err) {
			t.Fatalf("a draft that always meets a deadlock: %v; want the server's deadlock, as unavailable", err)
		}
		expect(t, "the second draft", tries, sqlstore.ConflictTries, int64(sqlstore.ConflictTries))
		sqlstoretest.DeadlocksOn(t, dsn, "dossiers", 0)
		if n, _, err := db.CountDossiers(ctx, sqlstore.DossierFilter{OwnerID: owner, WithDrafts: true}, 10); err != nil || n != 1 {
			t.Fatalf("the owner's dossiers: %d %v; want the first draft only", n, err)
		}
	})

	t.Run("statement answering nothing", func(t *testing.T) {
		tries := sqlstoretest.DeadlocksOn(t, dsn, "sessions", 2)
		token, err := db.CreateSession(ctx, owner, sqlstore.SessionBrowser, time.Hour)
		if err != nil {
			t.Fatalf("a session through two deadlocks: %v", err)
		}
		expect(t, "a session", tries, 3, 2)
		if got, err := db.SessionAccount(ctx, token, sqlstore.SessionBrowser); err != nil || got.ID != owner {
			t.Fatalf("the session: %+v %v", got, err)
		}
		tries = sqlstoretest.DeadlocksOn(t, dsn, "sessions", giveUp)
		if _, err := db.CreateSession(ctx, owner, sqlstore.SessionBrowser, time.Hour); !sqlstore.Conflicted(err) {
			t.Fatalf("a session that always meets a deadlock: %v; want the server's deadlock", err)
		}
		expect(t, "the second session", tries, sqlstore.ConflictTries, int64(sqlstore.ConflictTries))
	})
}
