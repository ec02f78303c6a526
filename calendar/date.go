// Package calendar holds Vietnamese civil time: the lunar calendar, public holidays and
// the official day swaps, and working time (deadlines counted in working days or hours).
// It imports no database and no HTTP.
package calendar

import (
	"fmt"
	"time"
)

// Vietnam is the zone every deadline is counted in.
var Vietnam = mustZone("Asia/Ho_Chi_Minh")

func mustZone(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		// The zone database may be missing on a bare machine; Vietnam has kept UTC+7 since 1975.
		return time.FixedZone("ICT", 7*3600)
	}
	return loc
}

// Date is a civil date with no time of day and no zone.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// D builds a Date; out-of-range parts are normalised as time.Date does.
func D(year int, month time.Month, day int) Date {
	return DateOf(time.Date(year, month, day, 0, 0, 0, 0, time.UTC))
}

// DateOf returns the civil date of t in t's own location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// ParseDate reads YYYY-MM-DD.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return Date{}, fmt.Errorf("ngày không hợp lệ %q, cần dạng YYYY-MM-DD / invalid date %q, want YYYY-MM-DD", s, s)
	}
	return DateOf(t), nil
}

func (d Date) String() string { return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day) }

// IsZero reports whether d is the zero Date.
func (d Date) IsZero() bool { return d == Date{} }

// In returns midnight of d in loc.
func (d Date) In(loc *time.Location) time.Time {
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, loc)
}

// AddDays moves d by n calendar days.
func (d Date) AddDays(n int) Date { return D(d.Year, d.Month, d.Day+n) }

// Weekday of d.
func (d Date) Weekday() time.Weekday { return d.In(time.UTC).Weekday() }

// Before reports whether d comes before e.
func (d Date) Before(e Date) bool { return d.Compare(e) < 0 }

// Compare returns -1, 0 or +1.
func (d Date) Compare(e Date) int {
	return d.In(time.UTC).Compare(e.In(time.UTC))
}

// DaysSince counts calendar days from e to d.
func (d Date) DaysSince(e Date) int {
	return int(d.In(time.UTC).Sub(e.In(time.UTC)).Hours() / 24)
}

// MarshalText writes the zero Date as an empty string, so an unset date reads back unset.
func (d Date) MarshalText() ([]byte, error) {
	if d.IsZero() {
		return []byte{}, nil
	}
	return []byte(d.String()), nil
}

func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Date{}
		return nil
	}
	p, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = p
	return nil
}
