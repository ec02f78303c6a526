package dossier

import (
	"testing"
	"time"

	"github.com/motcua/motcua"
	"github.com/motcua/motcua/calendar"
	"github.com/motcua/motcua/catalog"
)

// received files an online dossier on Monday 23/11/2026 and receives it at 10:00; the
// appointment is ten working days later, Monday 07/12 10:00.
func received(t *testing.T) *history {
	t.Helper()
	h := &history{t: t, d: newDraft(t, catalog.ChannelOnline, owner.AccountID, at(2026, 11, 23, 8, 30))}
	c := cmd(Submit, owner)
	c.Code = FormatCode(deskID, calendar.D(2026, 11, 23), 7)
	h.do(at(2026, 11, 23, 9, 0), c)
	h.do(at(2026, 11, 23, 10, 0), cmd(Receive, officer))
	return h
}

func TestOnlineFilingToRating(t *testing.T) {
	h := received(t)
	d := h.d
	if d.Status != New || d.Code != "000.00.12.H26-261123-0007" {
		t.Fatalf("after receipt: status %v code %q", d.Status, d.Code)
	}
	if want := at(2026, 12, 7, 10, 0); !d.AppointmentAt.Equal(want) {
		t.Fatalf("appointment %v, want %v", d.AppointmentAt, want)
	}
	if s := d.Steps[0]; s.UnitCode != "MC" || !s.DueAt.Equal(at(2026, 11, 23, 15, 0)) || s.AssigneeID != 0 {
		t.Fatalf("first step %+v", s)
	}

	fwd := cmd(Forward, officer)
	fwd.AssigneeID, fwd.AssigneeName = specialist.AccountID, specialist.Name
	ev := h.do(at(2026, 11, 23, 14, 0), fwd)
	if ev.From != New || ev.To != Processing || ev.Step != 2 || d.Steps[1].UnitCode != "QLTM" {
		t.Fatalf("first forward: %+v, steps %+v", ev, d.Steps)
	}
	if want := at(2026, 11, 30, 14, 0); !d.Steps[1].DueAt.Equal(want) {
		t.Fatalf("appraisal due %v, want %v", d.Steps[1].DueAt, want)
	}

	req := cmd(RequestSupplement, specialist)
	req.Missing = []string{"Bản sao Giấy chứng nhận đăng ký hộ kinh doanh"}
	h.do(at(2026, 11, 25, 10, 0), req)
	if d.Status != Waiting || d.openPause() == nil || !d.Supplements[0].Timely {
		t.Fatalf("supplement request not recorded: %+v", d.Supplements)
	}
	if want := at(2026, 12, 16, 10, 0); !d.Supplements[0].ReplyBy.Equal(want) {
		t.Fatalf("reply by %v, want %v", d.Supplements[0].ReplyBy, want)
	}

	sup := cmd(SupplementAction, owner)
	sup.Attachments = []string{sha}
	h.do(at(2026, 11, 30, 9, 0), sup)
	// Paused Wed 10:00 → Mon 09:00: 6 + 8 + 8 + 1 = 23 working hours.
	if p := d.Pauses[0].Working; p != 23*time.Hour {
		t.Fatalf("paused %v, want 23h", p)
	}
	if want := at(2026, 12, 10, 9, 0); !d.AppointmentAt.Equal(want) {
		t.Fatalf("appointment after supplement %v, want %v", d.AppointmentAt, want)
	}
	if len(d.Appointments) != 1 || !d.Appointments[0].At.Equal(at(2026, 12, 7, 10, 0)) {
		t.Fatalf("previous appointment not kept: %+v", d.Appointments)
	}
	// Monday 30/11 14:00 + 23 h ends at Thursday's noon closing.
	if want := at(2026, 12, 3, 12, 0); !d.Steps[1].DueAt.Equal(want) {
		t.Fatalf("step due after pause %v, want %v", d.Steps[1].DueAt, want)
	}

	h.do(at(2026, 11, 30, 10, 0), cmd(RequestPayment, specialist))
	if d.Status != Paying || d.Payment.Amount != 300000 {
		t.Fatalf("payment request: %v %+v", d.Status, d.Payment)
	}
	pay := cmd(Pay, owner)
	pay.Amount = 200000
	wantField(t, h.fails(at(2026, 11, 30, 11, 0), pay), "amount")
	pay.Amount, pay.Method, pay.Reference = 300000, "chuyển khoản", "FT2611300001"
	h.do(at(2026, 11, 30, 11, 0), pay)

	h.do(at(2026, 12, 1, 9, 0), cmd(Forward, specialist))
	h.do(at(2026, 12, 1, 15, 0), cmd(Forward, head))
	wantMove(t, h.fails(at(2026, 12, 2, 8, 30), cmd(Forward, leader)), Approve, Stop, Apologize)
	wantMove(t, h.fails(at(2026, 12, 2, 8, 30), cmd(IssueResult, clerk)))
	h.do(at(2026, 12, 2, 9, 0), cmd(Approve, leader))
	h.do(at(2026, 12, 2, 10, 0), cmd(Forward, leader))

	issue := cmd(IssueResult, clerk)
	wantField(t, h.fails(at(2026, 12, 2, 14, 0), issue), "result_number")
	until := calendar.D(2031, 12, 2)
	issue.ResultNumber, issue.ResultValidUntil, issue.ResultValidity = "123/GP-SCT", &until, "05 năm"
	h.do(at(2026, 12, 2, 14, 0), issue)
	if d.Status != Releasing || d.Result.Date != calendar.D(2026, 12, 2) || !d.FinishedAt.Equal(at(2026, 12, 2, 14, 0)) {
		t.Fatalf("issue: %v %+v", d.Status, d.Result)
	}
	if last := d.Steps[len(d.Steps)-1]; last.Name != "Trả kết quả" || !last.Open() {
		t.Fatalf("hand-back step not opened: %+v", last)
	}

	h.do(at(2026, 12, 3, 9, 0), cmd(ReturnResult, officer))
	if d.Status != Done || d.Result.Channel != catalog.ChannelOnline || d.currentStep() != nil {
		t.Fatalf("return: %v %+v", d.Status, d.Result)
	}

	rate := cmd(Rate, owner)
	rate.Rating = &Rating{Score: 6}
	wantField(t, h.fails(at(2026, 12, 3, 10, 0), rate), "rating.score")
	rate.Rating = &Rating{Score: 5, Criteria: map[Criterion]int{CriterionAttitude: 5, CriterionTime: 4}, Comment: " Nhanh, chu đáo "}
	h.do(at(2026, 12, 3, 10, 0), rate)
	if d.Rating.Comment != "Nhanh, chu đáo" {
		t.Fatalf("rating %+v", d.Rating)
	}
	wantMove(t, h.fails(at(2026, 12, 3, 11, 0), rate))

	e := Outcome(d, testClock{}, at(2026, 12, 20, 0, 0))
	if e.Timing != Early || e.TimeScore != 2 || e.UnitScore != 2 || e.Contacts != 1 || e.ContactScore != 1 {
		t.Fatalf("evaluation %+v", e)
	}
	if e.Paused != 23*time.Hour || e.Used != 36*time.Hour || e.Statutory != 80*time.Hour || e.Saved != 44*time.Hour {
		t.Fatalf("times: paused %v used %v statutory %v saved %v", e.Paused, e.Used, e.Statutory, e.Saved)
	}
	wantUnits := map[string]time.Duration{"MC": 3 * time.Hour, "QLTM": 26 * time.Hour, "BGD": 4 * time.Hour, "VP": 3 * time.Hour}
	for _, u := range e.Units {
		if u.Used != wantUnits[u.UnitCode] || u.Score != 2 {
			t.Errorf("unit %s: used %v score %d, want %v", u.UnitCode, u.Used, u.Score, wantUnits[u.UnitCode])
		}
	}
	if len(h.events) != 14 {
		t.Fatalf("%d events", len(h.events))
	}
}

func TestCounterFilingByOfficer(t *testing.T) {
	d := newDraft(t, catalog.ChannelCounter, 0, at(2026, 11, 27, 15, 0))
	h := &history{t: t, d: d}
	wantField(t, h.fails(at(2026, 11, 27, 15, 10), cmd(Receive, officer)), "code")
	c := cmd(Receive, officer)
	c.Code = FormatCode(deskID, calendar.D(2026, 11, 27), 1)
	ev := h.do(at(2026, 11, 27, 15, 10), c)
	if ev.From != Draft || ev.To != New || !d.SubmittedAt.Equal(d.ReceivedAt) || d.ReceivingUnit != "MC" {
		t.Fatalf("counter receipt: %+v", ev)
	}
	// Friday 15:10 + 80 working hours = Friday two weeks later, 15:10.
	if want := at(2026, 12, 11, 15, 10); !d.AppointmentAt.Equal(want) {
		t.Fatalf("appointment %v, want %v", d.AppointmentAt, want)
	}
	h.do(at(2026, 11, 30, 8, 0), cmd(Forward, officer))
	req := cmd(RequestSupplement, head) // a head may act in a specialist's step
	req.Missing = []string{"Bản chụp CCCD"}
	req.ApplicantFault = true
	h.do(at(2026, 11, 30, 9, 0), req)
	// A walk-in has no account: the officer supplements on the applicant's behalf.
	wantKind(t, h.fails(at(2026, 11, 30, 10, 0), cmd(SupplementAction, stranger)), motcua.ErrForbidden)
	h.do(at(2026, 11, 30, 10, 0), cmd(SupplementAction, officer))
	if d.Contacts[0].ApplicantFault != true {
		t.Fatalf("fault not recorded")
	}
}

func TestFeeSnapshotTakenOnFilingDay(t *testing.T) {
	d := newDraft(t, catalog.ChannelOnline, owner.AccountID, at(2026, 12, 31, 16, 0))
	if d.FeeTotal() != 300000 {
		t.Fatalf("draft fee %d", d.FeeTotal())
	}
	h := &history{t: t, d: d}
	h.do(at(2027, 1, 4, 8, 5), cmd(Submit, owner))
	if d.FeeTotal() != 600000 {
		t.Fatalf("fee after submitting in 2027: %d, want 600000", d.FeeTotal())
	}
}

func TestGuideOnlyOnce(t *testing.T) {
	h := &history{t: t, d: newDraft(t, catalog.ChannelOnline, owner.AccountID, at(2026, 11, 23, 8, 0))}
	h.do(at(2026, 11, 23, 8, 10), cmd(Submit, owner))
	wantMove(t, h.fails(at(2026, 11, 23, 8, 20), cmd(Submit, owner)))

	g := cmd(Guide, officer)
	wantField(t, h.fails(at(2026, 11, 23, 9, 0), g), "missing")
	g.Missing = []string{"Bản sao hợp đồng thuê địa điểm", "  "}
	wantField(t, h.fails(at(2026, 11, 23, 9, 0), g), "missing")
	g.Missing = []string{"Bản sao hợp đồng thuê địa điểm", "Sơ đồ địa điểm kinh doanh"}
	h.do(at(2026, 11, 23, 9, 0), g)
	if h.d.Status != Receiving || !h.d.AwaitingCompletion || len(h.d.Guidance.Missing) != 2 {
		t.Fatalf("guidance: %v %+v", h.d.Status, h.d.Guidance)
	}
	// While waiting for the applicant the officer can only refuse.
	wantMove(t, h.fails(at(2026, 11, 23, 9, 30), cmd(Receive, officer)), Refuse)

	h.do(at(2026, 11, 24, 8, 0), cmd(Submit, owner))
	if h.d.AwaitingCompletion || h.d.Guidance.ResubmittedAt.IsZero() {
		t.Fatalf("resubmission not recorded")
	}
	me := wantMove(t, h.fails(at(2026, 11, 24, 9, 0), g), Receive, Refuse)
	if me.VI == "" || me.EN == "" {
		t.Fatalf("second guidance refused without a reason: %v", me)
	}
	c := cmd(Receive, officer)
	c.Code = FormatCode(deskID, calendar.D(2026, 11, 24), 3)
	h.do(at(2026, 11, 24, 9, 0), c)
}

func TestRefuse(t *testing.T) {
	h := &history{t: t, d: newDraft(t, catalog.ChannelOnline, owner.AccountID, at(2026, 11, 23, 8, 0))}
	h.do(at(2026, 11, 23, 8, 10), cmd(Submit, owner))
	wantKind(t, h.fails(at(2026, 11, 23, 9, 0), cmd(Refuse, specialist)), motcua.ErrForbidden)
	wantField(t, h.fails(at(2026, 11, 23, 9, 0), cmd(Refuse, officer)), "reason")
	r := cmd(Refuse, officer)
	r.Reason = "Thủ tục không thuộc thẩm quyền của Sở Công Thương"
	h.do(at(2026, 11, 23, 9, 0), r)
	if h.d.Status != Denied || h.d.Closure.Reason != r.Reason || h.d.FinishedAt.IsZero() {
		t.Fatalf("refusal: %v %+v", h.d.Status, h.d.Closure)
	}
	if me := wantMove(t, h.fails(at(2026, 11, 23, 10, 0), cmd(Receive, officer))); len(me.Allowed) != 0 {
		t.Fatalf("a refused dossier allows %v", me.Allowed)
	}
	if e := Outcome(h.d, testClock{}, at(2026, 12, 30, 0, 0)); e.Timing != Unrated {
		t.Fatalf("refused dossier timed %v", e.Timing)
	}
}

func TestWithdrawWhileWaiting(t *testing.T) {
	h := received(t)
	h.do(at(2026, 11, 23, 14, 0), cmd(Forward, officer))
	req := cmd(RequestSupplement, specialist)
	req.Missing = []string{"Giấy xác nhận PCCC"}
	h.do(at(2026, 11, 24, 8, 0), req)
	wantKind(t, h.fails(at(2026, 11, 25, 8, 0), cmd(Withdraw, stranger)), motcua.ErrForbidden)
	wantKind(t, h.fails(at(2026, 11, 25, 8, 0), cmd(Withdraw, officer)), motcua.ErrForbidden)
	h.do(at(2026, 11, 25, 8, 0), cmd(Withdraw, owner))
	if h.d.Status != Cancelled || h.d.openPause() != nil || h.d.Pauses[0].Working != 8*time.Hour {
		t.Fatalf("withdraw: %v %+v", h.d.Status, h.d.Pauses)
	}
}

func TestStop(t *testing.T) {
	h := received(t)
	h.do(at(2026, 11, 23, 14, 0), cmd(Forward, officer))
	wantKind(t, h.fails(at(2026, 11, 24, 8, 0), cmd(Stop, specialist)), motcua.ErrForbidden)
	wantField(t, h.fails(at(2026, 11, 24, 8, 0), cmd(Stop, head)), "reason")
	s := cmd(Stop, head)
	s.Reason, s.Notice = "Cơ sở không đáp ứng điều kiện về địa điểm", "45/TB-SCT"
	h.do(at(2026, 11, 24, 8, 0), s)
	if h.d.Status != Unresolved || h.d.Closure.Notice != "45/TB-SCT" || h.d.Steps[1].Open() {
		t.Fatalf("stop: %v %+v", h.d.Status, h.d.Closure)
	}
}

func TestApologyOnceWithAWorkingDayLeft(t *testing.T) {
	h := received(t) // appointment Monday 07/12 10:00
	h.do(at(2026, 11, 23, 14, 0), cmd(Forward, officer))
	a := cmd(Apologize, specialist)
	a.NewAppointment = at(2026, 12, 9, 10, 0)
	wantField(t, h.fails(at(2026, 12, 4, 9, 0), a), "reason")
	a.Reason = "Cần xác minh thực tế địa điểm kinh doanh"
	// Friday 11:00: one working day from now ends Monday 11:00, after the appointment.
	me := wantMove(t, h.fails(at(2026, 12, 4, 11, 0), a))
	if me.EN == "" {
		t.Fatalf("no reason in %v", me)
	}
	late := a
	late.NewAppointment = at(2026, 12, 7, 9, 0)
	wantField(t, h.fails(at(2026, 12, 4, 9, 0), late), "new_appointment")
	same := a
	same.NewAppointment = h.d.AppointmentAt
	wantField(t, h.fails(at(2026, 12, 4, 9, 0), same), "new_appointment")

	h.do(at(2026, 12, 4, 9, 0), a)
	d := h.d
	if !d.AppointmentAt.Equal(a.NewAppointment) || d.Apology.Extension != 16*time.Hour || len(d.Appointments) != 1 {
		t.Fatalf("apology: %+v", d.Apology)
	}
	a.NewAppointment = at(2026, 12, 11, 10, 0)
	wantMove(t, h.fails(at(2026, 12, 4, 10, 0), a))
}

func TestIllegalMovesAndRoles(t *testing.T) {
	h := received(t)
	// A leader cannot approve a dossier still at the desk; it may only apologise.
	wantMove(t, h.fails(at(2026, 11, 23, 11, 0), cmd(Approve, leader)), Apologize)
	// The receipt step belongs to the desk: a specialist cannot forward it.
	wantKind(t, h.fails(at(2026, 11, 23, 11, 0), cmd(Forward, specialist)), motcua.ErrForbidden)
	wantKind(t, h.fails(at(2026, 11, 23, 11, 0), cmd(Pay, owner)), motcua.ErrConflict)
	// The applicant may only withdraw a received dossier.
	if got := AllowedActions(h.d, owner); !equalActions(got, []Action{Withdraw}) {
		t.Fatalf("owner may %v", got)
	}
	if got := AllowedActions(h.d, officer); !equalActions(got, []Action{Forward, Apologize}) {
		t.Fatalf("officer may %v", got)
	}
	wantField(t, h.fails(at(2026, 11, 23, 11, 0), Command{Action: "approve-all", Actor: leader}), "action")
	wantField(t, h.fails(at(2026, 11, 23, 9, 0), cmd(Forward, officer)), "at")
	bad := cmd(Forward, officer)
	bad.Attachments = []string{"not-a-hash"}
	wantField(t, h.fails(at(2026, 11, 23, 11, 0), bad), "attachments")

	h.do(at(2026, 11, 23, 14, 0), cmd(Forward, officer))
	assign := cmd(Forward, head)
	assign.AssigneeID = 9
	h.do(at(2026, 11, 23, 15, 0), assign) // the head moves it on to its own review step
	if h.d.Steps[2].AssigneeID != 9 {
		t.Fatalf("assignee not kept")
	}
	other := head
	other.AccountID, other.UnitCode = 30, "QLCN"
	wantKind(t, h.fails(at(2026, 11, 23, 16, 0), cmd(Forward, other)), motcua.ErrForbidden)
}

func TestRules(t *testing.T) {
	seen := map[Action]bool{}
	for _, r := range Rules() {
		if !r.Action.Valid() || seen[r.Action] || len(r.From) == 0 || len(r.Roles) == 0 {
			t.Errorf("bad rule %+v", r)
		}
		seen[r.Action] = true
		if r.Action.Label() == string(r.Action) {
			t.Errorf("%s has no label", r.Action)
		}
	}
	if len(seen) != len(actionLabels) {
		t.Fatalf("%d rules for %d actions", len(seen), len(actionLabels))
	}
}
