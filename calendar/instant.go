package calendar

import "time"

// The working-time arithmetic runs on (day number, time of day) pairs in the calendar's
// zone; these two functions convert from and to time.Time without calling time.Date.

// split returns the local day of t, the time of day, and the zone offset in seconds.
func (c *Calendar) split(t time.Time) (day int, tod time.Duration, offset int) {
	_, offset = t.In(c.loc).Zone()
	secs := t.Unix() + int64(offset)
	d := secs / 86400
	if secs%86400 < 0 {
		d--
	}
	tod = time.Duration(secs-d*86400)*time.Second + time.Duration(t.Nanosecond())
	return int(d), tod, offset
}

// join builds the instant at tod on day. offset is a guess (the offset of a nearby
// instant); it is checked once, which is exact unless the wall time falls in a DST gap.
func (c *Calendar) join(day int, tod time.Duration, offset int) time.Time {
	wall := int64(day)*86400 + int64(tod/time.Second)
	ns := int64(tod % time.Second)
	t := time.Unix(wall-int64(offset), ns).In(c.loc)
	if _, off := t.Zone(); off != offset {
		t = time.Unix(wall-int64(off), ns).In(c.loc)
	}
	return t
}
