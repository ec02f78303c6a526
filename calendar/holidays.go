package calendar

import (
	"cmp"
	"slices"
	"time"
)

// Entry is one day of the holiday list of a year.
type Entry struct {
	Date   Date   `json:"date"`
	Kind   Kind   `json:"kind"`
	Name   string `json:"name"`
	Source string `json:"source"`
}

// compensatorySource is the legal basis of every nghỉ bù day.
const compensatorySource = "Bộ luật Lao động 2019, khoản 3 Điều 111"

// entries lists every special day of the year: holidays, compensatory days, swapped days
// off and make-up working days, sorted by date.
//
// A holiday on Saturday or Sunday, or on a day already taken by another holiday, gives a
// compensatory day on the next Monday-to-Friday that is not itself off. Holidays of the
// neighbouring years are placed too, so that a compensatory day crossing 1 January lands
// in the right year.
func (rs *Rules) entries(year int) []Entry {
	var hol []Entry
	for y := year - 1; y <= year+1; y++ {
		hol = append(hol, rs.holidaysOf(y)...)
	}
	slices.SortStableFunc(hol, func(a, b Entry) int { return a.Date.Compare(b.Date) })

	off := map[int]bool{}
	for _, h := range hol {
		off[h.Date.dayNumber()] = true
	}
	for _, d := range rs.Decisions {
		if d.Kind == SwapOff {
			off[d.Date.dayNumber()] = true
		}
	}

	var out []Entry
	seen := map[int]bool{}
	for _, h := range hol {
		n := h.Date.dayNumber()
		if isWeekend(n) || seen[n] {
			m := n + 1
			for isWeekend(m) || off[m] {
				m++
			}
			off[m] = true
			if dateOfDay(m).Year == year {
				out = append(out, Entry{dateOfDay(m), Compensatory, "Nghỉ bù " + h.Name, compensatorySource})
			}
		}
		seen[n] = true
		if h.Date.Year == year {
			out = append(out, h)
		}
	}
	for _, d := range rs.Decisions {
		if d.Kind != Holiday && d.Date.Year == year {
			out = append(out, Entry{d.Date, d.Kind, d.Name, d.Source})
		}
	}
	slices.SortStableFunc(out, func(a, b Entry) int {
		return cmp.Or(a.Date.Compare(b.Date), cmp.Compare(kindOrder[a.Kind], kindOrder[b.Kind]))
	})
	return out
}

var kindOrder = map[Kind]int{Holiday: 0, Compensatory: 1, SwapOff: 2, MakeupWorkday: 3}

// holidaysOf places every rule anchored in year y: by the year's decisions when there are
// any for the rule, otherwise by the rule itself. Holiday decisions without a rule are
// one-off holidays.
func (rs *Rules) holidaysOf(y int) []Entry {
	var out []Entry
	for i := range rs.Rules {
		r := &rs.Rules[i]
		if !r.appliesIn(y) {
			continue
		}
		placed := false
		for _, d := range rs.Decisions {
			if d.Kind == Holiday && d.Rule == r.Key && d.Date.Year == y {
				out = append(out, Entry{d.Date, Holiday, d.Name, d.Source})
				placed = true
			}
		}
		if !placed {
			out = append(out, r.placement(y)...)
		}
	}
	for _, d := range rs.Decisions {
		if d.Kind == Holiday && d.Rule == "" && d.Date.Year == y {
			out = append(out, Entry{d.Date, Holiday, d.Name, d.Source})
		}
	}
	return out
}

// placement returns the default days of the rule anchored in year y. A solar 29/2 only
// exists in leap years; a lunar day 30 in a 29-day month falls on day 29.
func (r *Rule) placement(y int) []Entry {
	var anchor Date
	if r.Lunar {
		d, err := FromLunar(LunarDate{Year: y, Month: r.Month, Day: r.Day})
		if err != nil && r.Day == 30 {
			d, err = FromLunar(LunarDate{Year: y, Month: r.Month, Day: 29})
		}
		if err != nil {
			return nil
		}
		anchor = d
	} else {
		anchor = D(y, time.Month(r.Month), r.Day)
		if anchor.Day != r.Day {
			return nil
		}
	}
	offset := r.Offset
	for name, o := range r.OffsetOn {
		if weekdayNames[name] == anchor.Weekday() {
			offset = o
		}
	}
	out := make([]Entry, r.length())
	for i := range out {
		name := r.Name
		if len(r.DayNames) == len(out) {
			name = r.DayNames[i]
		}
		out[i] = Entry{anchor.AddDays(offset + i), Holiday, name, r.Source}
	}
	return out
}

func isWeekend(day int) bool {
	wd := weekdayOfDay(day)
	return wd == time.Saturday || wd == time.Sunday
}
