package calendar

import (
	"testing"
	"time"
)

func FuzzParseSpan(f *testing.F) {
	for _, s := range []string{"15d", "0.5d", "4h", "30cd", "", "d", "-1d", "NaN d", "1e400h", "0x10d", "1_0d", " 7cd ", "5cdd"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		sp, err := ParseSpan(s)
		if err != nil {
			if !isBilingual(err) {
				t.Fatalf("ParseSpan(%q) error %q is not bilingual", s, err)
			}
			return
		}
		if !(sp.Value >= 0 && sp.Value <= maxSpanValue) {
			t.Fatalf("ParseSpan(%q) = %v out of range", s, sp)
		}
		again, err := ParseSpan(sp.String())
		if err != nil || again != sp {
			t.Fatalf("ParseSpan(%q) = %v does not round-trip: %v, %v", s, sp, again, err)
		}
	})
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2026-02-17", "2026-02-30", "0000-01-01", "9999-12-31", "2026-2-17", "", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			if !isBilingual(err) {
				t.Fatalf("ParseDate(%q) error %q is not bilingual", s, err)
			}
			return
		}
		if d.String() != s {
			t.Fatalf("ParseDate(%q) = %v", s, d)
		}
		if back := dateOfDay(d.dayNumber()); back != d {
			t.Fatalf("day number of %v gives back %v", d, back)
		}
	})
}

// FuzzDue checks that Due never panics and that WorkingBetween undoes it.
func FuzzDue(f *testing.F) {
	f.Add(int64(1770688800), "15d")
	f.Add(int64(0), "4h")
	f.Add(int64(-2208988800), "30cd")
	c := Default()
	f.Fuzz(func(t *testing.T, unix int64, span string) {
		sp, err := ParseSpan(span)
		if err != nil {
			return
		}
		// Keep the start within the checked years.
		start := time.Unix(-2208988800+((unix%9400000000)+9400000000)%9400000000, 0)
		due := c.Due(start, sp)
		if due.Before(start) {
			t.Fatalf("Due(%v, %v) = %v is before the start", start, sp, due)
		}
		if sp.Unit != CalendarDays {
			want := roundDuration(sp.Value * float64(time.Hour))
			if sp.Unit == WorkingDays {
				want = roundDuration(sp.Value * float64(c.DayLength()))
			}
			if got := c.WorkingBetween(start, due); got != want {
				t.Fatalf("WorkingBetween(%v, Due(%v)) = %v, want %v", start, sp, got, want)
			}
		}
	})
}
