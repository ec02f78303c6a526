package report

import (
	"slices"

	"github.com/motcua/motcua/calendar"
	"github.com/motcua/motcua/catalog"
	"github.com/motcua/motcua/dossier"
)

// Key is what the store's day buckets are keyed by besides the day.
type Key struct {
	Unit      string `json:"unit"`
	Field     string `json:"field"`
	Procedure string `json:"procedure"`
}

// KeyOf is the bucket key of f.
func KeyOf(f Fact) Key { return Key{Unit: f.Unit, Field: f.Field, Procedure: f.ProcedureCode} }

// CountersFor is what f adds to the bucket of day: its receipt on the receipt day, its
// end on the finishing day, its rating on the rating day; zero on other days.
func CountersFor(f Fact, day calendar.Date) Counters {
	var c Counters
	received := f.Class == Open || f.Class == Resolved || f.Class == Withdrawn || f.Class == Stopped
	if received && f.ReceivedOn == day {
		c.Received = 1
		c.ReceivedOnline = b2i(f.Channel == catalog.ChannelOnline)
		c.ReceivedPostal = b2i(f.Channel == catalog.ChannelPostal)
		c.OfferedOnline = b2i(f.OfferedOnline)
		c.FiledOnline = b2i(f.OfferedOnline && f.Channel == catalog.ChannelOnline)
		c.WithFee = b2i(f.FeeDue)
		c.PaidOnline = b2i(f.FeeDue && f.PaidOnline)
		c.Synced = b2i(f.Synced)
	}
	if !f.FinishedOn.IsZero() && f.FinishedOn == day {
		switch f.Class {
		case Resolved:
			switch f.Timing {
			case dossier.Early:
				c.ResolvedEarly = 1
			case dossier.OnTime:
				c.ResolvedOnTime = 1
			default:
				c.ResolvedLate = 1
			}
			c.ElectronicResult = b2i(f.ElectronicResult)
			c.UsedSeconds, c.PausedSeconds = seconds(f.Used), seconds(f.Paused)
			c.StatutorySeconds = seconds(f.Statutory)
		case Withdrawn:
			c.Withdrawn = 1
		case Stopped:
			c.Stopped = 1
		case Refused:
			c.Refused = 1
		case WithdrawnUnreceived:
			c.WithdrawnUnreceived = 1
		}
	}
	if f.Rated && f.RatedOn == day {
		c.Rated, c.Satisfied, c.ScoreSum = 1, b2i(f.Satisfied), f.Score
	}
	return c
}

// DayCounters is one day's counters.
type DayCounters struct {
	Day calendar.Date `json:"day"`
	Counters
}

// Contributions lists the days f counts on, in order, with what it adds to each.
func Contributions(f Fact) []DayCounters {
	var days []calendar.Date
	for _, d := range []calendar.Date{f.ReceivedOn, f.FinishedOn, f.RatedOn} {
		if !d.IsZero() && !slices.Contains(days, d) {
			days = append(days, d)
		}
	}
	slices.SortFunc(days, calendar.Date.Compare)
	var out []DayCounters
	for _, d := range days {
		if c := CountersFor(f, d); !c.IsZero() {
			out = append(out, DayCounters{Day: d, Counters: c})
		}
	}
	return out
}

// Delta is a change the store applies to the bucket (Day, Key): add Counters, which may
// hold negative numbers.
type Delta struct {
	Day calendar.Date `json:"day"`
	Key Key           `json:"key"`
	Counters
}

// Diff is what the buckets must change by when a dossier's fact goes from old to new
// (use a zero Fact for a dossier not seen before). Applying it in the event's own
// transaction keeps the buckets equal to the sum of the current facts: a later rating,
// a payment, a forward to another unit or the sync's acknowledgment each move exactly
// their share.
func Diff(old, new Fact) []Delta {
	var out []Delta
	add := func(f Fact, sign int) {
		for _, dc := range Contributions(f) {
			k := KeyOf(f)
			i := slices.IndexFunc(out, func(x Delta) bool { return x.Day == dc.Day && x.Key == k })
			if i < 0 {
				out = append(out, Delta{Day: dc.Day, Key: k})
				i = len(out) - 1
			}
			out[i].combine(dc.Counters, sign)
		}
	}
	add(old, -1)
	add(new, 1)
	return slices.DeleteFunc(out, func(d Delta) bool { return d.Counters.IsZero() })
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
