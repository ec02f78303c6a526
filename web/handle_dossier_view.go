package web

import (
	"net/http"

	"github.com/motcua/motcua/dossier"
	"github.com/motcua/motcua/sqlstore"
)

// dossierView is the API's dossier: the dossier itself, its history and documents, and
// what the caller may do next.
type dossierView struct {
	*dossier.Dossier
	Events         []dossier.Event     `json:"events"`
	Documents      []sqlstore.Document `json:"documents"`
	AllowedActions []dossier.Action    `json:"allowed_actions"`
	Progress       *progressView       `json:"progress,omitempty"`
	Outcome        *dossier.Evaluation `json:"outcome,omitempty"`
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

// writeDossier answers d as the caller sees it.
func (s *Server) writeDossier(w http.ResponseWriter, r *http.Request, status int, d *dossier.Dossier) {
	v, err := s.viewDossier(r, d)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	writeJSON(w, status, v)
}

func (s *Server) viewDossier(r *http.Request, d *dossier.Dossier) (*dossierView, error) {
	events, err := s.db.DossierEvents(r.Context(), d.ID)
	if err != nil {
		return nil, err
	}
	docs, err := s.db.Documents(r.Context(), d.ID)
	if err != nil {
		return nil, err
	}
	v := &dossierView{Dossier: d, Events: events, Documents: docs,
		AllowedActions: dossier.AllowedActions(d, actorOf(account(r)))}
	if v.Events == nil {
		v.Events = []dossier.Event{}
	}
	if v.Documents == nil {
		v.Documents = []sqlstore.Document{}
	}
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
	return v, nil
}
