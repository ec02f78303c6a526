package dossier

import (
	"time"

	"github.com/motcua/motcua/calendar"
)

// doApologize re-sets the appointment once, with a reason (Form 04). The law wants the
// apology at the latest one working day before the appointment, so it is accepted only
// while a full working day still fits before the current appointment.
func doApologize(d *Dossier, m *move) error {
	c := m.cmd
	if err := requireText("reason", c.Reason, "cần nêu rõ lý do chậm trễ", "a reason for the delay is required"); err != nil {
		return err
	}
	if c.NewAppointment.IsZero() {
		return invalid("new_appointment", "cần ngày hẹn trả mới", "a new appointment is required")
	}
	if m.clk.Due(m.now, calendar.Days(1)).After(d.AppointmentAt) {
		return conflict("đã quá thời hạn gửi thư xin lỗi (chậm nhất một ngày làm việc trước ngày hẹn trả)",
			"too late to apologise (at the latest one working day before the appointment)")
	}
	next := c.NewAppointment.Truncate(time.Second)
	ext := m.clk.WorkingBetween(d.AppointmentAt, next)
	if !next.After(d.AppointmentAt) || ext <= 0 {
		return invalid("new_appointment", "ngày hẹn mới phải sau ngày hẹn hiện tại (trong giờ làm việc)",
			"the new appointment must be later than the current one, in working time")
	}
	old := d.AppointmentAt
	d.Apology = &Apology{At: m.now, By: c.Actor.AccountID, Reason: c.Reason, Previous: old, New: next, Extension: ext}
	d.Appointments = append(d.Appointments, Appointment{At: old, ReplacedAt: m.now, Cause: Apologize})
	d.AppointmentAt = next
	m.data["reason"] = c.Reason
	m.data["previous_appointment"] = stamp(old)
	m.data["appointment"] = stamp(next)
	m.data["extension"] = ext.String()
	return nil
}
