package service_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/motcua/motcua/calendar"
	"github.com/motcua/motcua/demo"
	"github.com/motcua/motcua/report"
	"github.com/motcua/motcua/service"
	"github.com/motcua/motcua/sqlstore"
	"github.com/motcua/motcua/sqlstore/sqlstoretest"
)

// BenchmarkReportYear1M times the queries of the dashboard page over a year of a province
// handling a million dossiers, on SQLite.
//
// Method: the seed writes what a million dossiers moved through the service would leave
// behind, without moving them (that would take hours): for 2025, 20 handling units × 50
// procedures (10 fields) × 250 working days = 250,000 day buckets holding 4 dossiers
// received each, with their closures, timings, payments and ratings, the 12,000 month
// rows summing them, and 1,000,000 slim dossier rows of which the open ones (6 %, received
// in the last 40 days) and the late-resolved ones (4 %) carry late_from, so the partial
// covering index (used by the drill-down list) holds what it would in production. Seeding takes about a minute and happens only when the
// benchmark runs (go test -run '^$' -bench ReportYear1M ./service/). One page is
// Reports.Dashboard (summary, 766 index, monthly trend, by unit: what the page calls);
// "four-calls" times the same figures through the four API answers (Summary, Index766,
// ReportMonths, ReportBreakdown), which read the counters more than once. Both for the
// whole year ("year": months only) and for 15 Jan – 14 Dec ("edges": 11 months plus the
// edge days from the day buckets). The target is under 200 ms a page.
// MOTCUA_BENCH_DB=/path/file.db keeps the seeded database for the next run.
func BenchmarkReportYear1M(b *testing.B) {
	if testing.Short() {
		b.Skip("seeds a million dossiers")
	}
	ctx := context.Background()
	path := os.Getenv("MOTCUA_BENCH_DB") // keep the seeded file there to run again without seeding
	if path == "" {
		path = sqlstoretest.SQLiteDSN(b)
	}
	_, statErr := os.Stat(path)
	db := sqlstoretest.Open(b, path)
	if seeded, err := demo.Seed(ctx, db); err != nil {
		b.Fatal(err)
	} else if seeded || statErr != nil {
		start := time.Now()
		seedYear(b, db)
		b.Logf("seeded in %s", time.Since(start).Round(time.Second))
	}
	reports := service.Reports{DB: db}
	for _, p := range []struct {
		name   string
		period report.Period
	}{
		{"year", report.Period{From: calendar.D(2025, 1, 1), To: calendar.D(2025, 12, 31)}},
		{"edges", report.Period{From: calendar.D(2025, 1, 15), To: calendar.D(2025, 12, 14)}},
	} {
		b.Run(p.name+"/dashboard", func(b *testing.B) {
			for b.Loop() {
				d, err := reports.Dashboard(ctx, p.period, sqlstore.ReportFilter{})
				if err != nil || d.Summary.Received == 0 || len(d.Trend) != 12 || len(d.ByUnit) != 20 {
					b.Fatal(d.Summary.Received, len(d.Trend), len(d.ByUnit), err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/page")
		})
		b.Run(p.name+"/four-calls", func(b *testing.B) {
			for b.Loop() {
				s, err := reports.Summary(ctx, p.period, sqlstore.ReportFilter{})
				if err != nil || s.Received == 0 {
					b.Fatal(s.Received, err)
				}
				if _, err := reports.Index766(ctx, p.period, sqlstore.ReportFilter{}); err != nil {
					b.Fatal(err)
				}
				if m, err := db.ReportMonths(ctx, p.period, sqlstore.ReportFilter{}); err != nil || len(m) != 12 {
					b.Fatal(len(m), err)
				}
				if l, err := db.ReportBreakdown(ctx, p.period, sqlstore.ReportFilter{}, report.ByUnit); err != nil || len(l) != 20 {
					b.Fatal(len(l), err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/page")
		})
	}
}

// seedYear writes the buckets and dossier rows described on BenchmarkReportYear1M.
func seedYear(b *testing.B, db *sqlstore.DB) {
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(2025, 766))
	var deltas []report.Delta
	for d := calendar.D(2025, 1, 1); d.Year == 2025; d = d.AddDays(1) {
		if wd := d.Weekday(); wd == time.Saturday || wd == time.Sunday || len(deltas) >= 250*1000 {
			continue
		}
		for u := range 20 {
			for p := range 50 {
				n := 4
				late := b2i(rng.IntN(25) == 0)
				early := rng.IntN(3)
				c := report.Counters{Received: n, ReceivedOnline: rng.IntN(n + 1), OfferedOnline: n, WithFee: 1,
					PaidOnline: rng.IntN(2), Synced: n, ResolvedEarly: early, ResolvedOnTime: n - early - late - 1 + b2i(rng.IntN(10) < 9),
					ResolvedLate: late, ElectronicResult: 1, UsedSeconds: int64(n) * 100 * 3600,
					StatutorySeconds: int64(n) * 120 * 3600, Rated: 1, Satisfied: b2i(rng.IntN(10) < 8), ScoreSum: 4}
				c.FiledOnline = c.ReceivedOnline
				deltas = append(deltas, report.Delta{Day: d, Key: report.Key{Unit: fmt.Sprintf("U%02d", u),
					Field: fmt.Sprintf("F%d", p/5), Procedure: fmt.Sprintf("P%02d", p)}, Counters: c})
			}
		}
	}
	// Late counters: each day's late resolutions started and ended late; one dossier in
	// seven days per key became late and is still open.
	type lateRow struct{ started, ended int }
	lateDays, lateMonths := map[[2]any]lateRow{}, map[[2]any]lateRow{}
	for i, d := range deltas {
		r := lateRow{d.ResolvedLate + b2i(i%7000 == 0), d.ResolvedLate}
		if r == (lateRow{}) {
			continue
		}
		lateDays[[2]any{d.Day.Year*10000 + int(d.Day.Month)*100 + d.Day.Day, d.Key}] = r
		mk := [2]any{d.Day.Year*100 + int(d.Day.Month), d.Key}
		m := lateMonths[mk]
		lateMonths[mk] = lateRow{m.started + r.started, m.ended + r.ended}
	}
	for i := 0; i < len(deltas); i += 5000 {
		batch := deltas[i:min(i+5000, len(deltas))]
		if err := db.InTx(ctx, func(tx *sqlstore.Tx) error { return tx.ApplyReportDeltas(ctx, batch) }); err != nil {
			b.Fatal(err)
		}
	}
	err := db.InTx(ctx, func(tx *sqlstore.Tx) error {
		for _, t := range []struct {
			table, col string
			rows       map[[2]any]lateRow
		}{{"report_days", "day", lateDays}, {"report_months", "month", lateMonths}} {
			for k, r := range t.rows {
				key := k[1].(report.Key)
				if _, err := tx.Exec(ctx, `UPDATE `+t.table+` SET late_started = ?, late_ended = ? WHERE `+t.col+
					` = ? AND unit = ? AND field = ? AND procedure_code = ?`, r.started, r.ended, k[0], key.Unit, key.Field,
					key.Procedure); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	const total, rowsPerInsert = 1_000_000, 500
	t0 := calendar.D(2025, 1, 1).In(calendar.Vietnam).UnixMilli()
	year := int64(365 * 24 * time.Hour / time.Millisecond)
	err = db.InTx(ctx, func(tx *sqlstore.Tx) error {
		for i := 0; i < total; i += rowsPerInsert {
			var q strings.Builder
			q.WriteString(`INSERT INTO dossiers (status, procedure_code, version_number, channel, created_by, received_at,
				finished_at, late_from, report_unit, report_field, report_class, last_seq, created_at, updated_at, body) VALUES `)
			args := make([]any, 0, rowsPerInsert*12)
			for j := range rowsPerInsert {
				if j > 0 {
					q.WriteString(", ")
				}
				q.WriteString(`(?, ?, 1, 2, 1, ?, ?, ?, ?, ?, ?, 1, ?, ?, '{}')`)
				received := t0 + rng.Int64N(year)
				var finished, late any
				status, class := 10, "resolved_on_time"
				switch r := rng.IntN(100); {
				case r < 6: // open: received in the last weeks, late from its appointment
					received = t0 + year - rng.Int64N(int64(40*24*time.Hour/time.Millisecond))
					status, class, late = 4, "open", received+int64(28*24*time.Hour/time.Millisecond)
				case r < 10:
					class, late = "resolved_late", received+int64(20*24*time.Hour/time.Millisecond)
					finished = received + int64(25*24*time.Hour/time.Millisecond)
				default:
					finished = received + int64(10*24*time.Hour/time.Millisecond)
				}
				p := rng.IntN(50)
				args = append(args, status, fmt.Sprintf("P%02d", p), received, finished, late, fmt.Sprintf("U%02d", rng.IntN(20)),
					fmt.Sprintf("F%d", p/5), class, received, received)
			}
			if _, err := tx.Exec(ctx, q.String(), args...); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
}

func b2i(v bool) int {
	if v {
		return 1
	}
	return 0
}
