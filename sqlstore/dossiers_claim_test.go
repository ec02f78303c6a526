package sqlstore_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/motcua/motcua/calendar"
	"github.com/motcua/motcua/catalog"
	"github.com/motcua/motcua/dossier"
	"github.com/motcua/motcua/org"
	"github.com/motcua/motcua/report"
	"github.com/motcua/motcua/sqlstore"
	"github.com/motcua/motcua/sqlstore/sqlstoretest"
)

// A move from the copy an instance kept must see the row as it is now. The portal worker
// and the figures' backfill write a dossier's sync time and report fact without touching
// the dossier itself; a move that went on from the kept fact would count the dossier
// wrongly. So the copy is stale (PostgreSQL) or its fact is read afresh (SQLite).
func TestMoveFromKeptCopySeesTheRowAsItIs(t *testing.T) {
	for _, c := range []struct {
		name, set string
		fact      bool
	}{
		{"report fact", `report_fact = '{"class":"open","dossier_id":7}'`, true},
		{"portal sync", `synced_at = 1772420400000`, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			sqlstoretest.Engines(t, func(t *testing.T, dsn string) {
				ctx := context.Background()
				a, b := sqlstoretest.Open(t, dsn), sqlstoretest.Open(t, dsn)
				an := citizen(t, a, "an")
				id := create(t, a, newDraft(t, catalog.ChannelOnline, an, ""), an) // a keeps it
				if err := b.ExecForTest(ctx, `UPDATE dossiers SET `+c.set+` WHERE id = ?`, id); err != nil {
					t.Fatal(err)
				}

				owner := dossier.Actor{AccountID: an, Name: "Nguyễn Văn An", Role: org.RoleCitizen}
				var seen report.Fact
				var counted bool
				submit := func(d *dossier.Dossier, tx *sqlstore.DossierTx) (dossier.Event, error) {
					var err error
					if seen, counted, err = tx.ReportFact(); err != nil {
						return dossier.Event{}, err
					}
					return d.Apply(dossier.Command{Action: dossier.Submit, Actor: owner}, monday9.Add(time.Minute), calendar.Default())
				}
				stale := 0
				for {
					snap, err := a.DossierSnapshot(ctx, id)
					if err != nil {
						t.Fatal(err)
					}
					_, _, err = a.ApplyDossierSeen(ctx, id, snap, false, submit)
					if errors.Is(err, sqlstore.ErrStaleSnapshot) && stale == 0 {
						stale++
						continue
					}
					if err != nil {
						t.Fatal(err)
					}
					break
				}
				if want := a.Engine == sqlstore.Postgres; (stale == 1) != want {
					t.Fatalf("kept copy found stale %d times; want once on PostgreSQL (the claim), never on SQLite", stale)
				}
				if c.fact && (!counted || seen.Class != report.Open || seen.DossierID != 7) {
					t.Fatalf("the move saw the fact %+v (counted %v), not the one written elsewhere", seen, counted)
				}
				if !c.fact && !seen.Synced {
					t.Fatalf("the move saw the dossier unsynced: %+v", seen)
				}
			})
		})
	}
}
