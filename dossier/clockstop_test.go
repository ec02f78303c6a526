package dossier

import (
	"testing"
	"time"
)

func TestPauseAcrossWeekendMovesAppointmentByPausedTime(t *testing.T) {
	h := received(t)
	h.do(at(2026, 11, 23, 11, 0), cmd(Forward, officer))
	before := h.d.AppointmentAt
	r := cmd(RequestSupplement, specialist)
	r.Missing = []string{"Hợp đồng mua bán với thương nhân phân phối"}
	h.do(at(2026, 11, 27, 15, 0), r) // Friday 15:00
	if p := Track(h.d, testClock{}, at(2026, 11, 28, 12, 0)); !p.Appointment.Equal(shift(testClock{}, before, 2*time.Hour)) {
		t.Fatalf("forecast on Saturday %v", p.Appointment)
	}
	h.do(at(2026, 11, 30, 10, 0), cmd(SupplementAction, owner)) // Monday 10:00
	// Friday 15–17 and Monday 08–10: 4 working hours, nothing for the weekend.
	if got := h.d.Pauses[0].Working; got != 4*time.Hour {
		t.Fatalf("paused %v, want 4h", got)
	}
	if got := (testClock{}).WorkingBetween(before, h.d.AppointmentAt); got != 4*time.Hour {
		t.Fatalf("appointment moved by %v, want 4h", got)
	}
	if want := at(2026, 12, 7, 15, 0); !h.d.AppointmentAt.Equal(want) {
		t.Fatalf("appointment %v, want %v", h.d.AppointmentAt, want)
	}
	if !h.d.Appointments[0].At.Equal(before) || h.d.Appointments[0].Cause != SupplementAction {
		t.Fatalf("previous appointment %+v", h.d.Appointments)
	}
}

func TestPauseOutsideOfficeHoursMovesNothing(t *testing.T) {
	h := received(t)
	h.do(at(2026, 11, 23, 11, 0), cmd(Forward, officer))
	before := h.d.AppointmentAt
	r := cmd(RequestSupplement, specialist)
	r.Missing = []string{"Bản sao CCCD"}
	h.do(at(2026, 11, 27, 17, 30), r)                           // Friday after closing
	h.do(at(2026, 11, 29, 20, 0), cmd(SupplementAction, owner)) // Sunday evening
	if h.d.Pauses[0].Working != 0 || !h.d.AppointmentAt.Equal(before) || len(h.d.Appointments) != 0 {
		t.Fatalf("a pause with no working time moved the appointment: %+v", h.d.Pauses)
	}
}
