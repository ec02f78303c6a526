package report

import (
	"testing"

	"github.com/motcua/motcua/calendar"
)

// yearRows are a year of day buckets for 20 units × 50 procedures, every one non-empty:
// 365,000 rows, more than a province's million dossiers a year can fill.
func yearRows() []Row {
	rows := make([]Row, 0, 365*20*50)
	for day := range 365 {
		for u := range 20 {
			for p := range 50 {
				n := (day + u + p) % 7
				rows = append(rows, Row{
					Key: Key{Unit: string(rune('A' + u)), Procedure: string(rune('a' + p%26))},
					Counters: Counters{Received: n, ReceivedOnline: n / 2, OfferedOnline: n, FiledOnline: n / 2,
						WithFee: n / 3, PaidOnline: n / 4, ResolvedEarly: n / 3, ResolvedOnTime: n / 2,
						ResolvedLate: n % 2, UsedSeconds: int64(n) * 30 * 3600, StatutorySeconds: int64(n) * 40 * 3600,
						Rated: n / 2, Satisfied: n / 3, ScoreSum: 2 * n},
				})
			}
		}
	}
	return rows
}

// BenchmarkSummarizeYear is the arithmetic of one dashboard page over a year when every
// bucket row reaches Go: sum 365 × 20 × 50 rows, summarise, score the index. The store
// normally sums in SQL (or reads the month roll-up) and hands over far fewer rows.
func BenchmarkSummarizeYear(b *testing.B) {
	rows := yearRows()
	cat := CatalogStats{Procedures: 50, Fields: 10, FullContent: 48}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		var c Counters
		for i := range rows {
			c.Add(rows[i].Counters)
		}
		s := Summarize(c, Backlog{CarriedOver: 1200, LateAtEnd: 30}, cat)
		x := Compute766(InputsFrom(c, cat, Sources{}))
		if s.Received == 0 || x.Total == 0 {
			b.Fatal("nothing summed")
		}
	}
}

// BenchmarkBreakdownYear groups the same rows by unit, as the by-unit table does.
func BenchmarkBreakdownYear(b *testing.B) {
	rows := yearRows()
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if lines := Breakdown(rows, ByUnit, nil); len(lines) != 20 {
			b.Fatal(len(lines))
		}
	}
}

// BenchmarkFactAndDiff is the per-event cost the store adds to a dossier move.
func BenchmarkFactAndDiff(b *testing.B) {
	s := marchStories(b)["D"]
	old := s.fact(now) // as it stood before the rating came in
	old.Rated, old.Satisfied, old.Score, old.RatedOn = false, false, 0, calendar.Date{}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		f := FactOf(s.d, clk, now)
		if len(Diff(old, f)) == 0 {
			b.Fatal("no delta")
		}
	}
}
