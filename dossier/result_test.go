package dossier

import (
	"testing"

	"github.com/motcua/motcua"
	"github.com/motcua/motcua/calendar"
)

// TestCorrectResultKeepsEveryVersion corrects an issued result twice, once before and once
// after the hand-back: the status stays, every earlier version is kept with its reason,
// the dates and validity default to the current ones, and the timing does not move.
func TestCorrectResultKeepsEveryVersion(t *testing.T) {
	h := received(t)
	d := h.d
	issueAt := at(2026, 12, 1, 9, 0)
	h.do(at(2026, 11, 23, 11, 0), cmd(Forward, officer))
	h.do(at(2026, 11, 23, 11, 1), cmd(Forward, specialist))
	h.do(at(2026, 11, 23, 11, 2), cmd(Forward, head))
	h.do(at(2026, 11, 23, 11, 3), cmd(Approve, leader))
	h.do(at(2026, 11, 23, 11, 4), cmd(Forward, leader))
	issue := cmd(IssueResult, clerk)
	until := calendar.D(2031, 12, 1)
	issue.ResultNumber, issue.ResultValidUntil, issue.ResultValidity = "7/GP-SCT", &until, "05 năm"
	h.do(issueAt, issue)
	before := Outcome(d, testClock{}, at(2026, 12, 20, 0, 0))

	// Who may correct, and what a correction needs.
	fix := cmd(CorrectResult, clerk)
	fix.ResultNumber = "7/GP-SCT"
	wantField(t, h.fails(at(2026, 12, 1, 10, 0), fix), "reason")
	fix.Reason = "Sai tên chủ hộ kinh doanh"
	wrong := fix
	wrong.Actor = officer
	wantKind(t, h.fails(at(2026, 12, 1, 10, 0), wrong), motcua.ErrForbidden)
	blank := fix
	blank.ResultNumber = " "
	wantField(t, h.fails(at(2026, 12, 1, 10, 0), blank), "result_number")
	future := fix
	future.ResultDate = calendar.D(2026, 12, 2)
	wantField(t, h.fails(at(2026, 12, 1, 10, 0), future), "result_date")

	fix.Attachments = []string{sha}
	ev := h.do(at(2026, 12, 1, 10, 0), fix)
	if ev.From != Releasing || ev.To != Releasing || d.Status != Releasing {
		t.Fatalf("correction moved the status: %v → %v, now %v", ev.From, ev.To, d.Status)
	}
	r := d.Result
	if r.Number != "7/GP-SCT" || r.Date != calendar.D(2026, 12, 1) || r.ValidUntil == nil || *r.ValidUntil != until ||
		r.Validity != "05 năm" || !r.IssuedAt.Equal(issueAt) {
		t.Fatalf("corrected on the same number, defaults not kept: %+v", r)
	}
	if len(r.Corrections) != 1 || r.Corrections[0].Reason != fix.Reason || r.Corrections[0].By != clerk.AccountID {
		t.Fatalf("corrections %+v", r.Corrections)
	}
	if ev.Data["reason"] != fix.Reason || ev.Data["previous_result_number"] != "7/GP-SCT" {
		t.Fatalf("event data %v", ev.Data)
	}

	h.do(at(2026, 12, 2, 9, 0), cmd(ReturnResult, officer))
	again := cmd(CorrectResult, leader)
	again.Reason, again.ResultNumber = "Sai địa chỉ trụ sở", "7/GP-SCT-ĐC"
	again.ResultDate = calendar.D(2026, 12, 3)
	h.do(at(2026, 12, 3, 9, 0), again)
	r = d.Result
	if d.Status != Done || r.Number != "7/GP-SCT-ĐC" || r.Date != calendar.D(2026, 12, 3) || len(r.Corrections) != 2 ||
		r.Corrections[1].Number != "7/GP-SCT" || r.Corrections[1].Reason != "Sai địa chỉ trụ sở" ||
		!r.Corrections[1].CorrectedAt.Equal(at(2026, 12, 3, 9, 0)) {
		t.Fatalf("second correction: %v %+v", d.Status, r)
	}
	if r.Channel == 0 {
		t.Fatalf("the hand-back channel was lost: %+v", r)
	}
	after := Outcome(d, testClock{}, at(2026, 12, 20, 0, 0))
	if after.Timing != before.Timing || after.Used != before.Used || !d.FinishedAt.Equal(issueAt) {
		t.Fatalf("a correction moved the timing: %+v → %+v", before, after)
	}

	// A correction is not offered before the result exists.
	early := received(t)
	wantMove(t, early.fails(at(2026, 11, 23, 11, 0), fix))
}
