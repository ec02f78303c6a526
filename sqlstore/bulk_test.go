package sqlstore_test

import (
	"context"
	"testing"
	"time"

	"github.com/motcua/motcua/calendar"
	"github.com/motcua/motcua/catalog"
	"github.com/motcua/motcua/dossier"
	"github.com/motcua/motcua/org"
	"github.com/motcua/motcua/sqlstore"
	"github.com/motcua/motcua/sqlstore/sqlstoretest"
)

// TestBulkInsertMatchesTheMovePath stores the same received dossier once through the
// moves and once in bulk, and expects the same queue row, a verifying history, and the
// day's code sequence raised past the bulk codes.
func TestBulkInsertMatchesTheMovePath(t *testing.T) {
	sqlstoretest.EachDB(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		an := citizen(t, db, "an")
		owner := dossier.Actor{AccountID: an, Name: "Nguyễn Văn An", Role: org.RoleCitizen}
		submit := dossier.Command{Action: dossier.Submit, Actor: owner}

		viaMoves := create(t, db, newDraft(t, catalog.ChannelOnline, an, ""), an)
		mustApply(t, db, viaMoves, submit, monday9.Add(time.Minute))
		mustApply(t, db, viaMoves, dossier.Command{Action: dossier.Receive, Actor: deskOfficer}, monday9.Add(time.Hour))

		var batch []sqlstore.BulkDossier
		for seq := 5; seq <= 7; seq++ {
			d := newDraft(t, catalog.ChannelOnline, an, "")
			var events []dossier.Event
			code := dossier.FormatCode(deskIdentifier, calendar.DateOf(monday9), seq)
			for i, c := range []dossier.Command{submit, {Action: dossier.Receive, Actor: deskOfficer, Code: code}} {
				e, err := d.Apply(c, monday9.Add(time.Minute+time.Duration(i)*59*time.Minute), calendar.Default())
				if err != nil {
					t.Fatal(err)
				}
				events = append(events, e)
			}
			b, err := sqlstore.PrepareBulk(d, events, an)
			if err != nil {
				t.Fatal(err)
			}
			batch = append(batch, b)
		}
		if err := db.BulkInsertDossiers(ctx, batch); err != nil {
			t.Fatal(err)
		}

		rows, _, err := db.ListDossiers(ctx, sqlstore.DossierFilter{Queue: sqlstore.QueueAll})
		if err != nil || len(rows) != 4 {
			t.Fatalf("%d rows, %v", len(rows), err)
		}
		want := rows[3] // oldest id: the one made by moves
		for _, got := range rows[:3] {
			if got.ID <= want.ID || got.Code == want.Code {
				t.Fatalf("bulk row %d %s next to %d %s", got.ID, got.Code, want.ID, want.Code)
			}
			got.ID, got.Code = want.ID, want.Code
			if got != want {
				t.Errorf("bulk row\n%+v\nmove row\n%+v", got, want)
			}
		}
		broken := 0
		if err := db.VerifyAllChains(ctx, func(int64, string, int, error) { broken++ }); err != nil || broken != 0 {
			t.Fatalf("%d broken chains, %v", broken, err)
		}
		next := create(t, db, newDraft(t, catalog.ChannelOnline, an, ""), an)
		mustApply(t, db, next, submit, monday9.Add(2*time.Hour))
		d := mustApply(t, db, next, dossier.Command{Action: dossier.Receive, Actor: deskOfficer}, monday9.Add(3*time.Hour))
		if want := dossier.FormatCode(deskIdentifier, calendar.DateOf(monday9), 8); d.Code != want {
			t.Fatalf("receipt after the bulk load got %s, want %s", d.Code, want)
		}
	})
}
