package dossier

import (
	"time"

	"github.com/motcua/motcua/calendar"
)

// Clock is the working-time calendar the rules count in; *calendar.Calendar provides it.
type Clock interface {
	// Due is the instant a span started at start runs out.
	Due(start time.Time, s calendar.Span) time.Time
	// WorkingBetween is the working time from from to to, zero when to is not after from.
	WorkingBetween(from, to time.Time) time.Duration
}

// shift moves t later by exactly w of working time. Span hours are floats; should a clock
// lose a few nanoseconds on the round trip, the result is nudged back so the invariant
// "appointment = base + paused time" holds exactly.
func shift(clk Clock, t time.Time, w time.Duration) time.Time {
	if w <= 0 {
		return t
	}
	u := clk.Due(t, calendar.Hours(w.Hours()))
	if diff := w - clk.WorkingBetween(t, u); diff != 0 && diff > -time.Millisecond && diff < time.Millisecond {
		u = u.Add(diff)
	}
	return u
}

// BaseAppointment is the appointment the statute gives: receipt plus statutory time, with
// no clock stop or extension.
func (d *Dossier) BaseAppointment(clk Clock) time.Time {
	if d.ReceivedAt.IsZero() {
		return time.Time{}
	}
	return clk.Due(d.ReceivedAt, d.StatutoryTime)
}

// CheckAppointment verifies the appointment invariant: never before the statutory
// appointment, and later than it by exactly the paused working time plus the apology's
// extension.
func (d *Dossier) CheckAppointment(clk Clock) error {
	if d.ReceivedAt.IsZero() {
		return nil
	}
	base := d.BaseAppointment(clk)
	if d.AppointmentAt.Before(base) {
		return invalid("appointment_at", "ngày hẹn trả sớm hơn thời hạn luật định",
			"the appointment is earlier than the statutory deadline")
	}
	want := d.PausedWorking()
	if d.Apology != nil {
		want += d.Apology.Extension
	}
	if got := clk.WorkingBetween(base, d.AppointmentAt); got != want {
		return invalid("appointment_at", "ngày hẹn trả không khớp thời gian tạm dừng và gia hạn",
			"the appointment does not match the paused time and extension: got "+got.String()+", want "+want.String())
	}
	return nil
}
