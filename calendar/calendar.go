package calendar

import (
	"slices"
	"sync"
	"time"
)

// Config sets the office hours and the zone of a Calendar.
type Config struct {
	Sessions []Session      // nil means DefaultSessions
	Location *time.Location // nil means Vietnam
}

// Calendar answers working-time questions for one holiday policy and one set of office
// hours. Saturdays and Sundays are rest days unless a decision makes one a make-up
// workday. A Calendar is immutable and safe for concurrent use; its per-year tables are
// built on first use.
type Calendar struct {
	rules    *Rules
	sessions []Session
	dayLen   time.Duration // one working day: the sum of the sessions
	closing  time.Duration // end of the last session
	loc      *time.Location
	years    yearCache[*yearTable]
}

// yearTable is what makes Due and WorkingBetween jump over days instead of walking them.
type yearTable struct {
	first   int      // day number of 1 January
	prefix  []uint16 // prefix[i] = working days among the first i days of the year
	working []uint16 // day of year (0-based) of each working day, in order
	entries []Entry
}

// New builds a Calendar. The rules are validated and copied.
func New(rs *Rules, cfg Config) (*Calendar, error) {
	if err := rs.Validate(); err != nil {
		return nil, err
	}
	sessions := cfg.Sessions
	if sessions == nil {
		sessions = DefaultSessions()
	}
	if err := validateSessions(sessions); err != nil {
		return nil, err
	}
	c := &Calendar{
		rules:    rs.WithDecisions(),
		sessions: slices.Clone(sessions),
		closing:  sessions[len(sessions)-1].End,
		loc:      cfg.Location,
	}
	if c.loc == nil {
		c.loc = Vietnam
	}
	for _, s := range sessions {
		c.dayLen += s.End - s.Start
	}
	c.years.build = c.buildYear
	return c, nil
}

// Default returns the shared Calendar with the built-in rules and Hà Nội office hours.
func Default() *Calendar { return defaultCalendar() }

var defaultCalendar = sync.OnceValue(func() *Calendar {
	c, err := New(defaultRules(), Config{})
	if err != nil {
		panic("calendar: default calendar: " + err.Error())
	}
	return c
})

// Location is the zone the calendar counts in.
func (c *Calendar) Location() *time.Location { return c.loc }

// Sessions returns the office hours.
func (c *Calendar) Sessions() []Session { return slices.Clone(c.sessions) }

// DayLength is the working time of one full working day (8 h by default).
func (c *Calendar) DayLength() time.Duration { return c.dayLen }

// Holidays lists the special days of a year: holidays, compensatory days, swapped days off
// and make-up working days, sorted by date.
func (c *Calendar) Holidays(year int) []Entry {
	return slices.Clone(c.years.get(year).entries)
}

// IsWorkingDay reports whether the office is open on d.
func (c *Calendar) IsWorkingDay(d Date) bool { return c.isWorking(d.dayNumber()) }

// NextWorkingDay returns the first working day after d.
func (c *Calendar) NextWorkingDay(d Date) Date {
	return dateOfDay(c.nthWorkingDayAfter(d.dayNumber(), 1))
}

// WorkingDaysBetween counts the working days d with from < d ≤ to: how many working days
// a deadline on to still leaves on from. It is negative when to is before from.
func (c *Calendar) WorkingDaysBetween(from, to Date) int {
	a, b := from.dayNumber(), to.dayNumber()
	if b < a {
		return -c.countWorking(b+1, a+1)
	}
	return c.countWorking(a+1, b+1)
}

func (c *Calendar) table(day int) (*yearTable, int) {
	y, _, _ := civilFromDays(day)
	t := c.years.get(y)
	return t, day - t.first
}

func (c *Calendar) isWorking(day int) bool {
	t, doy := c.table(day)
	return t.prefix[doy+1] != t.prefix[doy]
}

// nthWorkingDayAfter returns the k-th working day strictly after day (k ≥ 1).
func (c *Calendar) nthWorkingDayAfter(day, k int) int {
	t, doy := c.table(day)
	done := int(t.prefix[doy+1])
	for {
		if j := done + k - 1; j < len(t.working) {
			return t.first + int(t.working[j])
		}
		k -= len(t.working) - done
		y, _, _ := civilFromDays(t.first)
		t, done = c.years.get(y+1), 0
	}
}

// countWorking counts the working days in [a, b); 0 when b ≤ a.
func (c *Calendar) countWorking(a, b int) int {
	if b <= a {
		return 0
	}
	ta, da := c.table(a)
	tb, db := c.table(b)
	if ta == tb {
		return int(tb.prefix[db]) - int(ta.prefix[da])
	}
	n := len(ta.working) - int(ta.prefix[da]) + int(tb.prefix[db])
	y, _, _ := civilFromDays(ta.first)
	for y++; ; y++ {
		t := c.years.get(y)
		if t == tb {
			return n
		}
		n += len(t.working)
	}
}

func (c *Calendar) buildYear(y int) *yearTable {
	first := daysFromCivil(y, 1, 1)
	days := daysFromCivil(y+1, 1, 1) - first
	t := &yearTable{first: first, entries: c.rules.entries(y), prefix: make([]uint16, days+1)}
	open := make([]bool, days)
	for i := range open {
		open[i] = !isWeekend(first + i)
	}
	for _, e := range t.entries {
		open[e.Date.dayNumber()-first] = e.Kind == MakeupWorkday
	}
	for i, ok := range open {
		t.prefix[i+1] = t.prefix[i]
		if ok {
			t.prefix[i+1]++
			t.working = append(t.working, uint16(i))
		}
	}
	return t
}
