package web

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/motcua/motcua"
	"github.com/motcua/motcua/calendar"
	"github.com/motcua/motcua/catalog"
	"github.com/motcua/motcua/dossier"
)

// officeAction takes one move from the dossier page's form, through the same path as the
// API. A refused move shows the page again with the rules' answer next to the form and
// the status the API would answer (409, 422, 403); a move made goes back to the page.
func (s *Server) officeAction(action dossier.Action) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		d, err := s.visibleDossier(r)
		if err != nil {
			s.pageFail(w, r, err)
			return
		}
		cmd, err := s.officeCommand(r, action, d)
		if err == nil {
			_, _, err = s.moveDossier(r, d.ID, cmd)
		}
		if err != nil {
			p, ok := officeProblemOf(requestLang(r), err)
			if !ok || p.Status == http.StatusNotFound {
				s.pageFail(w, r, err)
				return
			}
			form := r.PostForm
			if form == nil {
				form = url.Values{}
			}
			s.renderOfficeDossier(w, r, d.ID, p.Status, "", &officeActionProblem{Action: action, officeProblem: p, Form: form})
			return
		}
		http.Redirect(w, r, officeDossierPath(d.ID)+"?done="+string(action), http.StatusSeeOther)
	}
}

// officeCommand reads the move's form fields into a command; the rules check them.
func (s *Server) officeCommand(r *http.Request, action dossier.Action, d *dossier.Dossier) (dossier.Command, error) {
	if err := r.ParseForm(); err != nil {
		return dossier.Command{}, motcua.Invalid("body", "biểu mẫu không hợp lệ", "invalid form")
	}
	field := func(name string) string { return strings.TrimSpace(r.PostFormValue(name)) }
	cmd := dossier.Command{Action: action, Note: field("note"), Reason: field("reason"),
		Missing: lines(r.PostFormValue("missing")), ApplicantFault: r.PostFormValue("applicant_fault") != "",
		Method: field("method"), Reference: field("reference"), Notice: field("notice"),
		ResultNumber: field("result_number"), ResultValidity: field("result_validity")}
	var errs []error
	switch action {
	case dossier.Forward:
		cmd.ToUnit = field("to_unit")
		errs = append(errs, s.forwardUnit(r.Context(), cmd.ToUnit), s.forwardAssignee(r.Context(), &cmd, field("assignee_id")))
	case dossier.Pay:
		if v := field("amount"); v != "" {
			n, err := strconv.ParseInt(strings.NewReplacer(".", "", ",", "", " ", "").Replace(v), 10, 64)
			if err != nil || n < 0 {
				errs = append(errs, motcua.Invalid("amount", "số tiền phải là số đồng", "the amount must be a number of đồng"))
			}
			cmd.Amount = n
		}
	case dossier.IssueResult, dossier.CorrectResult:
		var err error
		cmd.ResultDate, err = officeFormDate(field("result_date"), "result_date")
		errs = append(errs, err)
		if until, err := officeFormDate(field("result_valid_until"), "result_valid_until"); err != nil {
			errs = append(errs, err)
		} else if !until.IsZero() {
			cmd.ResultValidUntil = &until
		}
		if action == dossier.CorrectResult {
			hash, err := s.counterPaper(r, d, "file", "Kết quả đã đính chính")
			errs = append(errs, err)
			if hash != "" {
				cmd.Attachments = []string{hash}
			}
		}
	case dossier.ReturnResult:
		if n, err := strconv.Atoi(field("return_channel")); err == nil {
			cmd.ReturnChannel = catalog.Channel(n)
		}
	case dossier.Apologize:
		day, err := officeFormDate(field("new_appointment"), "new_appointment")
		errs = append(errs, err)
		if !day.IsZero() {
			cmd.NewAppointment = sameClock(day, d.AppointmentAt)
		}
	case dossier.SupplementAction:
		hash, err := s.counterPaper(r, d, "file", "Giấy tờ bổ sung")
		errs = append(errs, err)
		if hash != "" {
			cmd.Attachments = []string{hash}
		}
	}
	return cmd, errors.Join(errs...)
}

func officeFormDate(v, field string) (calendar.Date, error) {
	if v == "" {
		return calendar.Date{}, nil
	}
	d, err := calendar.ParseDate(v)
	if err != nil {
		return d, motcua.Invalid(field, "ngày phải có dạng YYYY-MM-DD", "dates must look like YYYY-MM-DD")
	}
	return d, nil
}

// sameClock is day at the time of day of t in Vietnam: a new appointment keeps the hour of
// the one it replaces.
func sameClock(day calendar.Date, t time.Time) time.Time {
	v := t.In(calendar.Vietnam)
	return time.Date(day.Year, day.Month, day.Day, v.Hour(), v.Minute(), 0, 0, calendar.Vietnam)
}
