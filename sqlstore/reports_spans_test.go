package sqlstore

import (
	"fmt"
	"testing"

	"github.com/motcua/motcua/calendar"
)

// A period reads its whole months from the roll-up and only its edge days from the days.
func TestPeriodSpans(t *testing.T) {
	d := calendar.D
	for _, c := range []struct {
		from, to calendar.Date
		want     string
	}{
		{d(2026, 1, 1), d(2026, 12, 31), "[{true 202601 202612}]"},
		{d(2026, 1, 15), d(2026, 12, 14), "[{true 202602 202611} {false 20260115 20260131} {false 20261201 20261214}]"},
		{d(2026, 3, 4), d(2026, 3, 4), "[{false 20260304 20260304}]"},
		{d(2026, 3, 2), d(2026, 4, 30), "[{true 202604 202604} {false 20260302 20260331}]"},
		{d(2026, 2, 1), d(2026, 2, 28), "[{true 202602 202602}]"},
		{d(2025, 12, 20), d(2026, 1, 10), "[{false 20251220 20260110}]"},
		{d(2026, 5, 1), d(2026, 4, 30), "[]"},
	} {
		if got := fmt.Sprint(periodSpans(c.from, c.to)); got != c.want {
			t.Errorf("%v–%v: %s, want %s", c.from, c.to, got, c.want)
		}
	}
	if got := fmt.Sprint(beforeSpans(d(2026, 3, 15))); got != "[{true 0 202602} {false 20260301 20260314}]" {
		t.Errorf("before 15 March: %s", got)
	}
	if got := fmt.Sprint(beforeSpans(d(2026, 3, 1))); got != "[{true 0 202602}]" {
		t.Errorf("before 1 March: %s", got)
	}
}
