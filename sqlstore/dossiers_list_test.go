package sqlstore_test

import (
	"cmp"
	"context"
	"slices"
	"testing"
	"time"

	"github.com/motcua/motcua/catalog"
	"github.com/motcua/motcua/dossier"
	"github.com/motcua/motcua/sqlstore"
	"github.com/motcua/motcua/sqlstore/sqlstoretest"
)

// pageAll walks every page of f and fails on a repeated dossier.
func pageAll(t *testing.T, db *sqlstore.DB, f sqlstore.DossierFilter) []int64 {
	t.Helper()
	var ids []int64
	seen := map[int64]bool{}
	for pages := 0; ; pages++ {
		rows, next, err := db.ListDossiers(context.Background(), f)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rows {
			if seen[r.ID] {
				t.Fatalf("dossier %d listed twice", r.ID)
			}
			seen[r.ID] = true
			ids = append(ids, r.ID)
		}
		if next == "" {
			return ids
		}
		if pages > 100 {
			t.Fatal("paging does not end")
		}
		f.After = next
	}
}

func TestListDossiersPagesByKey(t *testing.T) {
	sqlstoretest.EachDB(t, func(t *testing.T, db *sqlstore.DB) {
		an := citizen(t, db, "an")
		var all, received []int64
		for i := range 23 {
			id := create(t, db, newDraft(t, catalog.ChannelCounter, 0, ""), 1)
			all = append(all, id)
			if i%3 != 0 {
				// Receipts a minute apart give distinct appointments; every fourth shares one.
				at := monday9.Add(time.Duration(i-i%4) * time.Minute)
				mustApply(t, db, id, dossier.Command{Action: dossier.Receive, Actor: deskOfficer}, at)
				received = append(received, id)
			}
		}
		own := create(t, db, newDraft(t, catalog.ChannelOnline, an, ""), an)

		got := pageAll(t, db, sqlstore.DossierFilter{Limit: 4})
		if len(got) != len(received) {
			t.Fatalf("all (drafts hidden): %d dossiers, want %d", len(got), len(received))
		}
		for i := 1; i < len(got); i++ {
			if got[i] >= got[i-1] {
				t.Fatalf("all is not newest first: %v", got)
			}
		}
		got = pageAll(t, db, sqlstore.DossierFilter{Limit: 5, WithDrafts: true})
		if len(got) != len(all)+1 {
			t.Fatalf("with drafts: %d, want %d", len(got), len(all)+1)
		}
		mine := pageAll(t, db, sqlstore.DossierFilter{OwnerID: an, WithDrafts: true})
		if len(mine) != 1 || mine[0] != own {
			t.Fatalf("owner filter: %v", mine)
		}
		// Everything received is due in ten working days: all of it is due before
		// the far bound, and nothing is overdue yet.
		due := pageAll(t, db, sqlstore.DossierFilter{Queue: sqlstore.QueueDueSoon, Now: monday9,
			DueBy: monday9.AddDate(0, 1, 0), Limit: 3})
		if len(due) != len(received) {
			t.Fatalf("due soon: %d, want %d", len(due), len(received))
		}
		over := pageAll(t, db, sqlstore.DossierFilter{Queue: sqlstore.QueueOverdue, Now: monday9.AddDate(0, 1, 0), Limit: 2})
		if len(over) != len(received) {
			t.Fatalf("overdue a month later: %d, want %d", len(over), len(received))
		}
		steps := pageAll(t, db, sqlstore.DossierFilter{Queue: sqlstore.QueueMySteps, StepUnit: "MC", Limit: 6})
		if len(steps) != len(received) {
			t.Fatalf("desk steps: %d, want %d", len(steps), len(received))
		}
		// A unit's whole list walks the unit's index: same dossiers, same order.
		unit := pageAll(t, db, sqlstore.DossierFilter{UnitCode: deskOfficer.UnitCode, Limit: 4})
		if len(unit) != len(received) || unit[0] != received[len(received)-1] || !slices.IsSortedFunc(unit,
			func(a, b int64) int { return cmp.Compare(b, a) }) {
			t.Fatalf("the desk's list: %v, want %v newest first", unit, received)
		}
		for _, c := range []struct {
			f    sqlstore.DossierFilter
			want int
		}{
			{sqlstore.DossierFilter{}, len(received)},
			{sqlstore.DossierFilter{WithDrafts: true}, len(all) + 1},
			{sqlstore.DossierFilter{UnitCode: deskOfficer.UnitCode}, len(received)},
			{sqlstore.DossierFilter{Queue: sqlstore.QueueOverdue, Now: monday9.AddDate(0, 1, 0)}, len(received)},
			{sqlstore.DossierFilter{UnitCode: "QLTM"}, 0},
		} {
			for _, limit := range []int{5, 100} {
				n, more, err := db.CountDossiers(context.Background(), c.f, limit)
				if err != nil || n != min(c.want, limit) || more != (c.want > limit) {
					t.Fatalf("count %+v up to %d: %d %v %v, want %d", c.f, limit, n, more, err, c.want)
				}
			}
		}
		// The applicant's ID card or phone, the phone as people write it.
		other := newDraft(t, catalog.ChannelCounter, 0, "")
		other.Applicant.IDNumber, other.Applicant.Phone = "079200001234", "0987654321"
		otherID := create(t, db, other, 1)
		for _, who := range []string{"079200001234", "0987654321", "+84 987 654 321", "0987.654.321"} {
			if got := pageAll(t, db, sqlstore.DossierFilter{Applicant: who, WithDrafts: true}); len(got) != 1 || got[0] != otherID {
				t.Fatalf("applicant %q: %v, want [%d]", who, got, otherID)
			}
		}
		if got := pageAll(t, db, sqlstore.DossierFilter{Applicant: "0912345678", WithDrafts: true, Limit: 7}); len(got) != len(all)+1 {
			t.Fatalf("applicant by phone: %d dossiers, want %d", len(got), len(all)+1)
		}
		if got := pageAll(t, db, sqlstore.DossierFilter{UnitCode: "QLTM"}); len(got) != 0 {
			t.Fatalf("division sees dossiers it never held: %v", got)
		}
		if _, _, err := db.ListDossiers(context.Background(), sqlstore.DossierFilter{After: "x"}); err == nil {
			t.Fatal("bad cursor accepted")
		}
	})
}
