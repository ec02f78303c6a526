package dossier

import "time"

// Timing classes a dossier against its appointment.
type Timing string

const (
	// Early: processing finished on a working day before the appointment's day.
	Early Timing = "early"
	// OnTime: finished on the appointment's day, no later than the appointment instant.
	OnTime Timing = "on_time"
	// Late: finished after the appointment instant, or still open past it.
	Late Timing = "late"
	// Pending: still open and not yet past the appointment.
	Pending Timing = "pending"
	// Unrated: never received, refused, withdrawn or stopped — outside the on-time rate.
	Unrated Timing = "none"
)

// Evaluation is the per-dossier assessment of Circular 01/2018. Scores are 2, 1 or 0;
// they are -1 until processing has finished.
type Evaluation struct {
	Timing Timing    `json:"timing"`
	End    time.Time `json:"end"` // end of processing, or now while open

	Used      time.Duration `json:"used"`      // working time from receipt to End, clock stops excluded
	Paused    time.Duration `json:"paused"`    // working time stopped for supplements
	Statutory time.Duration `json:"statutory"` // working time the statute allows from receipt
	Saved     time.Duration `json:"saved"`     // Statutory − Used; negative when over
	TimeScore int           `json:"time_score"`

	Units     []UnitEvaluation `json:"units,omitempty"`
	UnitScore int              `json:"unit_score"` // the weakest unit's score

	Contacts     int `json:"contacts"` // contacts counted against the agency
	ContactScore int `json:"contact_score"`
}

// UnitEvaluation is one unit's working time against the norm hours of its steps.
type UnitEvaluation struct {
	UnitCode string        `json:"unit_code"`
	Used     time.Duration `json:"used"`
	Allotted time.Duration `json:"allotted"`
	Score    int           `json:"score"` // -1 when the unit had no norm hours to meet
}

// Outcome evaluates d at now.
//
// Timing compares the end of processing (issue of the result, status 9) with the
// appointment in force, by the day in Vietnam: early before the appointment's day, on
// time on that day up to the appointment instant, late after it. The hand-back is not
// part of processing.
//
// The time score measures the same way against the statutory deadline alone (receipt
// plus statutory time, moved by clock stops but not by an apology): 2 shorter, 1 equal
// (the statutory last day), 0 longer. A unit's score compares its working time with its
// norm hours, to the minute. The contact score counts guidance and supplement requests
// not marked as the applicant's fault: 2 none, 1 one, 0 more.
func Outcome(d *Dossier, clk Clock, now time.Time) Evaluation {
	e := Evaluation{Timing: Unrated, TimeScore: -1, UnitScore: -1, ContactScore: -1}
	if d.ReceivedAt.IsZero() || d.Closure != nil {
		return e
	}
	e.End = now
	if !d.FinishedAt.IsZero() {
		e.End = d.FinishedAt
	}
	e.Paused = d.PausedWorking() + d.runningPause(clk, e.End)
	e.Used = clk.WorkingBetween(d.ReceivedAt, e.End) - e.Paused
	base := d.BaseAppointment(clk)
	e.Statutory = clk.WorkingBetween(d.ReceivedAt, base)
	e.Saved = e.Statutory - e.Used
	appointment := shift(clk, d.AppointmentAt, d.runningPause(clk, e.End))
	if d.FinishedAt.IsZero() {
		e.Timing = Pending
		if now.After(appointment) {
			e.Timing = Late
		}
		return e
	}
	e.Timing = compareDue(e.End, appointment)
	e.TimeScore = score(compareDue(e.End, shift(clk, base, e.Paused)))
	e.Units, e.UnitScore = d.unitEvaluations(clk, e.End)
	for _, c := range d.Contacts {
		if !c.ApplicantFault {
			e.Contacts++
		}
	}
	e.ContactScore = max(0, 2-e.Contacts)
	return e
}

func compareDue(end, due time.Time) Timing {
	switch {
	case end.After(due):
		return Late
	case dayIn(end).Before(dayIn(due)):
		return Early
	default:
		return OnTime
	}
}

func score(t Timing) int {
	switch t {
	case Early:
		return 2
	case OnTime:
		return 1
	}
	return 0
}

// runningPause is the working time of a clock stop still running at t.
func (d *Dossier) runningPause(clk Clock, t time.Time) time.Duration {
	if p := d.openPause(); p != nil {
		return clk.WorkingBetween(p.Start, t)
	}
	return 0
}

// unitEvaluations sums, per unit, the working time of the steps it held before end
// (clock stops excluded) against their norm hours. Steps opened at or after end — the
// hand-back at the desk — are not processing time.
func (d *Dossier) unitEvaluations(clk Clock, end time.Time) ([]UnitEvaluation, int) {
	var units []UnitEvaluation
	index := map[string]int{}
	for _, s := range d.Steps {
		if !s.StartedAt.Before(end) {
			continue
		}
		fin := s.FinishedAt
		if fin.IsZero() || fin.After(end) {
			fin = end
		}
		i, ok := index[s.UnitCode]
		if !ok {
			i = len(units)
			index[s.UnitCode] = i
			units = append(units, UnitEvaluation{UnitCode: s.UnitCode})
		}
		units[i].Used += clk.WorkingBetween(s.StartedAt, fin) - s.Paused
		units[i].Allotted += time.Duration(s.NormHours * float64(time.Hour))
	}
	worst := -1
	for i := range units {
		u := &units[i]
		u.Score = -1
		if u.Allotted <= 0 {
			continue
		}
		used, allotted := u.Used.Round(time.Minute), u.Allotted.Round(time.Minute)
		switch {
		case used < allotted:
			u.Score = 2
		case used == allotted:
			u.Score = 1
		default:
			u.Score = 0
		}
		if worst < 0 || u.Score < worst {
			worst = u.Score
		}
	}
	return units, worst
}
