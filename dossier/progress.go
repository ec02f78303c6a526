package dossier

import (
	"fmt"
	"time"

	"github.com/motcua/motcua/calendar"
)

// maxCountedDays bounds the day counting below; no statutory time comes near a year of
// working days.
const maxCountedDays = 250

// Progress is what the officer console shows about an open dossier's deadline.
type Progress struct {
	// Appointment is the appointment in force, moved by a running clock stop: the forecast
	// as of now if the applicant answered this instant.
	Appointment time.Time `json:"appointment"`
	Paused      bool      `json:"paused"`
	Overdue     bool      `json:"overdue"`
	// DueSoon is set when less than one working day is left.
	DueSoon   bool          `json:"due_soon"`
	Remaining time.Duration `json:"remaining"` // working time left; negative past the appointment
	DaysLeft  int           `json:"days_left"` // full working days left
	DaysOver  int           `json:"days_over"` // full working days past the appointment
}

// Track computes the progress of d at now; a dossier not received or already finished has
// none (zero Progress).
func Track(d *Dossier, clk Clock, now time.Time) Progress {
	if d.ReceivedAt.IsZero() || !d.FinishedAt.IsZero() {
		return Progress{}
	}
	p := Progress{Paused: d.openPause() != nil}
	p.Appointment = shift(clk, d.AppointmentAt, d.runningPause(clk, now))
	if now.After(p.Appointment) {
		p.Overdue = true
		p.Remaining = -clk.WorkingBetween(p.Appointment, now)
		p.DaysOver = fullDays(clk, p.Appointment, now)
		return p
	}
	p.Remaining = clk.WorkingBetween(now, p.Appointment)
	p.DaysLeft = fullDays(clk, now, p.Appointment)
	p.DueSoon = p.DaysLeft == 0
	return p
}

// fullDays counts whole working days from from that fit before to.
func fullDays(clk Clock, from, to time.Time) int {
	n := 0
	for n < maxCountedDays && !clk.Due(from, calendar.Days(float64(n+1))).After(to) {
		n++
	}
	return n
}

// Label is the short Vietnamese status of the deadline: "còn 2 ngày", "quá hạn 1 ngày".
func (p Progress) Label() string {
	switch {
	case p.Appointment.IsZero():
		return ""
	case p.Paused:
		return "tạm dừng, chờ bổ sung"
	case p.Overdue && p.DaysOver == 0:
		return "quá hạn dưới 1 ngày"
	case p.Overdue:
		return fmt.Sprintf("quá hạn %d ngày", p.DaysOver)
	case p.DueSoon:
		return "còn dưới 1 ngày"
	}
	return fmt.Sprintf("còn %d ngày", p.DaysLeft)
}

// LabelEN is Label in English.
func (p Progress) LabelEN() string {
	switch {
	case p.Appointment.IsZero():
		return ""
	case p.Paused:
		return "paused, awaiting supplement"
	case p.Overdue && p.DaysOver == 0:
		return "overdue by less than a day"
	case p.Overdue:
		return fmt.Sprintf("overdue by %d %s", p.DaysOver, plural(p.DaysOver, "day"))
	case p.DueSoon:
		return "less than a day left"
	}
	return fmt.Sprintf("%d %s left", p.DaysLeft, plural(p.DaysLeft, "day"))
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}

// Overdue reports whether the step's deadline passed while it was open.
func (s Step) Overdue(now time.Time) bool {
	end := s.FinishedAt
	if end.IsZero() {
		end = now
	}
	return end.After(s.DueAt)
}

func dayIn(t time.Time) calendar.Date { return calendar.DateOf(t.In(calendar.Vietnam)) }
