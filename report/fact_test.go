package report

import (
	"testing"
	"time"

	"github.com/motcua/motcua/calendar"
	"github.com/motcua/motcua/catalog"
	"github.com/motcua/motcua/dossier"
)

func TestFactsOfMarch(t *testing.T) {
	ss := marchStories(t)
	zero := time.Time{}
	cases := []struct {
		name       string
		class      Class
		timing     dossier.Timing
		used       time.Duration
		paused     time.Duration
		lateFrom   time.Time
		unit       string
		paid, eRes bool
	}{
		{"A", Resolved, dossier.Early, hours(25), 0, zero, "QLTM", false, true},
		{"B", Resolved, dossier.OnTime, hours(39.5), 0, zero, "QLTM", false, false},
		{"C", Resolved, dossier.Late, hours(49), 0, at(3, 9, 17, 0), "QLTM", true, true},
		{"D", Resolved, dossier.OnTime, hours(34), hours(16), zero, "QLTM", false, true},
		{"E", Resolved, dossier.OnTime, hours(51), 0, zero, "QLTM", false, false},
		{"F", Resolved, dossier.OnTime, hours(39), 0, zero, "QLTM", false, false},
		{"G", Resolved, dossier.Late, hours(58), 0, at(3, 27, 17, 0), "QLTM", false, false},
		{"H", Withdrawn, dossier.Unrated, 0, 0, zero, "QLTM", false, false},
		{"I", Refused, dossier.Unrated, 0, 0, zero, "QLTM", false, false},
		{"J", Stopped, dossier.Unrated, 0, 0, zero, "QLCN", false, false},
		{"K", WithdrawnUnreceived, dossier.Unrated, 0, 0, zero, "QLTM", false, false},
	}
	for _, c := range cases {
		f := ss[c.name].fact(now)
		if f.Class != c.class || f.Timing != c.timing || f.Used != c.used || f.Paused != c.paused ||
			!f.LateFrom.Equal(c.lateFrom) || f.Unit != c.unit || f.PaidOnline != c.paid || f.ElectronicResult != c.eRes {
			t.Errorf("%s: class %s timing %s used %v paused %v late from %v unit %s paid online %v e-result %v",
				c.name, f.Class, f.Timing, f.Used, f.Paused, f.LateFrom, f.Unit, f.PaidOnline, f.ElectronicResult)
		}
		if c.class == Resolved && f.Statutory != hours(40) {
			t.Errorf("%s: statutory %v, want 40h", c.name, f.Statutory)
		}
		if f.Field != "TM" || !f.OfferedOnline {
			t.Errorf("%s: field %q offered online %v", c.name, f.Field, f.OfferedOnline)
		}
	}
}

// The domain gives E its time score 0 (longer than the statute) but on time: the figures
// follow the timing, as the law lets an apology re-set the appointment once.
func TestApologyIsOnTimeForTheRate(t *testing.T) {
	e := marchStories(t)["E"]
	if ev := dossier.Outcome(e.d, clk, now); ev.Timing != dossier.OnTime || ev.TimeScore != 0 {
		t.Fatalf("domain outcome %s / %d", ev.Timing, ev.TimeScore)
	}
	c := CountersFor(e.fact(now), calendar.D(2026, 3, 13))
	if c.ResolvedOnTime != 1 || c.ResolvedLate != 0 || c.UsedSeconds != 51*3600 {
		t.Fatalf("counters of E on 13/03: %+v", c)
	}
}

// A dossier whose fact is taken while open: late from its appointment (even a future
// one) unless a clock stop that began before the appointment is running.
func TestLateFromOfAnOpenDossier(t *testing.T) {
	s := received(t, catalog.ChannelOnline, at(3, 2, 9, 0))
	s.toSpecialist(at(3, 2, 9, 30))
	f := s.fact(at(3, 3, 9, 0))
	// Appointment Mon 09/03 09:00, in the future: pending now, late from then.
	if f.Class != Open || f.Timing != dossier.Pending || !f.LateFrom.Equal(at(3, 9, 9, 0)) {
		t.Fatalf("open: %s %s late from %v", f.Class, f.Timing, f.LateFrom)
	}
	// Used so far: Mon 7 h + Tue 08:00–09:00 1 h = 8 h.
	if f.Used != hours(8) {
		t.Fatalf("used so far %v, want 8h", f.Used)
	}
	s.do(at(3, 4, 8, 0), dossier.RequestSupplement, specialist, func(c *dossier.Command) { c.Missing = []string{"Bản vẽ"} })
	if f := s.fact(at(3, 10, 9, 0)); !f.LateFrom.IsZero() || f.Timing != dossier.Pending {
		t.Fatalf("paused across the appointment: late from %v timing %s", f.LateFrom, f.Timing)
	}
	// Answered Wed 11/03 08:00 after 5 days paused (Wed 04 – Tue 10, 40 h): the appointment
	// moves from Mon 09/03 09:00 by 40 h to Mon 16/03 09:00.
	s.do(at(3, 11, 8, 0), dossier.SupplementAction, owner)
	if f := s.fact(at(3, 11, 9, 0)); !f.LateFrom.Equal(at(3, 16, 9, 0)) {
		t.Fatalf("after the supplement: late from %v", f.LateFrom)
	}
	// Still open on Tue 17/03: late since Mon 16/03 09:00, and so at the end of any day
	// from the 16th on but not before.
	f = s.fact(at(3, 17, 9, 0))
	if f.Timing != dossier.Late || !f.LateOpenAt(at(3, 17, 0, 0)) || f.LateOpenAt(at(3, 16, 0, 0)) {
		t.Fatalf("late open: timing %s late from %v", f.Timing, f.LateFrom)
	}
}
