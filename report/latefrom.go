package report

import (
	"time"

	"github.com/motcua/motcua/dossier"
)

// lateFrom is the first instant after which d, while open, is late by dossier.Outcome's
// rule: past the appointment in force and not in a clock stop that began before it.
//
// Lateness never ends while the dossier is open: an apology must come a working day
// before the appointment, and a clock stop begun after the appointment moves it by less
// than the time that passes. So "late at instant E" is exactly
// "received ≤ E < finished and LateFrom < E", for any past E, from the dossier's current
// state — which is what lets the store answer late-in-progress for any period end with
// one indexed query.
//
// The appointment's history is a chain of windows: each earlier appointment was in force
// from the previous replacement (or receipt) until it was replaced; the current one from
// the last replacement on. The first appointment passed inside its own window, with the
// dossier open and not paused, is when lateness began. For an open dossier the last
// window never closes, so its appointment is returned even while still in the future:
// the dossier will be late from then unless an event (finish, clock stop, apology)
// recomputes the fact first.
func lateFrom(d *dossier.Dossier) time.Time {
	from := d.ReceivedAt
	for i := 0; i <= len(d.Appointments); i++ {
		at, until := d.AppointmentAt, time.Time{}
		if i < len(d.Appointments) {
			at, until = d.Appointments[i].At, d.Appointments[i].ReplacedAt
		}
		if !d.FinishedAt.IsZero() && (until.IsZero() || d.FinishedAt.Before(until)) {
			until = d.FinishedAt
		}
		cand := at
		if cand.Before(from) {
			cand = from
		}
		if (until.IsZero() || cand.Before(until)) && !pausedOver(d, cand) {
			return cand
		}
		if i < len(d.Appointments) {
			from = d.Appointments[i].ReplacedAt
		}
	}
	return time.Time{}
}

// pausedOver reports whether a clock stop that began no later than t was still running
// at t; its end moves the appointment, so the dossier is not late at t.
func pausedOver(d *dossier.Dossier, t time.Time) bool {
	for _, p := range d.Pauses {
		if !p.Start.After(t) && (p.End.IsZero() || p.End.After(t)) {
			return true
		}
	}
	return false
}
