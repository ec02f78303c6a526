package web

import (
	"errors"
	"net/http"
	"strconv"
	"time"

	"github.com/motcua/motcua"
	"github.com/motcua/motcua/calendar"
	"github.com/motcua/motcua/report"
	"github.com/motcua/motcua/sqlstore"
)

// drillLabels name the drill-down lists (sqlstore.Drills) and the report classes their
// lines carry.
var drillLabels = map[string][2]string{
	sqlstore.DrillReceived:            {"Hồ sơ tiếp nhận trong kỳ", "Dossiers received in the period"},
	sqlstore.DrillCarriedOver:         {"Hồ sơ kỳ trước chuyển sang", "Dossiers carried over"},
	sqlstore.DrillResolved:            {"Hồ sơ đã giải quyết", "Dossiers resolved"},
	sqlstore.DrillResolvedEarly:       {"Hồ sơ giải quyết trước hạn", "Dossiers resolved early"},
	sqlstore.DrillResolvedOnTime:      {"Hồ sơ giải quyết đúng hạn", "Dossiers resolved on time"},
	sqlstore.DrillResolvedLate:        {"Hồ sơ giải quyết quá hạn", "Dossiers resolved late"},
	sqlstore.DrillInProgress:          {"Hồ sơ đang giải quyết cuối kỳ", "Dossiers in progress at the end"},
	sqlstore.DrillLateOpen:            {"Hồ sơ đang giải quyết quá hạn cuối kỳ", "Dossiers in progress and late at the end"},
	sqlstore.DrillWithdrawn:           {"Hồ sơ rút sau tiếp nhận", "Dossiers withdrawn after receipt"},
	sqlstore.DrillStopped:             {"Hồ sơ dừng xử lý", "Dossiers stopped"},
	sqlstore.DrillRefused:             {"Hồ sơ từ chối tiếp nhận", "Dossiers refused at receipt"},
	sqlstore.DrillWithdrawnUnreceived: {"Hồ sơ rút trước khi tiếp nhận", "Dossiers withdrawn before receipt"},
}

var classLabels = map[string][2]string{
	string(report.Open):                {"Đang giải quyết", "In progress"},
	"resolved_early":                   {"Trước hạn", "Early"},
	"resolved_on_time":                 {"Đúng hạn", "On time"},
	"resolved_late":                    {"Quá hạn", "Late"},
	string(report.Withdrawn):           {"Rút hồ sơ", "Withdrawn"},
	string(report.Stopped):             {"Dừng xử lý", "Stopped"},
	string(report.Refused):             {"Từ chối tiếp nhận", "Refused"},
	string(report.WithdrawnUnreceived): {"Rút trước tiếp nhận", "Withdrawn before receipt"},
}

// dashDossierRow is one dossier of a drill-down list.
type dashDossierRow struct {
	ID                                     int64
	Code, Procedure, Unit, Status          string
	Received, Appointment, Finished, Class string
	ClassKey                               string
	Late                                   bool // late by its appointment (open or finished)
}

// dashDossiersPage is the drill-down's data.
type dashDossiersPage struct {
	Which, Title, Period, Scope string
	Back, Next                  string
	Rows                        []dashDossierRow
	Error                       string
}

// drillPageSize is the lines of one drill-down page.
const drillPageSize = 50

// dashboardDossiersPage: GET /dashboard/dossiers?which=&from=&to=&unit=&field=&after= lists
// the dossiers behind one number of the dashboard, by key, each linked to its page.
func (s *Server) dashboardDossiersPage(w http.ResponseWriter, r *http.Request) {
	l := requestLang(r)
	data := &dashDossiersPage{Back: "/dashboard"}
	title := l.S("Hồ sơ theo số liệu", "Dossiers behind a figure")
	rows, err := s.drillRows(r, data)
	var invalid *motcua.Error
	if errors.As(err, &invalid) && invalid.Kind == motcua.KindInvalid {
		data.Error = l.S(invalid.VI, invalid.EN)
		s.render(w, r, http.StatusUnprocessableEntity, "dashboard_dossiers", title, data)
		return
	}
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	data.Rows = rows
	s.render(w, r, http.StatusOK, "dashboard_dossiers", data.Title, data)
}

// drillRows reads the page's parameters into data and lists its dossiers.
func (s *Server) drillRows(r *http.Request, data *dashDossiersPage) ([]dashDossierRow, error) {
	l := requestLang(r)
	rq, err := s.dashboardQuery(r)
	if err != nil {
		return nil, err
	}
	which, after, err := drillParams(r)
	if err != nil {
		return nil, err
	}
	p := dashParams{period: rq.period, filter: rq.filter}
	label := drillLabels[which]
	data.Which, data.Title, data.Back = which, l.S(label[0], label[1]), p.page()
	data.Period = formatDate(rq.period.From) + " – " + formatDate(rq.period.To)
	items, next, err := s.db.ReportDossiers(r.Context(), rq.period, rq.filter, which, after, drillPageSize)
	if err != nil {
		return nil, err
	}
	if next > 0 {
		data.Next = p.drill(which) + "&after=" + strconv.FormatInt(next, 10)
	}
	names, err := s.reportNames(r, report.ByUnit)
	if err != nil {
		return nil, err
	}
	data.Scope = scopeText(l, &dashboardPage{Unit: rq.filter.Unit, Field: rq.filter.Field, Procedure: rq.filter.Procedure,
		Units: []dashOption{{rq.filter.Unit, names[rq.filter.Unit]}}})
	out, now := make([]dashDossierRow, 0, len(items)), s.cfg.Now()
	for _, d := range items {
		class := classLabels[d.Class]
		out = append(out, dashDossierRow{ID: d.ID, Code: d.Code, Procedure: d.ProcedureName, Unit: nameOr(names, d.Unit),
			Status: l.S(d.Status.Label(), d.Status.LabelEN()), Received: dateTime(d.ReceivedAt),
			Appointment: dateTime(d.AppointmentAt), Finished: dateTime(d.FinishedAt), Class: l.S(class[0], class[1]),
			ClassKey: d.Class, Late: d.Class == "resolved_late" ||
				d.Class == string(report.Open) && !d.LateFrom.IsZero() && d.LateFrom.Before(now)})
	}
	return out, nil
}

// dateTime is the hour and day in Vietnam, or "" for no instant.
func dateTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(calendar.Vietnam).Format("15:04 02/01/2006")
}
