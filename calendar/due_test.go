package calendar

import (
	"math/rand/v2"
	"testing"
	"time"
)

func TestDue(t *testing.T) {
	c := Default()
	tests := []struct {
		name  string
		start time.Time
		span  string
		want  time.Time
	}{
		{"spec example", at(2026, 2, 10, 9, 0), "15d", at(2026, 3, 10, 9, 0)},
		{"across Tết 2026", at(2026, 2, 13, 10, 0), "1d", at(2026, 2, 23, 10, 0)},
		{"into Tết 2026", at(2026, 2, 12, 14, 0), "2d", at(2026, 2, 23, 14, 0)},
		{"onto the make-up Saturday", at(2026, 1, 9, 10, 0), "1d", at(2026, 1, 10, 10, 0)},
		{"across New Year swap", at(2025, 12, 31, 10, 0), "1d", at(2026, 1, 5, 10, 0)},
		{"from the make-up Saturday", at(2026, 1, 10, 16, 0), "2h", at(2026, 1, 12, 9, 0)},
		{"Friday afternoon", at(2026, 3, 6, 15, 0), "4h", at(2026, 3, 9, 10, 0)},
		{"after closing", at(2026, 3, 10, 18, 30), "1d", at(2026, 3, 11, 17, 0)},
		{"before opening", at(2026, 3, 10, 6, 0), "1h", at(2026, 3, 10, 9, 0)},
		{"at lunch", at(2026, 3, 10, 12, 30), "1h", at(2026, 3, 10, 14, 0)},
		{"from a compensatory day", at(2026, 4, 27, 9, 0), "2h", at(2026, 4, 28, 10, 0)},
		{"from a holiday", at(2026, 4, 30, 9, 0), "1d", at(2026, 5, 4, 17, 0)},
		{"from a Sunday", at(2026, 3, 8, 11, 0), "0.5d", at(2026, 3, 9, 12, 0)},
		{"half day from opening ends at lunch", at(2026, 3, 10, 8, 0), "0.5d", at(2026, 3, 10, 12, 0)},
		{"half day across lunch", at(2026, 3, 10, 10, 0), "0.5d", at(2026, 3, 10, 15, 0)},
		{"quarter day", at(2026, 3, 10, 16, 0), "0.25d", at(2026, 3, 11, 9, 0)},
		{"one day from opening ends at closing", at(2026, 3, 10, 8, 0), "1d", at(2026, 3, 10, 17, 0)},
		{"one day from closing", at(2026, 3, 10, 17, 0), "1d", at(2026, 3, 11, 17, 0)},
		{"hours", at(2026, 3, 10, 11, 0), "3h", at(2026, 3, 10, 15, 0)},
		{"fractional hours", at(2026, 3, 10, 11, 30), "1.5h", at(2026, 3, 10, 14, 0)},
		{"hours to the session end", at(2026, 3, 10, 16, 0), "1h", at(2026, 3, 10, 17, 0)},
		{"40 hours", at(2026, 3, 10, 8, 0), "40h", at(2026, 3, 16, 17, 0)},
		{"calendar days", at(2026, 2, 10, 9, 0), "30cd", at(2026, 3, 12, 17, 0)},
		{"calendar days ending in Tết", at(2026, 2, 10, 9, 0), "5cd", at(2026, 2, 23, 17, 0)},
		{"calendar days ending on a Sunday", at(2026, 3, 5, 9, 0), "3cd", at(2026, 3, 9, 17, 0)},
		{"calendar days ending on the make-up Saturday", at(2026, 1, 7, 9, 0), "3cd", at(2026, 1, 10, 17, 0)},
		{"calendar days after closing still count from the next day", at(2026, 3, 10, 20, 0), "1cd", at(2026, 3, 11, 17, 0)},
		{"fractional calendar day is a whole day", at(2026, 3, 10, 9, 0), "0.5cd", at(2026, 3, 11, 17, 0)},
		{"zero", at(2026, 3, 10, 20, 0), "0d", at(2026, 3, 10, 20, 0)},
		{"across the year end", at(2026, 12, 30, 9, 0), "5d", at(2027, 1, 7, 9, 0)},
		{"60 days", at(2026, 2, 10, 9, 0), "60d", at(2026, 5, 15, 9, 0)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			span, err := ParseSpan(tt.span)
			if err != nil {
				t.Fatal(err)
			}
			got := c.Due(tt.start, span)
			if !got.Equal(tt.want) || got.Location() != Vietnam {
				t.Errorf("Due(%v, %s) = %v, want %v", tt.start, tt.span, got, tt.want)
			}
		})
	}
}

func TestDueOtherZoneAndSessions(t *testing.T) {
	utc := time.Date(2026, 3, 10, 2, 0, 0, 0, time.UTC) // 09:00 in Hà Nội
	if got := Default().Due(utc, Hours(1)); !got.Equal(at(2026, 3, 10, 10, 0)) || got.Location() != Vietnam {
		t.Errorf("Due from UTC = %v", got)
	}
	sessions, err := ParseSessions("07:00-11:30,13:30-17:00")
	if err != nil {
		t.Fatal(err)
	}
	c := mustCalendar(t, DefaultRules(), Config{Sessions: sessions})
	tests := []struct {
		start time.Time
		span  Span
		want  time.Time
	}{
		{at(2026, 3, 10, 7, 0), Days(1), at(2026, 3, 10, 17, 0)},
		{at(2026, 3, 10, 10, 0), Hours(4), at(2026, 3, 10, 16, 0)},
		{at(2026, 3, 10, 12, 0), Days(0.5), at(2026, 3, 11, 7, 30)}, // lunch: 13:30–17:00, then 30 min
	}
	for _, tt := range tests {
		if got := c.Due(tt.start, tt.span); !got.Equal(tt.want) {
			t.Errorf("Due(%v, %v) = %v, want %v", tt.start, tt.span, got, tt.want)
		}
	}
}

func TestWorkingBetween(t *testing.T) {
	c := Default()
	tests := []struct {
		name     string
		from, to time.Time
		want     time.Duration
	}{
		{"same session", at(2026, 3, 10, 9, 0), at(2026, 3, 10, 11, 0), 2 * time.Hour},
		{"over lunch", at(2026, 3, 10, 11, 0), at(2026, 3, 10, 14, 0), 2 * time.Hour},
		{"Friday to Monday", at(2026, 3, 6, 15, 0), at(2026, 3, 9, 10, 0), 4 * time.Hour},
		{"over New Year 2026", at(2025, 12, 31, 8, 0), at(2026, 1, 5, 8, 0), 8 * time.Hour},
		{"over Tết", at(2026, 2, 13, 8, 0), at(2026, 2, 23, 8, 0), 8 * time.Hour},
		{"both off hours", at(2026, 3, 7, 10, 0), at(2026, 3, 8, 10, 0), 0},
		{"reversed", at(2026, 3, 10, 11, 0), at(2026, 3, 10, 9, 0), 0},
		{"a year", at(2026, 1, 1, 0, 0), at(2027, 1, 1, 0, 0), time.Duration(Default().countWorking(D(2026, 1, 1).dayNumber(), D(2027, 1, 1).dayNumber())) * 8 * time.Hour},
	}
	for _, tt := range tests {
		if got := c.WorkingBetween(tt.from, tt.to); got != tt.want {
			t.Errorf("%s: WorkingBetween = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// WorkingBetween undoes Due for every working span, from any start.
func TestDueWorkingBetweenSymmetry(t *testing.T) {
	c := Default()
	r := rand.New(rand.NewPCG(1, 2))
	base := at(2025, 1, 1, 0, 0)
	for i := 0; i < 20000; i++ {
		start := base.Add(time.Duration(r.Int64N(int64(3 * 365 * 24 * time.Hour))))
		var span Span
		if i%2 == 0 {
			span = Hours(float64(r.IntN(2000)+1) / 4)
		} else {
			span = Days(float64(r.IntN(240)+1) / 4)
		}
		due := c.Due(start, span)
		want := roundDuration(span.Value * float64(time.Hour))
		if span.Unit == WorkingDays {
			want = roundDuration(span.Value * float64(c.DayLength()))
		}
		if got := c.WorkingBetween(start, due); got != want {
			t.Fatalf("Due(%v, %v) = %v but WorkingBetween = %v", start, span, due, got)
		}
		if !c.IsOpen(due.Add(-time.Nanosecond)) {
			t.Fatalf("Due(%v, %v) = %v does not end in office time", start, span, due)
		}
	}
}

func TestIsWorkingDay(t *testing.T) {
	c := Default()
	for d, want := range map[Date]bool{
		D(2026, 1, 1): false, D(2026, 1, 2): false, D(2026, 1, 3): false, D(2026, 1, 10): true,
		D(2026, 1, 5): true, D(2026, 2, 16): false, D(2026, 2, 23): true, D(2026, 4, 27): false,
		D(2026, 3, 7): false, D(2026, 3, 10): true,
	} {
		if got := c.IsWorkingDay(d); got != want {
			t.Errorf("IsWorkingDay(%v) = %v, want %v", d, got, want)
		}
	}
	if got := c.NextWorkingDay(D(2026, 2, 13)); got != D(2026, 2, 23) {
		t.Errorf("NextWorkingDay = %v", got)
	}
	if got := c.WorkingDaysBetween(D(2026, 2, 13), D(2026, 2, 24)); got != 2 {
		t.Errorf("WorkingDaysBetween = %d, want 2", got)
	}
	if got := c.WorkingDaysBetween(D(2026, 2, 24), D(2026, 2, 13)); got != -2 {
		t.Errorf("WorkingDaysBetween reversed = %d, want -2", got)
	}
	if got := c.WorkingDaysBetween(D(2025, 12, 1), D(2027, 1, 31)); got <= 250 {
		t.Errorf("WorkingDaysBetween over 14 months = %d", got)
	}
}

func TestNextOpening(t *testing.T) {
	c := Default()
	tests := []struct{ in, want time.Time }{
		{at(2026, 3, 10, 10, 0), at(2026, 3, 10, 10, 0)},
		{at(2026, 3, 10, 7, 0), at(2026, 3, 10, 8, 0)},
		{at(2026, 3, 10, 12, 0), at(2026, 3, 10, 13, 0)},
		{at(2026, 3, 6, 17, 0), at(2026, 3, 9, 8, 0)},
		{at(2026, 2, 14, 9, 0), at(2026, 2, 23, 8, 0)},
		{at(2026, 1, 9, 18, 0), at(2026, 1, 10, 8, 0)},
	}
	for _, tt := range tests {
		if got := c.NextOpening(tt.in); !got.Equal(tt.want) {
			t.Errorf("NextOpening(%v) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestSessionsErrors(t *testing.T) {
	for _, s := range []string{"", "08:00", "08:00-07:00", "08:00-12:00,11:00-13:00", "8h-12h", "25:00-26:00", "13:00-17:00,08:00-12:00"} {
		if _, err := ParseSessions(s); !isBilingual(err) {
			t.Errorf("ParseSessions(%q) error = %v", s, err)
		}
	}
	if _, err := New(DefaultRules(), Config{Sessions: []Session{}}); !isBilingual(err) {
		t.Errorf("New with no sessions: %v", err)
	}
}

func TestCalendarConcurrent(t *testing.T) {
	c := mustCalendar(t, DefaultRules(), Config{})
	done := make(chan time.Time)
	for g := 0; g < 8; g++ {
		go func() { done <- c.Due(at(2031, 1, 1, 9, 0), Days(300)) }()
	}
	first := <-done
	for g := 1; g < 8; g++ {
		if got := <-done; !got.Equal(first) {
			t.Errorf("concurrent Due differs: %v vs %v", got, first)
		}
	}
}
