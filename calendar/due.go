package calendar

import (
	"math"
	"time"
)

// maxSpanValue bounds a Span so that the arithmetic cannot overflow; ParseSpan already
// rejects anything larger.
const maxSpanValue = 100000

// Due returns the deadline of a span started at start, in the calendar's zone.
//
// Working days and hours count only office time: one working day is one full set of
// sessions (8 h by default), so 0.5d is 4 h. A start outside office hours (after closing,
// at lunch, on a weekend or holiday) counts from the next opening. When the span runs out
// exactly at the end of a session the deadline is that closing instant (17:00), not the
// next opening; so a span started at an opening ends at a closing.
//
// Calendar days count every day. As in Civil Code art. 147 the day of start is not
// counted: n calendar days end on the n-th day after the local date of start, at closing
// time, the end of the office's day (a fraction of a day counts as a whole day). If that
// day is not a working day the deadline moves to the closing time of the next working
// day (Civil Code art. 148).
//
// A zero, negative or NaN span returns start unchanged (in the calendar's zone). A span
// with an empty unit counts working days.
func (c *Calendar) Due(start time.Time, s Span) time.Time {
	v := s.Value
	if !(v > 0) {
		return start.In(c.loc)
	}
	v = min(v, maxSpanValue)
	switch s.Unit {
	case CalendarDays:
		return c.dueCalendarDays(start, int(math.Ceil(v)))
	case WorkingHours:
		return c.advance(start, roundDuration(v*float64(time.Hour)))
	default:
		return c.advance(start, roundDuration(v*float64(c.dayLen)))
	}
}

// roundDuration rounds to the second: spans are statutory, never finer.
func roundDuration(ns float64) time.Duration {
	return time.Duration(math.Round(ns/float64(time.Second))) * time.Second
}

// advance adds d of working time to start.
func (c *Calendar) advance(start time.Time, d time.Duration) time.Time {
	day, tod, off := c.split(start)
	if d <= 0 {
		return start.In(c.loc)
	}
	if c.isWorking(day) {
		for _, s := range c.sessions {
			if tod >= s.End {
				continue
			}
			from := max(tod, s.Start)
			avail := s.End - from
			if d <= avail {
				return c.join(day, from+d, off)
			}
			d -= avail
		}
	}
	whole, rest := int(d/c.dayLen), d%c.dayLen
	if rest == 0 {
		return c.join(c.nthWorkingDayAfter(day, whole), c.closing, off)
	}
	day = c.nthWorkingDayAfter(day, whole+1)
	for _, s := range c.sessions {
		if n := s.End - s.Start; rest > n {
			rest -= n
			continue
		}
		return c.join(day, s.Start+rest, off)
	}
	return c.join(day, c.closing, off) // not reached: rest is shorter than a working day
}

func (c *Calendar) dueCalendarDays(start time.Time, n int) time.Time {
	day, _, off := c.split(start)
	last := day + n
	if !c.isWorking(last) {
		last = c.nthWorkingDayAfter(last, 1)
	}
	return c.join(last, c.closing, off)
}

// NextOpening returns t itself when the office is open at t, otherwise the start of the
// next session on a working day.
func (c *Calendar) NextOpening(t time.Time) time.Time {
	day, tod, off := c.split(t)
	if c.isWorking(day) {
		for _, s := range c.sessions {
			if tod < s.Start {
				return c.join(day, s.Start, off)
			}
			if tod < s.End {
				return t.In(c.loc)
			}
		}
	}
	return c.join(c.nthWorkingDayAfter(day, 1), c.sessions[0].Start, off)
}

// IsOpen reports whether t falls inside office hours of a working day.
func (c *Calendar) IsOpen(t time.Time) bool { return c.NextOpening(t).Equal(t) }
