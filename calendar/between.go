package calendar

import (
	"math"
	"time"
)

// WorkingBetween returns the working time elapsed from from to to, 0 if to is not after
// from. It is the inverse of Due for working spans: WorkingBetween(a, Due(a, Hours(h)))
// is h hours.
func (c *Calendar) WorkingBetween(from, to time.Time) time.Duration {
	if !to.After(from) {
		return 0
	}
	da, ta, _ := c.split(from)
	db, tb, _ := c.split(to)
	wa, wb := c.workedOn(da, ta), c.workedOn(db, tb)
	if da == db {
		return wb - wa
	}
	days := c.countWorking(da, db)
	if int64(days) > math.MaxInt64/int64(c.dayLen)-1 {
		return math.MaxInt64 // over a thousand years of work: saturate rather than wrap
	}
	return time.Duration(days)*c.dayLen - wa + wb
}

// workedOn is the working time of day elapsed at tod (0 on a day off).
func (c *Calendar) workedOn(day int, tod time.Duration) time.Duration {
	if !c.isWorking(day) {
		return 0
	}
	return c.workedBefore(tod)
}

// workedBefore is the working time of a working day that has elapsed at tod.
func (c *Calendar) workedBefore(tod time.Duration) time.Duration {
	var w time.Duration
	for _, s := range c.sessions {
		if tod <= s.Start {
			break
		}
		w += min(tod, s.End) - s.Start
	}
	return w
}
