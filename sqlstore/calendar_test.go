package sqlstore_test

import (
	"context"
	"errors"
	"testing"

	"github.com/motcua/motcua"
	"github.com/motcua/motcua/calendar"
	"github.com/motcua/motcua/org"
	"github.com/motcua/motcua/sqlstore"
	"github.com/motcua/motcua/sqlstore/sqlstoretest"
)

var (
	calendarAdmin = org.Account{ID: 7, Username: "quantri", Role: org.RoleAdmin}
	cultureDay    = calendar.Decision{Date: calendar.D(2026, 11, 24), Kind: calendar.Holiday,
		Name: " Ngày Văn hóa Việt Nam ", Source: "TEST/2026", Note: "thử nghiệm"}
)

func TestCalendarDecisions(t *testing.T) {
	sqlstoretest.EachDB(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		rev0, _ := db.Revision(ctx, sqlstore.RevisionCalendar)
		id, err := db.AddCalendarDecision(ctx, cultureDay, calendarAdmin)
		if err != nil {
			t.Fatal(err)
		}
		ds, err := db.CalendarDecisions(ctx)
		if err != nil || len(ds) != 1 {
			t.Fatalf("decisions: %+v %v", ds, err)
		}
		got := ds[0]
		if got.ID != id || got.Date != cultureDay.Date || got.Name != "Ngày Văn hóa Việt Nam" ||
			got.Source != "TEST/2026" || got.Note != "thử nghiệm" || got.CreatedBy != "quantri" || got.CreatedAt.IsZero() {
			t.Fatalf("stored decision: %+v", got)
		}
		if rev, _ := db.Revision(ctx, sqlstore.RevisionCalendar); rev != rev0+1 {
			t.Fatalf("revision %d after add, want %d", rev, rev0+1)
		}

		_, err = db.AddCalendarDecision(ctx, cultureDay, calendarAdmin)
		if !errors.Is(err, motcua.ErrConflict) {
			t.Fatalf("second decision on the same day: %v, want conflict", err)
		}

		if err := db.RemoveCalendarDecision(ctx, id, calendarAdmin); err != nil {
			t.Fatal(err)
		}
		if ds, _ := db.CalendarDecisions(ctx); len(ds) != 0 {
			t.Fatalf("removed decision still in force: %+v", ds)
		}
		if err := db.RemoveCalendarDecision(ctx, id, calendarAdmin); !errors.Is(err, motcua.ErrNotFound) {
			t.Fatalf("removing twice: %v, want not found", err)
		}
		if _, err := db.AddCalendarDecision(ctx, cultureDay, calendarAdmin); err != nil {
			t.Fatalf("the day is free again after removal: %v", err)
		}

		audit, err := db.Audit(ctx, "calendar:", 0, 10)
		if err != nil || len(audit) != 3 {
			t.Fatalf("audit: %+v %v", audit, err)
		}
		if a := audit[1]; a.Action != "calendar.decision.remove" || a.Username != "quantri" || a.AccountID != 7 {
			t.Fatalf("audit of removal: %+v", a)
		}
	})
}

func TestCalendarDecisionValidation(t *testing.T) {
	sqlstoretest.EachDB(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		cases := []struct {
			name  string
			edit  func(*calendar.Decision)
			field string
		}{
			{"no date", func(d *calendar.Decision) { d.Date = calendar.Date{} }, "date"},
			{"far future", func(d *calendar.Decision) { d.Date = calendar.D(2300, 1, 1) }, "date"},
			{"unknown kind", func(d *calendar.Decision) { d.Kind = "party" }, "kind"},
			{"compensatory is computed", func(d *calendar.Decision) { d.Kind = calendar.Compensatory }, "kind"},
			{"no name", func(d *calendar.Decision) { d.Name = "  " }, "name"},
			{"no source", func(d *calendar.Decision) { d.Source = "" }, "source"},
			{"unknown rule", func(d *calendar.Decision) { d.Rule = "nope" }, "rule"},
			{"make-up on a weekday", func(d *calendar.Decision) { d.Kind = calendar.MakeupWorkday }, "date"},
			{"built-in decision day", func(d *calendar.Decision) { d.Date = calendar.D(2026, 1, 2) }, "date"},
		}
		for _, c := range cases {
			d := cultureDay
			c.edit(&d)
			_, err := db.AddCalendarDecision(ctx, d, calendarAdmin)
			var me *motcua.Error
			if !errors.As(err, &me) || me.Field != c.field {
				t.Errorf("%s: got %v, want an error on %q", c.name, err, c.field)
			}
		}
		if ds, _ := db.CalendarDecisions(ctx); len(ds) != 0 {
			t.Fatalf("invalid decisions stored: %+v", ds)
		}
		if rev, _ := db.Revision(ctx, sqlstore.RevisionCalendar); rev != 0 {
			t.Fatalf("revision moved without a change: %d", rev)
		}
	})
}
