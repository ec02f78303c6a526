package web

import (
	"errors"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"time"

	"github.com/motcua/motcua"
	"github.com/motcua/motcua/catalog"
	"github.com/motcua/motcua/dossier"
	"github.com/motcua/motcua/org"
	"github.com/motcua/motcua/sqlstore"
)

// officeDossierData is the console's page of one dossier: everything the control sheet
// and the history say about it, and a small form for every move the officer may make.
type officeDossierData struct {
	D         *dossier.Dossier
	Version   *catalog.Version // the pinned version, when the catalog still has it
	Units     map[string]org.Unit
	Documents []sqlstore.Document
	Steps     []officeStep
	Events    []officeEvent
	Progress  string // days left or overdue, in the page's language; "" when not running
	Overdue   bool
	DueSoon   bool
	Outcome   *officeOutcome
	ChainOK   bool
	ChainErr  string
	Forms     []officeFormLink
	Actions   []officeActionForm
	Done      dossier.Action // the move just made, for the confirmation
	// Problem is a refused move whose form is not on the page (another officer moved the
	// dossier first, or the request was crafted).
	Problem *officeActionProblem
	l       lang
}

// UnitName names a unit by its code.
func (d *officeDossierData) UnitName(code string) string { return officeUnitLabel(d.Units, code) }

// KiB prints a file size.
func (d *officeDossierData) KiB(n int64) string {
	return strconv.FormatFloat(float64(n)/1024, 'f', 1, 64) + " KiB"
}

// Hours prints working time in the page's language.
func (d *officeDossierData) Hours(t time.Duration) string { return officeWorkingText(d.l, t) }

// officeActionProblem is a refused move and the values the officer typed, shown back.
type officeActionProblem struct {
	Action dossier.Action
	officeProblem
	Form url.Values
}

func (s *Server) officeDossierPage(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "id")
	if err != nil {
		s.pageError(w, r, http.StatusNotFound)
		return
	}
	done := dossier.Action(r.URL.Query().Get("done"))
	if !done.Valid() {
		done = ""
	}
	s.renderOfficeDossier(w, r, id, http.StatusOK, done, nil)
}

// renderOfficeDossier loads the dossier afresh and shows it; problem, if any, is shown next
// to the form of its move.
func (s *Server) renderOfficeDossier(w http.ResponseWriter, r *http.Request, id int64, status int, done dossier.Action, problem *officeActionProblem) {
	d, err := s.db.Dossier(r.Context(), id)
	if errors.Is(err, motcua.ErrNotFound) || err == nil && !canSee(account(r), d) {
		s.pageError(w, r, http.StatusNotFound)
		return
	}
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	data, err := s.officeDossierData(r, d, done, problem)
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	title := d.Code
	if title == "" {
		title = requestLang(r).S("Hồ sơ chưa có mã", "Dossier without a code")
	}
	s.render(w, r, status, "office_dossier", title, data)
}

func (s *Server) officeDossierData(r *http.Request, d *dossier.Dossier, done dossier.Action, problem *officeActionProblem) (*officeDossierData, error) {
	ctx, l := r.Context(), requestLang(r)
	events, err := s.db.DossierEvents(ctx, d.ID)
	if err != nil {
		return nil, err
	}
	data := &officeDossierData{D: d, Done: done, l: l}
	if data.Documents, err = s.db.Documents(ctx, d.ID); err != nil {
		return nil, err
	}
	if data.Units, err = s.unitsByCode(ctx); err != nil {
		return nil, err
	}
	if p, err := s.db.Procedure(ctx, d.ProcedureCode); err == nil {
		data.Version = p.Version(d.VersionNumber)
	}
	now, cal := s.cfg.Now(), s.workCalendar()
	if p := dossier.Track(d, cal, now); !p.Appointment.IsZero() {
		data.Progress, data.Overdue, data.DueSoon = l.S(p.Label(), p.LabelEN()), p.Overdue, p.DueSoon
	}
	bad, chainErr := dossier.VerifyHead(d, events)
	data.ChainOK = chainErr == nil
	if chainErr != nil {
		data.ChainErr = officeErrorText(l, chainErr)
	}
	data.Steps = officeSteps(d, data.Units, now)
	data.Events = officeEvents(l, events, data.Units, bad)
	if !d.FinishedAt.IsZero() && d.Closure == nil {
		data.Outcome = officeOutcomeOf(dossier.Outcome(d, cal, now), data.Units)
	}
	data.Forms = officeFormLinks(d)
	if data.Actions, err = s.officeActionForms(r, d, data, now); err != nil {
		return nil, err
	}
	if problem != nil && !attachOfficeProblem(data.Actions, problem) {
		data.Problem = problem
	}
	return data, nil
}

// attachOfficeProblem puts the problem next to its form, if the form is on the page.
func attachOfficeProblem(forms []officeActionForm, p *officeActionProblem) bool {
	i := slices.IndexFunc(forms, func(f officeActionForm) bool { return f.Action == p.Action })
	if i < 0 {
		return false
	}
	for j := range forms {
		forms[j].Open = false
	}
	forms[i].Problem = &p.officeProblem
	for k := range p.Form {
		if k != csrfField {
			forms[i].Values[k] = p.Form.Get(k)
		}
	}
	forms[i].Open = true
	return true
}
