package web

import (
	"time"

	"github.com/motcua/motcua/calendar"
	"github.com/motcua/motcua/dossier"
	"github.com/motcua/motcua/pdf"
)

// stepTimeliness says how a finished step ended against its own deadline.
func stepTimeliness(s dossier.Step) pdf.Timeliness {
	switch {
	case s.FinishedAt.IsZero():
		return pdf.Pending
	case s.FinishedAt.After(s.DueAt):
		return pdf.Late
	case calendar.DateOf(s.FinishedAt.In(calendar.Vietnam)) == calendar.DateOf(s.DueAt.In(calendar.Vietnam)):
		return pdf.OnTime
	}
	return pdf.Early
}

// form06 is the control sheet: one line per hand-over between steps, then the result's
// hand-back to the desk and to the applicant.
func form06(f *dossierForms) ([]byte, error) {
	d := f.d
	if d.ReceivedAt.IsZero() {
		return nil, notYet("06", "hồ sơ chưa được tiếp nhận", "the dossier has not been received")
	}
	c := pdf.Control{Code: d.Code, Applicant: d.Applicant.Name, Procedure: d.ProcedureName,
		ReceivedAt: d.ReceivedAt, AppointmentAt: d.AppointmentAt}
	for _, e := range f.events {
		switch {
		case e.Action == dossier.Forward && e.Step >= 2 && e.Step <= len(d.Steps):
			from, to := d.Steps[e.Step-2], d.Steps[e.Step-1]
			c.Handovers = append(c.Handovers, pdf.Handover{FromUnit: f.unitName(from.UnitCode), FromPerson: e.ActorName,
				ToUnit: f.unitName(to.UnitCode), ToPerson: to.AssigneeName, At: e.At, Result: stepTimeliness(from), Note: e.Note})
			if c.Handler == "" && to.UnitCode != d.ReceivingUnit {
				c.Handler = f.unitName(to.UnitCode)
			}
		case e.Action == dossier.IssueResult:
			c.Handovers = append(c.Handovers, pdf.Handover{FromUnit: f.unitName(e.UnitCode), FromPerson: e.ActorName,
				ToUnit: f.unitName(d.ReceivingUnit), At: e.At, Note: "Ban hành kết quả " + e.Data["result_number"]})
		case e.Action == dossier.CorrectResult:
			c.Handovers = append(c.Handovers, pdf.Handover{FromUnit: f.unitName(e.UnitCode), FromPerson: e.ActorName,
				ToUnit: f.unitName(d.ReceivingUnit), At: e.At,
				Note: "Đính chính kết quả " + e.Data["result_number"] + ": " + e.Data["reason"]})
		case e.Action == dossier.ReturnResult:
			c.Handovers = append(c.Handovers, pdf.Handover{FromUnit: f.unitName(e.UnitCode), FromPerson: e.ActorName,
				ToUnit: "Người nộp hồ sơ", ToPerson: d.Applicant.Name, At: e.At, Note: "Trả kết quả"})
		}
	}
	f.header.Date = time.Time{}
	return pdf.Form06(f.header, c)
}
