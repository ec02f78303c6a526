package web

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/motcua/motcua"
	"github.com/motcua/motcua/calendar"
)

// decisionInput is an official decision as a form or a JSON body sends it. The date stays
// text until parsed here, so a wrong date is reported on the field "date".
type decisionInput struct {
	Date   string `json:"date"`
	Kind   string `json:"kind"`
	Name   string `json:"name"`
	Source string `json:"source"`
	Rule   string `json:"rule,omitempty"`
	Note   string `json:"note,omitempty"`
}

func decisionFromForm(r *http.Request) decisionInput {
	v := func(k string) string { return strings.TrimSpace(r.PostFormValue(k)) }
	return decisionInput{Date: v("date"), Kind: v("kind"), Name: v("name"), Source: v("source"),
		Rule: v("rule"), Note: v("note")}
}

// decision parses the date; the store checks the rest through the calendar package.
func (in decisionInput) decision() (calendar.Decision, error) {
	d := calendar.Decision{Kind: calendar.Kind(in.Kind), Name: in.Name, Source: in.Source, Rule: in.Rule, Note: in.Note}
	date := strings.TrimSpace(in.Date)
	if date == "" {
		return d, motcua.Invalid("date", "thiếu ngày", "missing date")
	}
	var err error
	if d.Date, err = calendar.ParseDate(date); err != nil {
		vi, en, _ := strings.Cut(err.Error(), " / ")
		return d, motcua.Invalid("date", vi, en)
	}
	return d, nil
}

// addCalendarDecision stores a decision and rebuilds this instance's calendar at once;
// the other instances follow within seconds.
func (s *Server) addCalendarDecision(r *http.Request, in decisionInput) (int64, calendar.Decision, error) {
	d, err := in.decision()
	if err != nil {
		return 0, d, err
	}
	id, err := s.db.AddCalendarDecision(r.Context(), d, *account(r))
	if err != nil {
		return 0, d, err
	}
	s.calendarChanged(r)
	return id, d, nil
}

func (s *Server) removeCalendarDecision(r *http.Request) error {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		return motcua.NotFound("không có quyết định "+r.PathValue("id"), "no decision "+r.PathValue("id"))
	}
	if err := s.db.RemoveCalendarDecision(r.Context(), id, *account(r)); err != nil {
		return err
	}
	s.calendarChanged(r)
	return nil
}

// calendarChanged refreshes the calendar after a change this instance made. The change is
// stored already, so a failure here is only logged: the background refresh retries.
func (s *Server) calendarChanged(r *http.Request) {
	if err := s.refreshCalendar(r.Context()); err != nil {
		s.log.WarnContext(r.Context(), "calendar refresh", "err", err)
	}
}
