package dossier

import (
	"strconv"
	"strings"

	"github.com/motcua/motcua/calendar"
	"github.com/motcua/motcua/catalog"
)

// doIssue numbers the approved result and ends processing. The open step closes; if the
// process has a step left (normally the desk's hand-back) it opens, so the hand-back is
// tracked like any other step.
func doIssue(d *Dossier, m *move) error {
	r, err := resultOf(m, Result{Date: calendar.DateOf(m.now.In(calendar.Vietnam))})
	if err != nil {
		return err
	}
	r.IssuedAt = m.now
	d.Result = r
	if s := d.currentStep(); s != nil {
		s.FinishedAt = m.now
	}
	d.FinishedAt = m.now
	if i := len(d.Steps); i < len(d.Plan) {
		unit := d.Plan[i].UnitCode
		if unit == "" {
			unit = d.ReceivingUnit
		}
		d.startStep(m, unit, 0, "")
	}
	return nil
}

// doCorrectResult replaces the result document with a corrected one (đính chính), before
// or after the hand-back, with a reason; the corrected file comes as an attachment. The
// number and dates may stay as they were (a misspelt name is corrected on the same
// number); the issue date and the validity default to the current ones. The version it
// replaces is kept with the reason, so the dossier shows every version of its result.
// Timing and figures do not move: the dossier was resolved when the result was first
// issued.
func doCorrectResult(d *Dossier, m *move) error {
	c := m.cmd
	if err := requireText("reason", c.Reason, "cần nêu lý do đính chính", "a reason for the correction is required"); err != nil {
		return err
	}
	old := d.Result
	r, err := resultOf(m, *old)
	if err != nil {
		return err
	}
	r.IssuedAt, r.Channel = old.IssuedAt, old.Channel
	r.Corrections = append(old.Corrections, ResultCorrection{Number: old.Number, Date: old.Date,
		ValidUntil: old.ValidUntil, Validity: old.Validity, Reason: c.Reason, CorrectedAt: m.now, By: c.Actor.AccountID})
	d.Result = r
	m.data["reason"] = c.Reason
	m.data["previous_result_number"] = old.Number
	return nil
}

// resultOf reads the result document from the command, taking the issue date, the
// validity end and the validity as written from def where the command leaves them out,
// then checks it: a number, an issue date no later than today, a validity end after the
// issue date. The event records them.
func resultOf(m *move, def Result) (*Result, error) {
	c := m.cmd
	r := &Result{Number: strings.TrimSpace(c.ResultNumber), Date: def.Date, ValidUntil: clonePtr(def.ValidUntil),
		Validity: def.Validity}
	if !c.ResultDate.IsZero() {
		r.Date = c.ResultDate
	}
	if c.ResultValidUntil != nil {
		r.ValidUntil = clonePtr(c.ResultValidUntil)
	}
	if v := strings.TrimSpace(c.ResultValidity); v != "" {
		r.Validity = v
	}
	if r.Number == "" {
		return nil, invalid("result_number", "cần số văn bản kết quả", "the result document number is required")
	}
	if r.Date.Compare(calendar.DateOf(m.now.In(calendar.Vietnam))) > 0 {
		return nil, invalid("result_date", "ngày ban hành không được sau hôm nay", "the issue date cannot be in the future")
	}
	if r.ValidUntil != nil && !r.Date.Before(*r.ValidUntil) {
		return nil, invalid("result_valid_until", "ngày hết hiệu lực phải sau ngày ban hành",
			"the validity end must be after the issue date")
	}
	m.data["result_number"] = r.Number
	m.data["result_date"] = r.Date.String()
	if r.ValidUntil != nil {
		m.data["result_valid_until"] = r.ValidUntil.String()
	}
	return r, nil
}

// doReturn hands the result back through the channel the applicant filed by, unless the
// officer records another.
func doReturn(d *Dossier, m *move) error {
	ch := m.cmd.ReturnChannel
	if ch == 0 {
		ch = d.Channel
	}
	if ch < catalog.ChannelCounter || ch > catalog.ChannelPostal {
		return invalid("return_channel", "hình thức trả kết quả không hợp lệ", "invalid return channel")
	}
	d.Result.Channel = ch
	if s := d.currentStep(); s != nil {
		s.FinishedAt = m.now
	}
	d.ReturnedAt = m.now
	m.data["return_channel"] = strconv.Itoa(int(ch))
	return nil
}
