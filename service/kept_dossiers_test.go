package service_test

import (
	"context"
	"testing"

	"github.com/motcua/motcua/catalog"
	"github.com/motcua/motcua/dossier"
	"github.com/motcua/motcua/service"
	"github.com/motcua/motcua/sqlstore"
	"github.com/motcua/motcua/sqlstore/sqlstoretest"
)

// Each instance keeps the dossiers it stored last and moves them from that copy. A dossier
// moved meanwhile by another instance must be moved from the database instead: the same
// history, no lost or doubled event.
func TestMoveAfterAnotherInstanceMovedTheDossier(t *testing.T) {
	sqlstoretest.Engines(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		a := newWorld(t, sqlstoretest.Open(t, dsn))
		b := &service.Dossiers{DB: sqlstoretest.Open(t, dsn)}

		id := a.file(catalog.ChannelOnline, at(3, 3, 8, 0)) // a keeps it, submitted
		if _, _, err := b.Move(ctx, a.who["tiepnhan"], id, dossier.Command{Action: dossier.Receive}, at(3, 3, 8, 30)); err != nil {
			t.Fatal(err)
		}
		// a's copy still says "submitted"; the forward needs "received" and must see it.
		d := a.do(id, "tiepnhan", at(3, 3, 9, 0), dossier.Command{Action: dossier.Forward, ToUnit: "QLTM"})
		if d.LastSeq != 3 || d.Code == "" || d.Status != dossier.Processing {
			t.Fatalf("after the forward: seq %d, code %q, status %v; want 3, a code, processing", d.LastSeq, d.Code, d.Status)
		}
		// And b, whose copy is now the stale one, moves it on from the database too.
		if _, _, err := b.Move(ctx, a.who["chuyenvien"], id, dossier.Command{Action: dossier.Forward, ToUnit: "QLTM"}, at(3, 3, 10, 0)); err != nil {
			t.Fatal(err)
		}
		stored, err := a.db.Dossier(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		events, err := a.db.DossierEvents(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if len(events) != 4 || stored.LastSeq != 4 {
			t.Fatalf("%d events, last seq %d; want 4 and 4", len(events), stored.LastSeq)
		}
		if bad, err := dossier.VerifyHead(stored, events); err != nil {
			t.Fatalf("chain broken at %d: %v", bad, err)
		}
	})
}

// A kept copy is the caller's to change: changing it changes neither the stored dossier
// nor the copy the next move gets.
func TestKeptDossierIsNotShared(t *testing.T) {
	sqlstoretest.EachDB(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		w := newWorld(t, db)
		id := w.file(catalog.ChannelOnline, at(3, 3, 8, 0))
		first, err := db.DossierSnapshot(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		first.D.Status = dossier.Done
		first.D.Steps = append(first.D.Steps, dossier.Step{UnitCode: "XXX"})
		first.D.Applicant.Name = "changed"
		second, err := db.DossierSnapshot(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if second.D.Status != dossier.Receiving || len(second.D.Steps) != 0 || second.D.Applicant.Name != "Nguyễn Văn An" {
			t.Fatalf("the kept copy changed with the caller's: %v, %d steps, %q", second.D.Status, len(second.D.Steps), second.D.Applicant.Name)
		}
		d := w.do(id, "tiepnhan", at(3, 3, 9, 0), dossier.Command{Action: dossier.Receive})
		if d.Status != dossier.New || d.Applicant.Name != "Nguyễn Văn An" {
			t.Fatalf("received as %v for %q", d.Status, d.Applicant.Name)
		}
	})
}
