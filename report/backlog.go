package report

import (
	"time"

	"github.com/motcua/motcua/calendar"
)

// Period is a run of whole days, both ends included, counted in Vietnam.
type Period struct {
	From calendar.Date `json:"from"`
	To   calendar.Date `json:"to"`
}

// Start is the first instant of the period: midnight opening From in Vietnam.
func (p Period) Start() time.Time { return p.From.In(calendar.Vietnam) }

// End is the first instant after the period: midnight closing To. The period is the
// half-open interval [Start, End).
func (p Period) End() time.Time { return p.To.AddDays(1).In(calendar.Vietnam) }

// Contains reports whether day d is in the period.
func (p Period) Contains(d calendar.Date) bool { return !d.Before(p.From) && !p.To.Before(d) }

// Backlog is what the day buckets cannot say about a period because it depends on the
// dossiers open at an instant.
type Backlog struct {
	// CarriedOver is the dossiers received before the period and still open at its
	// start: CarriedOver(sum of the counters of every day before the period).
	CarriedOver int `json:"carried_over"`
	// LateAtEnd is the dossiers open and late at the period's end, from the store's
	// indexed query (see the package documentation and Fact.LateOpenAt).
	LateAtEnd int `json:"late_at_end"`
}

// CarriedOver is the backlog at a day's start from the counters of every earlier day:
// everything received minus everything closed.
func CarriedOver(before Counters) int { return before.Received - before.Closed() }

// OpenAt reports whether the dossier was received and not finished at instant t. The
// store's query is "received_at < t AND (finished_at IS NULL OR finished_at >= t)" over
// received dossiers; t is a period's End, a midnight, so the two agree with the day
// buckets.
func (f Fact) OpenAt(t time.Time) bool {
	if f.ReceivedAt.IsZero() || !f.ReceivedAt.Before(t) {
		return false
	}
	return f.FinishedAt.IsZero() || !f.FinishedAt.Before(t)
}

// LateOpenAt reports whether the dossier was open and late at t: OpenAt(t) and
// "late_from IS NOT NULL AND late_from < t". This is the reference for the store's query.
func (f Fact) LateOpenAt(t time.Time) bool {
	return f.OpenAt(t) && !f.LateFrom.IsZero() && f.LateFrom.Before(t)
}
