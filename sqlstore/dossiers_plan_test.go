package sqlstore_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/motcua/motcua/dossier"
	"github.com/motcua/motcua/sqlstore"
	"github.com/motcua/motcua/sqlstore/sqlstoretest"
)

// The lists a desk opens all day must each find their rows through an index, partial
// ones included: a partial index is chosen only when the query states its condition.
func TestListsUseTheirIndexes(t *testing.T) {
	now := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	cases := []struct {
		name  string
		f     sqlstore.DossierFilter
		index []string
	}{
		{"to receive", sqlstore.DossierFilter{Queue: sqlstore.QueueToReceive}, []string{"dossiers_status"}},
		{"waiting", sqlstore.DossierFilter{Queue: sqlstore.QueueWaiting}, []string{"dossiers_status"}},
		{"by status", sqlstore.DossierFilter{Queue: sqlstore.QueueAll, Statuses: []dossier.Status{dossier.Receiving}},
			[]string{"dossiers_status"}},
		{"my steps", sqlstore.DossierFilter{Queue: sqlstore.QueueMySteps, StepUnit: "VP", AssigneeID: 7}, []string{"dossiers_step"}},
		{"due soon", sqlstore.DossierFilter{Queue: sqlstore.QueueDueSoon, Now: now, DueBy: now.Add(72 * time.Hour)},
			[]string{"dossiers_open_appointment"}},
		{"applicant", sqlstore.DossierFilter{Applicant: "0912 345 678"},
			[]string{"dossiers_applicant_id", "dossiers_applicant_phone"}},
		{"own", sqlstore.DossierFilter{OwnerID: 3, WithDrafts: true}, []string{"dossiers_owner"}},
	}
	sqlstoretest.EachDB(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		for _, c := range cases {
			plan, err := db.ListPlanForTest(ctx, c.f)
			if err != nil {
				t.Fatalf("%s: %v", c.name, err)
			}
			for _, index := range c.index {
				if !strings.Contains(plan, index) {
					t.Errorf("%s: the plan does not use %s:\n%s", c.name, index, plan)
				}
			}
		}
		// A unit's whole list, from a page's cursor: on PostgreSQL each dossier is fetched by
		// key as the unit's index is walked, never merge-joined from the newest dossier down.
		unitPage := sqlstore.DossierFilter{Queue: sqlstore.QueueAll, UnitCode: "QLTM", After: "100.100"}
		plan, err := db.ListPlanForTest(ctx, unitPage)
		if err != nil {
			t.Fatal(err)
		}
		if db.Engine == sqlstore.Postgres && (!strings.Contains(plan, "Backward using dossier_units_pkey") ||
			!strings.Contains(plan, "using dossiers_pkey") || strings.Contains(plan, "Merge Join") ||
			strings.Contains(plan, "Sort Key")) {
			t.Errorf("a unit's list walks the dossiers some other way:\n%s", plan)
		}
		plan, err = db.ReceivedPlanForTest(ctx, "SCT", now.AddDate(0, -1, 0), now)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(plan, "dossiers_received") {
			t.Errorf("the tracking book does not use dossiers_received:\n%s", plan)
		}
		// The unique indexes are partial on PostgreSQL, SQLite's own on the table.
		code, key := "dossiers_code", "dossiers_idempotency"
		if db.Engine == sqlstore.SQLite {
			code, key = "sqlite_autoindex_dossiers_1", "sqlite_autoindex_dossiers_2"
		}
		for _, c := range []struct {
			q     string
			args  []any
			index string
		}{{sqlstore.DossierByCodeForTest, []any{"000.00.00.H01-260302-0001"}, code},
			{sqlstore.DraftByKeyForTest, []any{3, "k-1"}, key}} {
			plan, err := db.PlanForTest(ctx, c.q, c.args...)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(plan, c.index+" ") && !strings.HasSuffix(strings.TrimSpace(plan), c.index) {
				t.Errorf("%s does not use %s:\n%s", c.q, c.index, plan)
			}
		}
	})
}
