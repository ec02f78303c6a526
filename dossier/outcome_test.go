package dossier

import (
	"testing"
	"time"
)

// finish takes a received dossier through every step within minutes of start and issues
// the result at issueAt.
func finish(h *history, start, issueAt time.Time) {
	h.t.Helper()
	h.do(start, cmd(Forward, officer))
	h.do(start.Add(time.Minute), cmd(Forward, specialist))
	h.do(start.Add(2*time.Minute), cmd(Forward, head))
	h.do(start.Add(3*time.Minute), cmd(Approve, leader))
	h.do(start.Add(4*time.Minute), cmd(Forward, leader))
	issue := cmd(IssueResult, clerk)
	issue.ResultNumber = "7/GP-SCT"
	h.do(issueAt, issue)
}

func TestTimingAgainstAppointment(t *testing.T) {
	// received Monday 23/11 10:00, appointment Monday 07/12 10:00
	cases := []struct {
		name  string
		issue time.Time
		want  Timing
		score int
	}{
		{"the working day before", at(2026, 12, 4, 16, 59), Early, 2},
		{"on the day, before the hour", at(2026, 12, 7, 8, 30), OnTime, 1},
		{"at the appointment instant", at(2026, 12, 7, 10, 0), OnTime, 1},
		{"a minute late", at(2026, 12, 7, 10, 1), Late, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h := received(t)
			finish(h, at(2026, 11, 23, 11, 0), c.issue)
			e := Outcome(h.d, testClock{}, c.issue.Add(time.Hour))
			if e.Timing != c.want || e.TimeScore != c.score {
				t.Fatalf("timing %v score %d, want %v %d", e.Timing, e.TimeScore, c.want, c.score)
			}
		})
	}
}

func TestTimingOfOpenDossier(t *testing.T) {
	h := received(t)
	if e := Outcome(h.d, testClock{}, at(2026, 12, 7, 10, 0)); e.Timing != Pending || e.TimeScore != -1 {
		t.Fatalf("open on the hour: %+v", e)
	}
	if e := Outcome(h.d, testClock{}, at(2026, 12, 7, 10, 1)); e.Timing != Late {
		t.Fatalf("open past the appointment: %v", e.Timing)
	}
}

func TestApologyMakesOnTimeButNotTheTimeScore(t *testing.T) {
	h := received(t)
	a := cmd(Apologize, officer)
	a.Reason, a.NewAppointment = "Chờ ý kiến của Sở Xây dựng", at(2026, 12, 9, 17, 0)
	h.do(at(2026, 12, 1, 9, 0), a)
	finish(h, at(2026, 12, 1, 10, 0), at(2026, 12, 9, 15, 0))
	e := Outcome(h.d, testClock{}, at(2026, 12, 10, 0, 0))
	if e.Timing != OnTime || e.TimeScore != 0 {
		t.Fatalf("timing %v, time score %d; want on_time and 0 (longer than the statute)", e.Timing, e.TimeScore)
	}
}

func TestContactAndUnitScores(t *testing.T) {
	h := received(t)
	h.do(at(2026, 11, 23, 11, 0), cmd(Forward, officer))
	for i, fault := range []bool{false, true, false} {
		r := cmd(RequestSupplement, specialist)
		r.Missing, r.ApplicantFault = []string{"Giấy tờ thứ " + string(rune('1'+i))}, fault
		h.do(at(2026, 11, 24+i, 9, 0), r)
		h.do(at(2026, 11, 24+i, 10, 0), cmd(SupplementAction, owner))
	}
	// The appraisal takes from Monday 11:00 to the next Tuesday 16:00 less 3 h of pauses:
	// 5 + 32 + 8 + 7 − 3 = 49 h against 40 h.
	h.do(at(2026, 12, 1, 16, 0), cmd(Forward, specialist))
	h.do(at(2026, 12, 2, 8, 0), cmd(Forward, head)) // 1 h + 0 h = 1 h of 8 h
	h.do(at(2026, 12, 2, 9, 0), cmd(Approve, leader))
	h.do(at(2026, 12, 3, 8, 0), cmd(Forward, leader)) // exactly 8 h
	issue := cmd(IssueResult, clerk)
	issue.ResultNumber = "8/GP-SCT"
	h.do(at(2026, 12, 3, 10, 0), issue)
	e := Outcome(h.d, testClock{}, at(2026, 12, 4, 0, 0))
	if e.Contacts != 2 || e.ContactScore != 0 {
		t.Fatalf("contacts %d score %d, want 2 and 0 (the applicant's fault is not counted)", e.Contacts, e.ContactScore)
	}
	want := map[string]struct {
		used  time.Duration
		score int
	}{"MC": {1 * time.Hour, 2}, "QLTM": {50 * time.Hour, 0}, "BGD": {8 * time.Hour, 1}, "VP": {2 * time.Hour, 2}}
	for _, u := range e.Units {
		if w := want[u.UnitCode]; u.Used != w.used || u.Score != w.score {
			t.Errorf("%s: used %v score %d, want %v %d", u.UnitCode, u.Used, u.Score, w.used, w.score)
		}
	}
	if e.UnitScore != 0 {
		t.Fatalf("unit score %d, want the weakest, 0", e.UnitScore)
	}
}

func TestNoContactsScoresTwo(t *testing.T) {
	h := received(t)
	finish(h, at(2026, 11, 23, 11, 0), at(2026, 11, 24, 9, 0))
	if e := Outcome(h.d, testClock{}, at(2026, 11, 25, 0, 0)); e.ContactScore != 2 || e.Contacts != 0 {
		t.Fatalf("contact score %d", e.ContactScore)
	}
}

func TestTrack(t *testing.T) {
	h := received(t) // appointment Monday 07/12 10:00
	cases := []struct {
		now   time.Time
		label string
		left  int
	}{
		{at(2026, 12, 3, 10, 0), "còn 2 ngày", 2},
		{at(2026, 12, 4, 11, 0), "còn dưới 1 ngày", 0},
		{at(2026, 12, 7, 15, 0), "quá hạn dưới 1 ngày", 0},
		{at(2026, 12, 9, 11, 0), "quá hạn 2 ngày", 0},
	}
	for _, c := range cases {
		p := Track(h.d, testClock{}, c.now)
		if p.Label() != c.label || p.DaysLeft != c.left || p.LabelEN() == "" {
			t.Errorf("%v: %q (%d days left), want %q", c.now, p.Label(), p.DaysLeft, c.label)
		}
	}
	if p := Track(h.d, testClock{}, at(2026, 12, 4, 11, 0)); !p.DueSoon || p.Remaining != 7*time.Hour {
		t.Errorf("due soon %v remaining %v", p.DueSoon, p.Remaining)
	}
	h.do(at(2026, 11, 23, 11, 0), cmd(Forward, officer))
	r := cmd(RequestSupplement, specialist)
	r.Missing = []string{"Bản vẽ mặt bằng"}
	h.do(at(2026, 12, 4, 9, 0), r)
	// Paused since Friday 09:00; on Monday 12:00 the forecast has moved by 8 + 4 = 12 h.
	p := Track(h.d, testClock{}, at(2026, 12, 7, 12, 0))
	if !p.Paused || p.Overdue || !p.Appointment.Equal(at(2026, 12, 8, 14, 0)) || p.Label() != "tạm dừng, chờ bổ sung" {
		t.Fatalf("paused progress %+v", p)
	}
}
