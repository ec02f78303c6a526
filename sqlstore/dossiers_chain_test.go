package sqlstore_test

import (
	"context"
	"testing"
	"time"

	"github.com/motcua/motcua/catalog"
	"github.com/motcua/motcua/dossier"
	"github.com/motcua/motcua/sqlstore"
	"github.com/motcua/motcua/sqlstore/sqlstoretest"
)

// TestVerifyAllChainsFindsTampering edits a stored event behind the store's back and
// expects verify-log to name that dossier and event.
func TestVerifyAllChainsFindsTampering(t *testing.T) {
	sqlstoretest.EachDB(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		id := create(t, db, newDraft(t, catalog.ChannelCounter, 0, ""), 1)
		good := create(t, db, newDraft(t, catalog.ChannelCounter, 0, ""), 1)
		d := mustApply(t, db, id, dossier.Command{Action: dossier.Receive, Actor: deskOfficer}, monday9)
		mustApply(t, db, id, dossier.Command{Action: dossier.Forward, Actor: deskOfficer}, monday9.Add(time.Hour))
		mustApply(t, db, good, dossier.Command{Action: dossier.Receive, Actor: deskOfficer}, monday9)
		if err := db.ExecForTest(ctx, `UPDATE dossier_events SET body = REPLACE(body, 'QLTM', 'QLCN')
			WHERE dossier_id = ? AND seq = 2`, id); err != nil {
			t.Fatal(err)
		}
		var got []int
		err := db.VerifyAllChains(ctx, func(bid int64, code string, bad int, err error) {
			if bid != id || code != d.Code {
				t.Errorf("broken dossier %d %q, want %d %q", bid, code, id, d.Code)
			}
			got = append(got, bad)
		})
		if err != nil || len(got) != 1 || got[0] != 2 {
			t.Fatalf("verify: %v %v, want event 2 named", got, err)
		}
	})
}
