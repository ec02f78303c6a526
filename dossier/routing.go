package dossier

import "strconv"

// doForward closes the open step and opens the next one at the unit the plan names, or
// the unit the sender chose (routing goes to the competent unit, which need not be the
// planned one). The first forward takes a received dossier into processing.
func doForward(d *Dossier, m *move) error {
	unit := m.cmd.ToUnit
	if unit == "" && len(d.Steps) < len(d.Plan) {
		unit = d.Plan[len(d.Steps)].UnitCode
	}
	if unit == "" {
		return invalid("to_unit", "cần chọn đơn vị nhận hồ sơ", "choose the unit to forward to")
	}
	from := len(d.Steps)
	d.currentStep().FinishedAt = m.now
	d.startStep(m, unit, m.cmd.AssigneeID, m.cmd.AssigneeName)
	m.data["from_step"] = strconv.Itoa(from)
	return nil
}

func doApprove(d *Dossier, m *move) error {
	d.Approval = &Approval{At: m.now, By: m.cmd.Actor.AccountID, Name: m.cmd.Actor.Name}
	m.step = len(d.Steps)
	return nil
}
