package calendar

import (
	"math"
	"testing"
)

func TestNewMoonMeeusExample(t *testing.T) {
	// Meeus, Astronomical Algorithms, example 49.a: the new moon of February 1977.
	if got := newMoonJDE(-283); math.Abs(got-2443192.65118) > 0.00001 {
		t.Fatalf("newMoonJDE(-283) = %.5f, want 2443192.65118", got)
	}
}

func TestSunLongitudeMeeusExample(t *testing.T) {
	// Meeus example 25.a: 1992 October 13.0 TD, apparent longitude 199.90895°.
	if got := sunLongitude(2448908.5); math.Abs(got-199.90895) > 0.001 {
		t.Fatalf("sunLongitude = %.5f, want 199.90895", got)
	}
}

func TestLunarCheckValues(t *testing.T) {
	tests := []struct {
		name  string
		lunar LunarDate
		solar Date
	}{
		// Tết in Vietnam (UTC+7); the first four differ from the Chinese (UTC+8) calendar.
		{"Tết 1985 (China 02-20)", LunarDate{1985, 1, 1, false}, D(1985, 1, 21)},
		{"Tết 2007 (China 02-18)", LunarDate{2007, 1, 1, false}, D(2007, 2, 17)},
		{"Tết 2030 (China 02-03)", LunarDate{2030, 1, 1, false}, D(2030, 2, 2)},
		{"Tết 2053 (China 02-19)", LunarDate{2053, 1, 1, false}, D(2053, 2, 18)},
		{"Tết 2024", LunarDate{2024, 1, 1, false}, D(2024, 2, 10)},
		{"Tết 2025", LunarDate{2025, 1, 1, false}, D(2025, 1, 29)},
		{"Tết 2026", LunarDate{2026, 1, 1, false}, D(2026, 2, 17)},
		{"Tết 2027", LunarDate{2027, 1, 1, false}, D(2027, 2, 6)},
		{"Tết 2000", LunarDate{2000, 1, 1, false}, D(2000, 2, 5)},
		{"Tết 2020", LunarDate{2020, 1, 1, false}, D(2020, 1, 25)},
		{"Tết 2023", LunarDate{2023, 1, 1, false}, D(2023, 1, 22)},
		{"Giỗ Tổ 2024", LunarDate{2024, 3, 10, false}, D(2024, 4, 18)},
		{"Giỗ Tổ 2025", LunarDate{2025, 3, 10, false}, D(2025, 4, 7)},
		{"Giỗ Tổ 2026", LunarDate{2026, 3, 10, false}, D(2026, 4, 26)},
		{"leap 6 of 2025 begins", LunarDate{2025, 6, 1, true}, D(2025, 7, 25)},
		{"leap 2 of 2023 begins", LunarDate{2023, 2, 1, true}, D(2023, 3, 22)},
		{"last day of Ất Tỵ", LunarDate{2025, 12, 29, false}, D(2026, 2, 16)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := FromLunar(tt.lunar)
			if err != nil || got != tt.solar {
				t.Errorf("FromLunar(%v) = %v, %v; want %v", tt.lunar, got, err, tt.solar)
			}
			if back := ToLunar(tt.solar); back != tt.lunar {
				t.Errorf("ToLunar(%v) = %v, want %v", tt.solar, back, tt.lunar)
			}
		})
	}
}

func TestLeapMonths(t *testing.T) {
	// Leap months as printed in Vietnamese almanacs.
	want := map[int]int{
		2001: 4, 2004: 2, 2006: 7, 2009: 5, 2012: 4, 2014: 9, 2017: 6, 2020: 4,
		2023: 2, 2025: 6, 2028: 5, 2031: 3, 2033: 11,
		2002: 0, 2003: 0, 2024: 0, 2026: 0, 2027: 0,
	}
	for y, m := range want {
		if got := LeapMonth(y); got != m {
			t.Errorf("LeapMonth(%d) = %d, want %d", y, got, m)
		}
	}
}

func TestFromLunarErrors(t *testing.T) {
	tests := []LunarDate{
		{2026, 1, 1, true},    // 2026 has no leap month
		{2025, 5, 1, true},    // 2025's leap month is 6
		{2025, 12, 30, false}, // Chạp of Ất Tỵ has 29 days
		{2025, 13, 1, false},
		{2025, 0, 1, false},
		{2025, 1, 0, false},
		{2025, 1, 31, false},
	}
	for _, l := range tests {
		if d, err := FromLunar(l); err == nil {
			t.Errorf("FromLunar(%v) = %v, want an error", l, d)
		} else if !isBilingual(err) {
			t.Errorf("FromLunar(%v) error %q is not bilingual", l, err)
		}
	}
}

// TestLunarEveryDay converts every day of 1900–2199 and back, and checks that the lunar
// days run on without gaps: months of 29 or 30 days, numbered in order, at most one leap
// month a year, Tết between 21 January and 20 February.
func TestLunarEveryDay(t *testing.T) {
	first, last := D(1900, 1, 1).dayNumber(), D(2199, 12, 31).dayNumber()
	prev := ToLunar(dateOfDay(first - 1))
	leaps := 0
	for n := first; n <= last; n++ {
		d := dateOfDay(n)
		l := ToLunar(d)
		back, err := FromLunar(l)
		if err != nil || back != d {
			t.Fatalf("%v → %v → %v, %v", d, l, back, err)
		}
		if l.Day == 1 {
			if prev.Day != 29 && prev.Day != 30 {
				t.Fatalf("%v: the month before ends on day %d", d, prev.Day)
			}
			wantMonth := prev.Month%12 + 1
			if l.Leap {
				wantMonth = prev.Month
				leaps++
			}
			if l.Month != wantMonth {
				t.Fatalf("%v: month %v follows %v", d, l, prev)
			}
			if l.Month == 1 && !l.Leap {
				if l.Year != prev.Year+1 {
					t.Fatalf("%v: lunar year %d follows %d", d, l.Year, prev.Year)
				}
				if d.Before(D(d.Year, 1, 21)) || D(d.Year, 2, 20).Before(d) {
					t.Errorf("Tết %d on %v", l.Year, d)
				}
			}
		} else if l.Day != prev.Day+1 || l.Month != prev.Month || l.Leap != prev.Leap || l.Year != prev.Year {
			t.Fatalf("%v: %v follows %v", d, l, prev)
		}
		prev = l
	}
	// 7 leap months every 19 years: about 110 in 300 years.
	if leaps < 108 || leaps > 112 {
		t.Errorf("%d leap months in 1900–2199, want about 110", leaps)
	}
}

func TestLunarConcurrent(t *testing.T) {
	done := make(chan bool)
	for g := 0; g < 8; g++ {
		go func() {
			for y := 2300; y < 2320; y++ {
				d, err := FromLunar(LunarDate{Year: y, Month: 1, Day: 1})
				if err != nil || ToLunar(d) != (LunarDate{Year: y, Month: 1, Day: 1}) {
					t.Errorf("Tết %d: %v %v", y, d, err)
				}
			}
			done <- true
		}()
	}
	for g := 0; g < 8; g++ {
		<-done
	}
}

func TestYearName(t *testing.T) {
	for y, want := range map[int]string{2024: "Giáp Thìn", 2025: "Ất Tỵ", 2026: "Bính Ngọ", 1984: "Giáp Tý", 1945: "Ất Dậu"} {
		if got := (LunarDate{Year: y}).YearName(); got != want {
			t.Errorf("YearName(%d) = %q, want %q", y, got, want)
		}
	}
}

func TestLunarString(t *testing.T) {
	if got := (LunarDate{2025, 6, 1, true}).String(); got != "2025-06L-01" {
		t.Errorf("String = %q", got)
	}
}

// TestLunarPeriodsSane builds every lunar period the package accepts and checks its shape,
// so that no date of 1–9999 can reach an inconsistent table.
func TestLunarPeriodsSane(t *testing.T) {
	for p := minLunarYear; p <= maxLunarYear+1; p++ {
		lp := buildLunarPeriod(p)
		if lp.count != 12 && lp.count != 13 || (lp.count == 13) != (lp.leap > 0) || lp.first < 2 || lp.first > 3 {
			t.Fatalf("period %d: %d months, leap index %d, month 1 at %d", p, lp.count, lp.leap, lp.first)
		}
		for i := 0; i < lp.count; i++ {
			if n := lp.starts[i+1] - lp.starts[i]; n != 29 && n != 30 {
				t.Fatalf("period %d: month %d has %d days", p, i, n)
			}
		}
	}
	if got := ToLunar(D(10000, 1, 1)); got != (LunarDate{}) {
		t.Errorf("ToLunar(10000-01-01) = %v, want zero", got)
	}
	if _, err := FromLunar(LunarDate{Year: 0, Month: 1, Day: 1}); !isBilingual(err) {
		t.Errorf("FromLunar(year 0) error = %v", err)
	}
}

func TestLunarRangeEnds(t *testing.T) {
	for _, d := range []Date{D(1, 1, 1), D(1, 3, 1), D(9999, 12, 31), D(9999, 6, 1)} {
		l := ToLunar(d)
		if back, err := FromLunar(l); err != nil || back != d {
			t.Errorf("%v → %v → %v, %v", d, l, back, err)
		}
	}
}
