package dossier

import (
	"math"
	"time"

	"github.com/motcua/motcua/calendar"
)

// testClock works Monday to Friday, 08:00–12:00 and 13:00–17:00 in Vietnam, with no
// holidays: enough to check the rules without the real calendar.
type testClock struct{}

var sessions = [][2]time.Duration{{8 * time.Hour, 12 * time.Hour}, {13 * time.Hour, 17 * time.Hour}}

const dayLen = 8 * time.Hour

func midnight(t time.Time) time.Time {
	y, m, d := t.In(calendar.Vietnam).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, calendar.Vietnam)
}

func working(day time.Time) bool {
	wd := day.Weekday()
	return wd != time.Saturday && wd != time.Sunday
}

func (testClock) Due(start time.Time, s calendar.Span) time.Time {
	switch s.Unit {
	case calendar.CalendarDays:
		day := midnight(start).AddDate(0, 0, int(math.Ceil(s.Value)))
		for !working(day) {
			day = day.AddDate(0, 0, 1)
		}
		return day.Add(17 * time.Hour)
	case calendar.WorkingHours:
		return advance(start, roundSecond(s.Value*float64(time.Hour)))
	}
	return advance(start, roundSecond(s.Value*float64(dayLen)))
}

func roundSecond(ns float64) time.Duration {
	return time.Duration(math.Round(ns/float64(time.Second))) * time.Second
}

// advance adds d of working time; a span ending exactly at closing ends at closing.
func advance(start time.Time, d time.Duration) time.Time {
	start = start.In(calendar.Vietnam)
	if d <= 0 {
		return start
	}
	for day := midnight(start); ; day = day.AddDate(0, 0, 1) {
		if !working(day) {
			continue
		}
		for _, s := range sessions {
			from, to := day.Add(s[0]), day.Add(s[1])
			if !to.After(start) {
				continue
			}
			if start.After(from) {
				from = start
			}
			if left := to.Sub(from); d <= left {
				return from.Add(d)
			} else {
				d -= left
			}
		}
	}
}

func (testClock) WorkingBetween(from, to time.Time) time.Duration {
	if !to.After(from) {
		return 0
	}
	var sum time.Duration
	for day := midnight(from); day.Before(to); day = day.AddDate(0, 0, 1) {
		if !working(day) {
			continue
		}
		for _, s := range sessions {
			a, b := day.Add(s[0]), day.Add(s[1])
			if a.Before(from) {
				a = from
			}
			if b.After(to) {
				b = to
			}
			if b.After(a) {
				sum += b.Sub(a)
			}
		}
	}
	return sum
}

// at is a Vietnam wall-clock instant.
func at(y int, m time.Month, d, hh, mm int) time.Time {
	return time.Date(y, m, d, hh, mm, 0, 0, calendar.Vietnam)
}
