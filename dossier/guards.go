package dossier

import "github.com/motcua/motcua/org"

func isOwner(d *Dossier, a Actor) error {
	if d.OwnerAccountID == 0 || a.AccountID != d.OwnerAccountID {
		return forbidden("chỉ chủ hồ sơ được thực hiện thao tác này",
			"only the owner of the dossier may do this")
	}
	return nil
}

// ownerOrStaff lets an officer act on the applicant's behalf at the counter.
func ownerOrStaff(d *Dossier, a Actor) error {
	if a.Role.IsStaff() {
		return nil
	}
	return isOwner(d, a)
}

// holdsStep allows the unit (and assignee, if any) of the open step. A head or leader
// may act for an assignee of their own unit, and a head may act in a specialist's step.
func holdsStep(d *Dossier, a Actor) error {
	s := d.currentStep()
	if s == nil {
		return forbidden("hồ sơ không có bước xử lý đang mở", "the dossier has no open step")
	}
	senior := a.Role == org.RoleHead || a.Role == org.RoleLeader
	if s.UnitCode != "" && a.UnitCode != s.UnitCode {
		return forbidden("bước \""+s.Name+"\" do đơn vị "+s.UnitCode+" xử lý",
			"step \""+s.Name+"\" belongs to unit "+s.UnitCode)
	}
	if s.AssigneeID != 0 && s.AssigneeID != a.AccountID && !senior {
		return forbidden("bước \""+s.Name+"\" đã giao cho "+s.AssigneeName,
			"step \""+s.Name+"\" is assigned to "+s.AssigneeName)
	}
	if s.Role != "" && s.Role != a.Role && !(a.Role == org.RoleHead && s.Role == org.RoleSpecialist) {
		return forbidden("bước \""+s.Name+"\" do "+s.Role.Label()+" xử lý",
			"step \""+s.Name+"\" is for role "+string(s.Role))
	}
	return nil
}

func conflict(vi, en string) error { return &MoveError{VI: vi, EN: en} }

func canSubmit(d *Dossier) error {
	if d.Status == Receiving && !d.AwaitingCompletion {
		return conflict("hồ sơ đã nộp, đang chờ tiếp nhận", "already submitted, awaiting receipt")
	}
	return nil
}

func notAwaiting(d *Dossier) error {
	if d.AwaitingCompletion {
		return conflict("đang chờ người nộp hoàn thiện hồ sơ theo hướng dẫn",
			"waiting for the applicant to complete the dossier as guided")
	}
	return nil
}

func canGuide(d *Dossier) error {
	if d.Guidance != nil {
		return conflict("mỗi hồ sơ chỉ được hướng dẫn hoàn thiện một lần",
			"a dossier may be sent back for completion only once")
	}
	return nil
}

func canForward(d *Dossier) error {
	s := d.currentStep()
	if s == nil {
		return conflict("hồ sơ không có bước xử lý đang mở", "the dossier has no open step")
	}
	if len(d.Plan) > 0 && len(d.Steps) >= len(d.Plan) {
		return conflict("đã ở bước cuối của quy trình", "already at the last step of the process")
	}
	if s.Role == org.RoleLeader && d.Approval == nil {
		return conflict("lãnh đạo cần phê duyệt trước khi chuyển tiếp", "the leader must approve before forwarding")
	}
	return nil
}

func canRequestPayment(d *Dossier) error {
	if d.Payment != nil {
		return conflict("nghĩa vụ tài chính đã được yêu cầu", "payment has already been requested")
	}
	if d.FeeTotal() <= 0 {
		return conflict("thủ tục không thu phí, lệ phí", "the procedure charges no fee")
	}
	return nil
}

// canApprove requires the open step to be the leader's when the process has one.
func canApprove(d *Dossier) error {
	if d.Approval != nil {
		return conflict("hồ sơ đã được phê duyệt", "already approved")
	}
	if !d.planHasRole(org.RoleLeader) {
		return nil
	}
	if s := d.currentStep(); s == nil || s.Role != org.RoleLeader {
		return conflict("hồ sơ chưa đến bước phê duyệt", "the dossier has not reached the approval step")
	}
	return nil
}

func isApproved(d *Dossier) error {
	if d.Approval == nil {
		return conflict("kết quả chưa được lãnh đạo phê duyệt", "the result has not been approved")
	}
	return nil
}

func canApologize(d *Dossier) error {
	if d.Apology != nil {
		return conflict("mỗi hồ sơ chỉ được hẹn lại một lần", "the appointment may be re-set only once")
	}
	return nil
}

func notRated(d *Dossier) error {
	if d.Rating != nil {
		return conflict("hồ sơ đã được đánh giá", "the dossier has already been rated")
	}
	return nil
}

func (d *Dossier) planHasRole(r org.Role) bool {
	for _, s := range d.Plan {
		if org.Role(s.Role) == r {
			return true
		}
	}
	return false
}
