package web

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/motcua/motcua"
	"github.com/motcua/motcua/calendar"
	"github.com/motcua/motcua/sqlstore"
)

// The calendar pages and the API accept the years the lunar tables were checked for.
const minCalendarYear, maxCalendarYear = 1900, 2199

// apiCalendarHolidays lists the special days of a year exactly as `motcua calendar
// holidays YEAR --json` prints them, counted with the calendar in force.
func (s *Server) apiCalendarHolidays(w http.ResponseWriter, r *http.Request) {
	year := s.calendarToday().Year
	if v := r.URL.Query().Get("year"); v != "" {
		y, err := strconv.Atoi(v)
		if err != nil || y < minCalendarYear || y > maxCalendarYear {
			s.apiFail(w, r, motcua.Invalid("year",
				fmt.Sprintf("năm phải là số từ %d đến %d", minCalendarYear, maxCalendarYear),
				fmt.Sprintf("year must be a number from %d to %d", minCalendarYear, maxCalendarYear)))
			return
		}
		year = y
	}
	entries := s.workCalendar().Holidays(year)
	if entries == nil {
		entries = []calendar.Entry{}
	}
	writeJSON(w, http.StatusOK, entries)
}

type dueAnswer struct {
	Start    string        `json:"start"`
	Duration calendar.Span `json:"duration"`
	Due      string        `json:"due"`
}

// apiCalendarDue computes a deadline with the calendar in force, as `motcua calendar due`.
func (s *Server) apiCalendarDue(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	start, err := time.Parse(time.RFC3339, strings.TrimSpace(q.Get("start")))
	if err != nil || start.Year() < minCalendarYear || start.Year() > maxCalendarYear {
		s.apiFail(w, r, motcua.Invalid("start", "thời điểm bắt đầu cần dạng RFC 3339, ví dụ 2026-02-10T09:00:00+07:00",
			"start must be RFC 3339, e.g. 2026-02-10T09:00:00+07:00"))
		return
	}
	span, err := calendar.ParseSpan(q.Get("duration"))
	if err != nil {
		vi, en, _ := strings.Cut(err.Error(), " / ")
		s.apiFail(w, r, motcua.Invalid("duration", vi, en))
		return
	}
	cal := s.workCalendar()
	due := cal.Due(start, span)
	writeJSON(w, http.StatusOK, dueAnswer{
		Start:    start.In(cal.Location()).Format(time.RFC3339),
		Duration: span,
		Due:      due.In(cal.Location()).Format(time.RFC3339),
	})
}

func (s *Server) apiCalendarDecisions(w http.ResponseWriter, r *http.Request) {
	ds, err := s.db.CalendarDecisions(r.Context())
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	if ds == nil {
		ds = []sqlstore.CalendarDecision{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"items": ds})
}

func (s *Server) apiAddCalendarDecision(w http.ResponseWriter, r *http.Request) {
	var in decisionInput
	if err := decodeJSON(w, r, &in); err != nil {
		s.apiFail(w, r, err)
		return
	}
	id, _, err := s.addCalendarDecision(r, in)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	ds, err := s.db.CalendarDecisions(r.Context())
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	for _, d := range ds {
		if d.ID == id {
			writeJSON(w, http.StatusCreated, d)
			return
		}
	}
	s.apiFail(w, r, fmt.Errorf("calendar decision %d vanished after insert", id))
}

func (s *Server) apiRemoveCalendarDecision(w http.ResponseWriter, r *http.Request) {
	if err := s.removeCalendarDecision(r); err != nil {
		s.apiFail(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// calendarToday is the current civil date in Vietnam by the server's clock.
func (s *Server) calendarToday() calendar.Date {
	return calendar.DateOf(s.cfg.Now().In(calendar.Vietnam))
}
