package sqlstore_test

import (
	"context"
	"testing"

	"github.com/motcua/motcua/calendar"
	"github.com/motcua/motcua/report"
	"github.com/motcua/motcua/sqlstore"
	"github.com/motcua/motcua/sqlstore/sqlstoretest"
)

// Deltas land in the day buckets and the month roll-up alike; a period sums whole months
// from one and edge days from the other, with the same totals.
func TestReportBuckets(t *testing.T) {
	sqlstoretest.EachDB(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		qltm := report.Key{Unit: "QLTM", Field: "TM", Procedure: "P1"}
		qlcn := report.Key{Unit: "QLCN", Field: "CN", Procedure: "P2"}
		deltas := []report.Delta{
			{Day: calendar.D(2026, 2, 27), Key: qltm, Counters: report.Counters{Received: 2}},
			{Day: calendar.D(2026, 3, 2), Key: qltm, Counters: report.Counters{Received: 3, ResolvedEarly: 1}},
			{Day: calendar.D(2026, 3, 2), Key: qlcn, Counters: report.Counters{Received: 1}},
			{Day: calendar.D(2026, 3, 31), Key: qltm, Counters: report.Counters{ResolvedLate: 2, UsedSeconds: 3_000_000_000}},
			{Day: calendar.D(2026, 4, 1), Key: qlcn, Counters: report.Counters{Withdrawn: 1}},
		}
		if err := db.InTx(ctx, func(tx *sqlstore.Tx) error { return tx.ApplyReportDeltas(ctx, deltas) }); err != nil {
			t.Fatal(err)
		}
		// Taking one back, as a later move's Diff does.
		undo := []report.Delta{{Day: calendar.D(2026, 3, 2), Key: qlcn, Counters: report.Counters{Received: -1}}}
		if err := db.InTx(ctx, func(tx *sqlstore.Tx) error { return tx.ApplyReportDeltas(ctx, undo) }); err != nil {
			t.Fatal(err)
		}
		for _, c := range []struct {
			name          string
			p             report.Period
			f             sqlstore.ReportFilter
			received, res int
			carried       int
		}{
			{"March", report.Period{From: calendar.D(2026, 3, 1), To: calendar.D(2026, 3, 31)}, sqlstore.ReportFilter{}, 3, 3, 2},
			{"27 Feb – 1 Apr", report.Period{From: calendar.D(2026, 2, 27), To: calendar.D(2026, 4, 1)}, sqlstore.ReportFilter{}, 5, 3, 0},
			{"QLCN in spring", report.Period{From: calendar.D(2026, 2, 1), To: calendar.D(2026, 4, 30)},
				sqlstore.ReportFilter{Unit: "QLCN"}, 0, 0, 0},
			{"2 March, P1", report.Period{From: calendar.D(2026, 3, 2), To: calendar.D(2026, 3, 2)},
				sqlstore.ReportFilter{Procedure: "P1"}, 3, 1, 2},
		} {
			got, err := db.ReportCounters(ctx, c.p, c.f)
			if err != nil {
				t.Fatal(err)
			}
			b, err := db.ReportBacklog(ctx, c.p, c.f)
			if err != nil {
				t.Fatal(err)
			}
			if got.Received != c.received || got.Resolved() != c.res || b.CarriedOver != c.carried {
				t.Errorf("%s: received %d resolved %d carried %d, want %d %d %d", c.name, got.Received, got.Resolved(),
					b.CarriedOver, c.received, c.res, c.carried)
			}
		}
		march := report.Period{From: calendar.D(2026, 3, 1), To: calendar.D(2026, 3, 31)}
		if c, _ := db.ReportCounters(ctx, march, sqlstore.ReportFilter{}); c.UsedSeconds != 3_000_000_000 {
			t.Errorf("used seconds %d: a BIGINT sum must not be cut", c.UsedSeconds)
		}
		days, err := db.ReportDays(ctx, march, sqlstore.ReportFilter{})
		if err != nil || len(days) != 2 || days[0].Received != 3 || days[1].ResolvedLate != 2 {
			t.Errorf("days: %+v, %v", days, err)
		}
		// QLCN's receipt was taken back: its bucket holds zeros and lists no line.
		lines, err := db.ReportBreakdown(ctx, march, sqlstore.ReportFilter{}, report.ByField)
		if err != nil || len(lines) != 1 || lines[0].Value != "TM" || lines[0].Summary.Received != 3 ||
			lines[0].Summary.CarriedOver != 2 {
			t.Errorf("by field: %+v, %v", lines, err)
		}
		since, err := db.PortalSyncSince(ctx)
		if err != nil || !since.IsZero() {
			t.Errorf("sync since %v, %v", since, err)
		}
	})
}
