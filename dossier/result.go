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
	c := m.cmd
	number := strings.TrimSpace(c.ResultNumber)
	if number == "" {
		return invalid("result_number", "cần số văn bản kết quả", "the result document number is required")
	}
	date := c.ResultDate
	if date.IsZero() {
		date = calendar.DateOf(m.now.In(calendar.Vietnam))
	}
	if date.Compare(calendar.DateOf(m.now.In(calendar.Vietnam))) > 0 {
		return invalid("result_date", "ngày ban hành không được sau hôm nay", "the issue date cannot be in the future")
	}
	if c.ResultValidUntil != nil && !date.Before(*c.ResultValidUntil) {
		return invalid("result_valid_until", "ngày hết hiệu lực phải sau ngày ban hành",
			"the validity end must be after the issue date")
	}
	d.Result = &Result{Number: number, Date: date, ValidUntil: clonePtr(c.ResultValidUntil),
		Validity: strings.TrimSpace(c.ResultValidity), IssuedAt: m.now}
	if s := d.currentStep(); s != nil {
		s.FinishedAt = m.now
	}
	d.FinishedAt = m.now
	m.data["result_number"] = number
	m.data["result_date"] = date.String()
	if c.ResultValidUntil != nil {
		m.data["result_valid_until"] = c.ResultValidUntil.String()
	}
	if i := len(d.Steps); i < len(d.Plan) {
		unit := d.Plan[i].UnitCode
		if unit == "" {
			unit = d.ReceivingUnit
		}
		d.startStep(m, unit, 0, "")
	}
	return nil
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
