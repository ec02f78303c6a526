package web

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"

	"github.com/motcua/motcua"
	"github.com/motcua/motcua/calendar"
	"github.com/motcua/motcua/sqlstore"
)

// calendarPageData is the system administrator's year at a glance: the month grids, the
// year's special days, the decisions kept in the database, the form to add one, and the
// recent changes with who made them.
type calendarPageData struct {
	Year, Prev, Next int // Prev and Next are 0 at the ends of the range
	Weekdays         []string
	Months           []monthGrid
	Entries          []calendarEntryRow
	Stored           []storedDecisionRow // the year's decisions kept in the database
	Kinds            []calendarKindOption
	Rules            []calendar.Rule
	Form             decisionInput
	Errors           map[string]string // field → message in the page's language
	Error            string            // an error that names no field of the form
	Flash            string
	Affected         *affectedDossiers
	History          []sqlstore.AuditEntry
}

type calendarEntryRow struct {
	calendar.Entry
	Weekday   string
	KindLabel string
}

type storedDecisionRow struct {
	sqlstore.CalendarDecision
	KindLabel string
}

type calendarKindOption struct {
	Value calendar.Kind
	Label string
}

// historyLength is how many recent changes the page shows.
const historyLength = 20

func (s *Server) adminCalendarPage(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	data := &calendarPageData{Year: pageYear(q.Get("year"), s.calendarToday().Year), Flash: q.Get("done")}
	if d, err := calendar.ParseDate(q.Get("date")); err == nil && d.Year >= minCalendarYear && d.Year <= maxCalendarYear {
		affected, err := s.dossiersAffectedBy(r.Context(), d)
		if err != nil {
			s.pageFail(w, r, err)
			return
		}
		data.Affected = &affected
	}
	s.renderCalendarPage(w, r, http.StatusOK, data)
}

func (s *Server) adminAddCalendarDecision(w http.ResponseWriter, r *http.Request) {
	in := decisionFromForm(r)
	_, d, err := s.addCalendarDecision(r, in)
	if err != nil {
		data := &calendarPageData{Year: pageYear(r.PostFormValue("year"), s.calendarToday().Year), Form: in}
		if !d.Date.IsZero() {
			data.Year = pageYear(strconv.Itoa(d.Date.Year), data.Year)
		}
		s.calendarFormFailed(w, r, data, err)
		return
	}
	http.Redirect(w, r, fmt.Sprintf("/admin/calendar?year=%d&done=added&date=%s#affected", d.Date.Year, d.Date), http.StatusSeeOther)
}

func (s *Server) adminRemoveCalendarDecision(w http.ResponseWriter, r *http.Request) {
	year := pageYear(r.PostFormValue("year"), s.calendarToday().Year)
	if err := s.removeCalendarDecision(r); err != nil {
		s.calendarFormFailed(w, r, &calendarPageData{Year: year}, err)
		return
	}
	http.Redirect(w, r, fmt.Sprintf("/admin/calendar?year=%d&done=removed", year), http.StatusSeeOther)
}

// calendarFormFailed shows the page again with the error next to its field; errors no
// person can act on go to the error page.
func (s *Server) calendarFormFailed(w http.ResponseWriter, r *http.Request, data *calendarPageData, err error) {
	var me *motcua.Error
	if !errors.As(err, &me) {
		s.pageFail(w, r, err)
		return
	}
	l := requestLang(r)
	if me.Field != "" {
		data.Errors = map[string]string{me.Field: l.S(me.VI, me.EN)}
	} else {
		data.Error = l.S(me.VI, me.EN)
	}
	status := http.StatusUnprocessableEntity
	switch me.Kind {
	case motcua.KindNotFound:
		status = http.StatusNotFound
	case motcua.KindConflict:
		status = http.StatusConflict
	}
	s.renderCalendarPage(w, r, status, data)
}

func (s *Server) renderCalendarPage(w http.ResponseWriter, r *http.Request, status int, data *calendarPageData) {
	ctx := r.Context()
	l := requestLang(r)
	stored, err := s.db.CalendarDecisions(ctx)
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	if data.History, err = s.db.Audit(ctx, "calendar:", 0, historyLength); err != nil {
		s.pageFail(w, r, err)
		return
	}
	for _, d := range stored {
		if d.Date.Year == data.Year {
			data.Stored = append(data.Stored, storedDecisionRow{d, kindLabel(l, d.Kind)})
		}
	}
	entries := s.workCalendar().Holidays(data.Year)
	for _, e := range entries {
		data.Entries = append(data.Entries, calendarEntryRow{e, weekdayName(l, e.Date.Weekday()), kindLabel(l, e.Kind)})
	}
	if data.Year > minCalendarYear {
		data.Prev = data.Year - 1
	}
	if data.Year < maxCalendarYear {
		data.Next = data.Year + 1
	}
	data.Weekdays = weekdayHeads(l)
	data.Months = yearGrid(l, data.Year, entries, s.calendarToday())
	for _, k := range []calendar.Kind{calendar.Holiday, calendar.SwapOff, calendar.MakeupWorkday} {
		data.Kinds = append(data.Kinds, calendarKindOption{k, kindLabel(l, k)})
	}
	data.Rules = calendar.DefaultRules().Rules
	title := fmt.Sprintf("%s %d", l.S("Lịch làm việc năm", "Working calendar"), data.Year)
	s.render(w, r, status, "admin_calendar", title, data)
}

// pageYear reads the year of the page, falling back to def when it is missing or outside
// the years the calendar covers.
func pageYear(v string, def int) int {
	y, err := strconv.Atoi(v)
	if err != nil || y < minCalendarYear || y > maxCalendarYear {
		return def
	}
	return y
}
