package web

import (
	"net/http"

	"github.com/motcua/motcua/dossier"
	"github.com/motcua/motcua/sqlstore"
)

// dossierState is a dossier with what the caller may do next and where it stands against
// its deadline: everything the API says about a dossier that needs no further reads.
type dossierState struct {
	*dossier.Dossier
	AllowedActions []dossier.Action    `json:"allowed_actions"`
	Progress       *progressView       `json:"progress,omitempty"`
	Outcome        *dossier.Evaluation `json:"outcome,omitempty"`
}

// dossierView is the API's dossier: its state, its history and its documents.
type dossierView struct {
	dossierState
	Events    []dossier.Event     `json:"events"`
	Documents []sqlstore.Document `json:"documents"`
}

// movedView answers a move: the dossier's new state and the event the move appended. The
// whole history stays one GET away, so a move does not read it back.
type movedView struct {
	dossierState
	Event dossier.Event `json:"event"`
}

// progressView is the deadline of an open dossier with its label in both languages.
type progressView struct {
	dossier.Progress
	Label   string `json:"label"`
	LabelEN string `json:"label_en"`
}

func (s *Server) apiDossier(w http.ResponseWriter, r *http.Request) {
	d, err := s.visibleDossier(r)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	s.writeDossier(w, r, http.StatusOK, d)
}

// writeDossier answers d as the caller sees it, with its history and documents.
func (s *Server) writeDossier(w http.ResponseWriter, r *http.Request, status int, d *dossier.Dossier) {
	v, err := s.viewDossier(r, d)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	writeJSON(w, status, v)
}

func (s *Server) viewDossier(r *http.Request, d *dossier.Dossier) (*dossierView, error) {
	events, docs, err := s.dossierRecords(r, d.ID)
	if err != nil {
		return nil, err
	}
	v := &dossierView{dossierState: s.stateOf(r, d), Events: events, Documents: docs}
	if v.Events == nil {
		v.Events = []dossier.Event{}
	}
	if v.Documents == nil {
		v.Documents = []sqlstore.Document{}
	}
	return v, nil
}

// dossierRecords reads what a dossier's page shows beside the dossier itself: its history
// and its documents.
func (s *Server) dossierRecords(r *http.Request, id int64) ([]dossier.Event, []sqlstore.Document, error) {
	events, err := s.db.DossierEvents(r.Context(), id)
	if err != nil {
		return nil, nil, err
	}
	docs, err := s.db.Documents(r.Context(), id)
	if err != nil {
		return nil, nil, err
	}
	return events, docs, nil
}

// stateOf is d's state as the signed-in account sees it now.
func (s *Server) stateOf(r *http.Request, d *dossier.Dossier) dossierState {
	v := dossierState{Dossier: d, AllowedActions: dossier.AllowedActions(d, actorOf(account(r)))}
	if v.AllowedActions == nil {
		v.AllowedActions = []dossier.Action{}
	}
	now, cal := s.cfg.Now(), s.workCalendar()
	if p := dossier.Track(d, cal, now); !p.Appointment.IsZero() {
		v.Progress = &progressView{Progress: p, Label: p.Label(), LabelEN: p.LabelEN()}
	}
	if !d.ReceivedAt.IsZero() {
		o := dossier.Outcome(d, cal, now)
		v.Outcome = &o
	}
	return v
}
