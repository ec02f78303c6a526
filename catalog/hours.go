package catalog

import (
	"math"

	"github.com/motcua/motcua/calendar"
)

// HoursPerDay is the length of a working day; real systems count 8 working hours a day.
const HoursPerDay = 8

// WorkingHours converts a statutory span to the working hours it guarantees.
//
// Calendar-day spans are converted conservatively: N calendar days always hold at least
// 5 working days in each full week, plus the remainder minus a weekend. Public holidays
// can shorten that further; the catalog does not know the year the span falls in, so for
// calendar-day procedures the internal-process check is a lower bound, not an exact fit.
func WorkingHours(s calendar.Span) float64 {
	switch s.Unit {
	case calendar.WorkingHours:
		return s.Value
	case calendar.WorkingDays:
		return s.Value * HoursPerDay
	case calendar.CalendarDays:
		n := math.Floor(s.Value)
		weeks, rest := math.Floor(n/7), math.Mod(n, 7)
		return (weeks*5 + math.Max(0, rest-2)) * HoursPerDay
	}
	return 0
}

// knownUnit reports whether u is one of the calendar's units.
func knownUnit(u calendar.Unit) bool {
	return u == calendar.WorkingDays || u == calendar.WorkingHours || u == calendar.CalendarDays
}
