package dossier

import (
	"encoding/json"
	"time"

	"github.com/motcua/motcua/calendar"
	"github.com/motcua/motcua/org"
)

func doSubmit(d *Dossier, m *move) error {
	if d.Status == Receiving { // resubmission after guidance
		d.AwaitingCompletion = false
		d.Guidance.ResubmittedAt = m.now
		m.data["resubmitted"] = "true"
		return nil
	}
	if err := d.takeCode(m.cmd.Code, false); err != nil {
		return err
	}
	d.SubmittedAt = m.now
	d.pinFees(m.now)
	m.data["code"] = d.Code
	return nil
}

// doReceive issues the receipt: code, appointment and the first internal step. It serves
// both online filings (Receiving) and the counter or post, where the officer files a
// draft on the applicant's behalf.
func doReceive(d *Dossier, m *move) error {
	if err := d.takeCode(m.cmd.Code, true); err != nil {
		return err
	}
	if m.cmd.Actor.UnitCode == "" {
		return invalid("actor.unit_code", "cán bộ tiếp nhận phải thuộc một đơn vị", "the receiving officer must belong to a unit")
	}
	d.ReceivingUnit = m.cmd.Actor.UnitCode
	d.ReceivedAt = m.now
	if d.SubmittedAt.IsZero() {
		d.SubmittedAt = m.now
		d.pinFees(m.now)
	}
	d.AppointmentAt = m.clk.Due(m.now, d.StatutoryTime)
	unit := d.ReceivingUnit
	if len(d.Plan) > 0 && d.Plan[0].UnitCode != "" {
		unit = d.Plan[0].UnitCode
	}
	// The receipt step stays with the desk, not the officer: any colleague on the next
	// shift may forward it.
	d.startStep(m, unit, 0, "")
	m.data["code"] = d.Code
	m.data["appointment"] = stamp(d.AppointmentAt)
	m.data["receiving_unit"] = d.ReceivingUnit
	return nil
}

// takeCode sets the code the store issued; a code given twice must not change.
func (d *Dossier) takeCode(code string, required bool) error {
	if code == "" {
		if required && d.Code == "" {
			return invalid("code", "thiếu mã hồ sơ", "the dossier code is required")
		}
		return nil
	}
	if _, err := ParseCode(code); err != nil {
		return err
	}
	if d.Code != "" && d.Code != code {
		return invalid("code", "hồ sơ đã có mã "+d.Code, "the dossier already has code "+d.Code)
	}
	d.Code = code
	return nil
}

func doGuide(d *Dossier, m *move) error {
	missing, err := cleanList("missing", m.cmd.Missing)
	if err != nil {
		return err
	}
	d.Guidance = &Guidance{At: m.now, By: m.cmd.Actor.AccountID, Missing: missing}
	d.AwaitingCompletion = true
	d.Contacts = append(d.Contacts, Contact{At: m.now, Kind: ContactGuide, ApplicantFault: m.cmd.ApplicantFault})
	m.data["missing"] = jsonList(missing)
	m.data["applicant_fault"] = boolText(m.cmd.ApplicantFault)
	return nil
}

func doRefuse(d *Dossier, m *move) error {
	if err := requireText("reason", m.cmd.Reason, "cần nêu rõ lý do từ chối", "a reason for refusal is required"); err != nil {
		return err
	}
	d.close(m, "")
	return nil
}

// close ends the dossier without a result; a running clock stop ends with it.
func (d *Dossier) close(m *move, notice string) {
	d.endPause(m)
	if s := d.currentStep(); s != nil {
		s.FinishedAt = m.now
	}
	d.Closure = &Closure{Action: m.cmd.Action, At: m.now, By: m.cmd.Actor.AccountID, Reason: m.cmd.Reason, Notice: notice}
	d.FinishedAt = m.now
	m.data["reason"] = m.cmd.Reason
	if notice != "" {
		m.data["notice"] = notice
	}
}

// startStep opens the next internal step (plan step len(Steps), or an ad hoc step when the
// procedure has no internal process) with its own deadline from its norm hours.
func (d *Dossier) startStep(m *move, unit string, assignee int64, assigneeName string) {
	s := Step{Name: "Xử lý hồ sơ", UnitCode: unit, AssigneeID: assignee, AssigneeName: assigneeName, StartedAt: m.now}
	if i := len(d.Steps); i < len(d.Plan) {
		p := d.Plan[i]
		s.Name, s.Role, s.NormHours = p.Name, org.Role(p.Role), p.NormHours
	} else if len(d.Steps) == 0 {
		s.Name, s.Role = "Tiếp nhận hồ sơ", org.RoleOfficer
	}
	s.DueAt = d.AppointmentAt
	if s.NormHours > 0 {
		s.DueAt = m.clk.Due(m.now, calendar.Hours(s.NormHours))
	}
	d.Steps = append(d.Steps, s)
	m.step = len(d.Steps)
	m.data["unit"] = unit
	if assignee != 0 {
		m.data["assignee"] = assigneeName
	}
	m.data["step_due"] = stamp(s.DueAt)
}

func stamp(t time.Time) string { return t.UTC().Format(time.RFC3339Nano) }

func jsonList(items []string) string {
	b, _ := json.Marshal(items)
	return string(b)
}

func boolText(b bool) string {
	if b {
		return "true"
	}
	return "false"
}
