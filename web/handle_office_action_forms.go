package web

import (
	"errors"
	"net/http"
	"strconv"
	"time"

	"github.com/motcua/motcua/calendar"
	"github.com/motcua/motcua/dossier"
)

// officeActionForm is the small form of one move the officer may make now.
type officeActionForm struct {
	Action  dossier.Action
	Values  map[string]string // prefilled, or as typed when the move was refused
	Problem *officeProblem
	Open    bool
	// Unavailable is the rules' reason the move cannot be taken after all (an apology
	// needs a working day left before the appointment); the form is then not offered.
	Unavailable string
	Forward     *forwardChoice
	FeeTotal    int64
}

// Err is the message of a field at fault, or "".
func (f officeActionForm) Err(field string) string {
	if f.Problem == nil {
		return ""
	}
	return f.Problem.Fields[field]
}

// officeActionForms lists the moves dossier.AllowedActions gives the officer, each with what
// its form needs.
func (s *Server) officeActionForms(r *http.Request, d *dossier.Dossier, data *officeDossierData, now time.Time) ([]officeActionForm, error) {
	l, actor := requestLang(r), actorOf(account(r))
	today := calendar.DateOf(now.In(calendar.Vietnam))
	var out []officeActionForm
	for _, a := range dossier.AllowedActions(d, actor) {
		f := officeActionForm{Action: a, Values: map[string]string{}}
		switch a {
		case dossier.Forward:
			choice, err := s.forwardChoice(r.Context(), d, data.Units)
			if err != nil {
				return nil, err
			}
			f.Forward = choice
			f.Values["to_unit"] = choice.DefaultUnit
		case dossier.RequestPayment:
			f.FeeTotal = d.FeeTotal()
		case dossier.Pay:
			if d.Payment != nil {
				f.FeeTotal = d.Payment.Amount
				f.Values["amount"] = strconv.FormatInt(d.Payment.Amount, 10)
			}
			f.Values["method"] = "cash"
		case dossier.IssueResult:
			f.Values["result_date"] = today.String()
			if data.Version != nil {
				f.Values["result_validity"] = data.Version.Result.Validity
			}
		case dossier.CorrectResult:
			res := d.Result
			f.Values["result_number"], f.Values["result_date"] = res.Number, res.Date.String()
			f.Values["result_validity"] = res.Validity
			if res.ValidUntil != nil {
				f.Values["result_valid_until"] = res.ValidUntil.String()
			}
		case dossier.ReturnResult:
			f.Values["return_channel"] = strconv.Itoa(int(d.Channel))
		case dossier.Apologize:
			f.Unavailable = apologyBlocked(l, d, actor, now, s.workCalendar())
		case dossier.Submit, dossier.Withdraw, dossier.Rate:
			continue // the applicant's own moves
		}
		out = append(out, f)
	}
	if len(out) > 0 {
		out[0].Open = true
	}
	return out, nil
}

// apologyBlocked asks the rules, on a copy of the dossier, whether an apology could be
// made now; it answers the rules' reason when not.
func apologyBlocked(l lang, d *dossier.Dossier, actor dossier.Actor, now time.Time, clk dossier.Clock) string {
	probe := *d
	_, err := probe.Apply(dossier.Command{Action: dossier.Apologize, Actor: actor, Reason: "probe",
		NewAppointment: d.AppointmentAt.AddDate(0, 1, 0)}, now, clk)
	var me *dossier.MoveError
	if errors.As(err, &me) {
		return officeErrorText(l, err)
	}
	return ""
}
