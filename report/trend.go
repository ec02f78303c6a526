package report

import (
	"slices"
	"time"

	"github.com/motcua/motcua/calendar"
)

// Month is one month of a trend.
type Month struct {
	Year        int        `json:"year"`
	Month       time.Month `json:"month"`
	Counters    Counters   `json:"counters"`
	CarriedOver int        `json:"carried_over"` // open at the month's start
	OpenAtEnd   int        `json:"open_at_end"`  // open at its end
}

// Months sums day buckets into months, oldest first, carrying the backlog along from
// opening (the backlog at the first day, see CarriedOver). Days may come in any order and
// several rows per day (one per key); months without rows between the first and the last
// are listed with zero counters so a chart has no gaps.
func Months(days []DayCounters, opening int) []Month {
	if len(days) == 0 {
		return nil
	}
	byMonth := map[[2]int]*Counters{}
	first, last := days[0].Day, days[0].Day
	for _, d := range days {
		k := [2]int{d.Day.Year, int(d.Day.Month)}
		if byMonth[k] == nil {
			byMonth[k] = &Counters{}
		}
		byMonth[k].Add(d.Counters)
		first = slices.MinFunc([]calendar.Date{first, d.Day}, calendar.Date.Compare)
		last = slices.MaxFunc([]calendar.Date{last, d.Day}, calendar.Date.Compare)
	}
	var out []Month
	open := opening
	for m := calendar.D(first.Year, first.Month, 1); !last.Before(m); m = calendar.D(m.Year, m.Month+1, 1) {
		var c Counters
		if p := byMonth[[2]int{m.Year, int(m.Month)}]; p != nil {
			c = *p
		}
		end := open + c.Received - c.Closed()
		out = append(out, Month{Year: m.Year, Month: m.Month, Counters: c, CarriedOver: open, OpenAtEnd: end})
		open = end
	}
	return out
}
