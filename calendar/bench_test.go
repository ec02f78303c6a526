package calendar

import (
	"testing"
	"time"
)

func BenchmarkDue60Days(b *testing.B) {
	c := Default()
	start := at(2026, 2, 10, 9, 0)
	c.Due(start, Days(60)) // build the tables outside the timing
	b.ResetTimer()
	for b.Loop() {
		c.Due(start, Days(60))
	}
}

// BenchmarkDueMix varies the start over 2026 and the span from 1 to 60 working days.
func BenchmarkDueMix(b *testing.B) {
	c := Default()
	starts := make([]time.Time, 256)
	for i := range starts {
		starts[i] = at(2026, 1, 1, 7, 0).Add(time.Duration(i) * 34 * time.Hour)
		c.Due(starts[i], Days(60))
	}
	b.ResetTimer()
	i := 0
	for b.Loop() {
		c.Due(starts[i%len(starts)], Days(float64(i%60+1)))
		i++
	}
}

func BenchmarkDueHours(b *testing.B) {
	c := Default()
	start := at(2026, 2, 10, 9, 0)
	for b.Loop() {
		c.Due(start, Hours(36))
	}
}

func BenchmarkWorkingBetween(b *testing.B) {
	c := Default()
	from, to := at(2026, 2, 10, 9, 0), at(2026, 5, 15, 9, 0)
	for b.Loop() {
		c.WorkingBetween(from, to)
	}
}

func BenchmarkToLunar(b *testing.B) {
	days := make([]Date, 1024)
	for i := range days {
		days[i] = D(2000, 1, 1).AddDays(i * 17)
		ToLunar(days[i])
	}
	b.ResetTimer()
	i := 0
	for b.Loop() {
		ToLunar(days[i%len(days)])
		i++
	}
}

func BenchmarkFromLunar(b *testing.B) {
	dates := make([]LunarDate, 1024)
	for i := range dates {
		dates[i] = ToLunar(D(2000, 1, 1).AddDays(i * 17))
	}
	b.ResetTimer()
	i := 0
	for b.Loop() {
		if _, err := FromLunar(dates[i%len(dates)]); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// BenchmarkLunarYearCold measures the astronomy for one uncached lunar period.
func BenchmarkLunarYearCold(b *testing.B) {
	y := 0
	for b.Loop() {
		buildLunarPeriod(2000 + y%5000)
		y++
	}
}
