package web

import (
	"bytes"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/motcua/motcua"
	"github.com/motcua/motcua/calendar"
	"github.com/motcua/motcua/report"
	"github.com/motcua/motcua/sqlstore"
	"github.com/motcua/motcua/xlsx"
)

// reportQuery is the period and scope of a report request: ?from=YYYY-MM-DD&to=YYYY-MM-DD
// (inclusive Vietnam days; default the current month up to today) &unit=&field=&procedure=.
type reportQuery struct {
	period report.Period
	filter sqlstore.ReportFilter
}

// maxReportDays bounds a period: ten years of figures is more than any page shows.
const maxReportDays = 3660

func (s *Server) reportQuery(r *http.Request) (reportQuery, error) {
	q := r.URL.Query()
	today := calendar.DateOf(s.cfg.Now().In(calendar.Vietnam))
	rq := reportQuery{period: report.Period{From: calendar.D(today.Year, today.Month, 1), To: today},
		filter: sqlstore.ReportFilter{Unit: q.Get("unit"), Field: q.Get("field"), Procedure: q.Get("procedure")}}
	for _, p := range []struct {
		name string
		dst  *calendar.Date
	}{{"from", &rq.period.From}, {"to", &rq.period.To}} {
		if v := q.Get(p.name); v != "" {
			d, err := calendar.ParseDate(v)
			if err != nil {
				return rq, motcua.Invalid(p.name, "ngày phải có dạng YYYY-MM-DD", "the date must look like YYYY-MM-DD")
			}
			*p.dst = d
		}
	}
	if rq.period.To.Before(rq.period.From) {
		return rq, motcua.Invalid("to", "ngày kết thúc trước ngày bắt đầu", "the end date is before the start date")
	}
	if rq.period.To.DaysSince(rq.period.From) > maxReportDays {
		return rq, motcua.Invalid("from", "kỳ báo cáo dài tối đa 10 năm", "a report period is at most 10 years")
	}
	return rq, nil
}

// oneOf reads a query parameter that must be one of allowed; "" gives the first.
func oneOf(r *http.Request, name string, allowed ...string) (string, error) {
	v := r.URL.Query().Get(name)
	if v == "" {
		return allowed[0], nil
	}
	if !slices.Contains(allowed, v) {
		list := strings.Join(allowed, ", ")
		return "", motcua.Invalid(name, name+" phải là một trong: "+list, name+" must be one of: "+list)
	}
	return v, nil
}

// drillParams reads which drill-down list (sqlstore.Drills) is asked for and the key to
// list it after, 0 for its first page.
func drillParams(r *http.Request) (which string, after int64, err error) {
	if which, err = oneOf(r, "which", sqlstore.Drills...); err != nil {
		return "", 0, err
	}
	if v := r.URL.Query().Get("after"); v != "" {
		if after, err = strconv.ParseInt(v, 10, 64); err != nil || after < 0 {
			return "", 0, motcua.Invalid("after", "con trỏ trang không hợp lệ", "invalid page cursor")
		}
	}
	return which, after, nil
}

// reportHandler parses the period and writes what answer returns as JSON.
func (s *Server) reportHandler(answer func(r *http.Request, q reportQuery) (any, error)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		q, err := s.reportQuery(r)
		if err != nil {
			s.apiFail(w, r, err)
			return
		}
		v, err := answer(r, q)
		if err != nil {
			s.apiFail(w, r, err)
			return
		}
		writeJSON(w, http.StatusOK, v)
	}
}

// apiReportSummary: GET /api/v1/reports/summary → report.Summary.
func (s *Server) apiReportSummary(w http.ResponseWriter, r *http.Request) {
	s.reportHandler(func(r *http.Request, q reportQuery) (any, error) {
		return s.reports.Summary(r.Context(), q.period, q.filter)
	})(w, r)
}

// apiReportIndex766: GET /api/v1/reports/index766 → report.Index766.
func (s *Server) apiReportIndex766(w http.ResponseWriter, r *http.Request) {
	s.reportHandler(func(r *http.Request, q reportQuery) (any, error) {
		return s.reports.Index766(r.Context(), q.period, q.filter)
	})(w, r)
}

// apiReportTrend: GET /api/v1/reports/trend?by=month|day → []report.Month or
// []report.DayCounters.
func (s *Server) apiReportTrend(w http.ResponseWriter, r *http.Request) {
	s.reportHandler(func(r *http.Request, q reportQuery) (any, error) {
		by, err := oneOf(r, "by", "month", "day")
		if err != nil {
			return nil, err
		}
		if by == "day" {
			days, err := s.db.ReportDays(r.Context(), q.period, q.filter)
			return nonNilList(days), err
		}
		months, err := s.db.ReportMonths(r.Context(), q.period, q.filter)
		return nonNilList(months), err
	})(w, r)
}

// breakdownBody is a breakdown with the names of its values.
type breakdownBody struct {
	By    report.Dimension  `json:"by"`
	Lines []report.Line     `json:"lines"`
	Names map[string]string `json:"names"`
}

// apiReportBreakdown: GET /api/v1/reports/breakdown?by=unit|field|procedure.
func (s *Server) apiReportBreakdown(w http.ResponseWriter, r *http.Request) {
	s.reportHandler(func(r *http.Request, q reportQuery) (any, error) {
		return s.breakdown(r, q)
	})(w, r)
}

func (s *Server) breakdown(r *http.Request, q reportQuery) (breakdownBody, error) {
	by, err := oneOf(r, "by", string(report.ByUnit), string(report.ByField), string(report.ByProcedure))
	if err != nil {
		return breakdownBody{}, err
	}
	dim := report.Dimension(by)
	lines, err := s.db.ReportBreakdown(r.Context(), q.period, q.filter, dim)
	if err != nil {
		return breakdownBody{}, err
	}
	names, err := s.reportNames(r, dim)
	return breakdownBody{By: dim, Lines: nonNilList(lines), Names: names}, err
}

// reportNames names the values of a dimension: units by the organisation, fields and
// procedures by the catalog.
func (s *Server) reportNames(r *http.Request, dim report.Dimension) (map[string]string, error) {
	out := map[string]string{}
	if dim == report.ByUnit {
		units, err := s.db.Units(r.Context())
		for _, u := range units {
			out[u.Code] = u.Name
		}
		return out, err
	}
	procs, err := s.db.Procedures(r.Context())
	for _, p := range procs {
		v := p.Latest()
		if v == nil {
			continue
		}
		if dim == report.ByProcedure {
			out[p.Code] = v.Name
		} else if v.Field.Code != "" {
			out[v.Field.Code] = v.Field.Name
		} else {
			out[v.Field.Name] = v.Field.Name
		}
	}
	return out, err
}

// apiReportBottlenecks: GET /api/v1/reports/bottlenecks → []report.StepTally.
func (s *Server) apiReportBottlenecks(w http.ResponseWriter, r *http.Request) {
	s.reportHandler(func(r *http.Request, q reportQuery) (any, error) {
		return s.db.ReportBottlenecks(r.Context(), q.period, q.filter.Unit)
	})(w, r)
}

// reportDossiersBody is one page of a drill-down; Next is the cursor of the following page.
type reportDossiersBody struct {
	Which string                   `json:"which"`
	Items []sqlstore.ReportDossier `json:"items"`
	Next  string                   `json:"next,omitempty"`
}

// apiReportDossiers: GET /api/v1/reports/dossiers?which=&after=&limit= lists the dossiers
// behind one figure (sqlstore.Drills), by key.
func (s *Server) apiReportDossiers(w http.ResponseWriter, r *http.Request) {
	s.reportHandler(func(r *http.Request, q reportQuery) (any, error) {
		which, after, err := drillParams(r)
		if err != nil {
			return nil, err
		}
		limit := 50
		if v := r.URL.Query().Get("limit"); v != "" {
			if limit, err = strconv.Atoi(v); err != nil || limit < 1 || limit > sqlstore.MaxDossierPage {
				return nil, motcua.Invalid("limit", "số dòng mỗi trang từ 1 đến 200", "limit must be 1 to 200")
			}
		}
		items, next, err := s.db.ReportDossiers(r.Context(), q.period, q.filter, which, after, limit)
		body := reportDossiersBody{Which: which, Items: items}
		if next > 0 {
			body.Next = strconv.FormatInt(next, 10)
		}
		return body, err
	})(w, r)
}

// apiSyncPayload: GET /api/v1/dossiers/{id}/sync-payload is the DongBoHoSoMC record of the
// dossier as it would be sent now, for staff who can see the dossier.
func (s *Server) apiSyncPayload(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "id")
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	a := account(r)
	d, err := s.db.Dossier(r.Context(), id)
	if err == nil && (a.Role.IsApplicant() || !canSee(a, d)) {
		err = errDossierNotFound()
	}
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	rec, err := s.dossiers.SyncPayload(r.Context(), d)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, rec)
}

func nonNilList[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// reportTables are the dashboard's tables in the order a whole-report workbook has them.
var reportTables = []string{"summary", "index766", "trend", "breakdown", "bottlenecks"}

// apiReportExport: GET /api/v1/reports/export.xlsx?table=summary|index766|trend|breakdown|
// bottlenecks|all (&by= for breakdown) is one table of the dashboard as a spreadsheet, or
// with table=all every table, a sheet each, in one workbook.
func (s *Server) apiReportExport(w http.ResponseWriter, r *http.Request) {
	q, err := s.reportQuery(r)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	table, err := oneOf(r, "table", append(slices.Clone(reportTables), "all")...)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	tables := []string{table}
	if table == "all" {
		tables = reportTables
	}
	sheets := make([]xlsx.Sheet, 0, len(tables))
	for _, name := range tables {
		t, err := s.reportTable(r, q, name)
		if err != nil {
			s.apiFail(w, r, err)
			return
		}
		sheets = append(sheets, xlsx.Sheet{Name: t.name, Headers: t.headers, Rows: t.rows})
	}
	var buf bytes.Buffer
	if err := xlsx.Tables(&buf, sheets); err != nil {
		s.apiFail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	w.Header().Set("Content-Disposition", `attachment; filename="bao-cao-`+table+"-"+
		q.period.From.String()+"-"+q.period.To.String()+`.xlsx"`)
	w.Write(buf.Bytes())
}

// sheetTable is one exported table.
type sheetTable struct {
	name    string
	headers []string
	rows    [][]any
}

func (s *Server) reportTable(r *http.Request, q reportQuery, table string) (sheetTable, error) {
	ctx := r.Context()
	switch table {
	case "index766":
		x, err := s.reports.Index766(ctx, q.period, q.filter)
		t := sheetTable{name: "Chi so 766", headers: []string{"Nhóm / Group", "Chỉ số / Indicator", "Cách đo / Measure",
			"Tử số / Numerator", "Mẫu số / Denominator", "Tỷ lệ / Ratio", "Điểm / Points", "Tối đa / Max",
			"Có dữ liệu / Available", "Dữ liệu còn thiếu / Missing data"}}
		for _, g := range x.Groups {
			for _, i := range g.Indicators {
				t.rows = append(t.rows, []any{g.Name, i.Name, i.Measure, i.Numerator, i.Denominator, i.Ratio, i.Points,
					i.Max, i.Available, i.MissingData})
			}
		}
		t.rows = append(t.rows, []any{"Tổng / Total", "", "", "", "", "", x.Total, x.Attainable, "", ""})
		return t, err
	case "trend":
		months, err := s.db.ReportMonths(ctx, q.period, q.filter)
		t := sheetTable{name: "Xu huong", headers: []string{"Tháng / Month", "Kỳ trước chuyển sang / Carried over",
			"Tiếp nhận / Received", "Trước hạn / Early", "Đúng hạn / On time", "Quá hạn / Late", "Rút / Withdrawn",
			"Dừng / Stopped", "Còn lại cuối tháng / Open at end"}}
		for _, m := range months {
			c := m.Counters
			t.rows = append(t.rows, []any{strconv.Itoa(m.Year) + "-" + twoDigits(int(m.Month)), m.CarriedOver, c.Received,
				c.ResolvedEarly, c.ResolvedOnTime, c.ResolvedLate, c.Withdrawn, c.Stopped, m.OpenAtEnd})
		}
		return t, err
	case "breakdown":
		b, err := s.breakdown(r, q)
		t := sheetTable{name: "Theo " + string(b.By), headers: append([]string{"Mã / Code", "Tên / Name"}, summaryHeaders...)}
		for _, l := range b.Lines {
			t.rows = append(t.rows, append([]any{l.Value, b.Names[l.Value]}, summaryRow(l.Summary)...))
		}
		return t, err
	case "bottlenecks":
		steps, err := s.db.ReportBottlenecks(ctx, q.period, q.filter.Unit)
		t := sheetTable{name: "Diem nghen", headers: []string{"Bước / Step", "Đơn vị / Unit", "Đã xong / Finished",
			"Quá hạn / Late", "Tỷ lệ quá hạn (%) / Late rate (%)"}}
		for _, st := range steps {
			t.rows = append(t.rows, []any{st.Name, st.Unit, st.Finished, st.Late, st.LateRate.Percent})
		}
		return t, err
	}
	sum, err := s.reports.Summary(ctx, q.period, q.filter)
	return sheetTable{name: "Tong hop", headers: append([]string{"Từ ngày / From", "Đến ngày / To"}, summaryHeaders...),
		rows: [][]any{append([]any{q.period.From.String(), q.period.To.String()}, summaryRow(sum)...)}}, err
}

var summaryHeaders = []string{"Tiếp nhận / Received", "Kỳ trước chuyển sang / Carried over", "Phải giải quyết / To process",
	"Đã giải quyết / Resolved", "Trước hạn / Early", "Đúng hạn / On time", "Quá hạn / Late",
	"Đang giải quyết / In progress", "Đang quá hạn / Late in progress", "Rút / Withdrawn", "Dừng / Stopped",
	"Từ chối / Refused", "Tỷ lệ đúng hạn (%) / On-time rate (%)", "Tỷ lệ trực tuyến (%) / Online share (%)",
	"Hài lòng (%) / Satisfaction (%)"}

func summaryRow(s report.Summary) []any {
	pct := func(r report.Rate) any {
		if !r.Defined {
			return ""
		}
		return r.Percent
	}
	return []any{s.Received, s.CarriedOver, s.ToProcess, s.Resolved, s.ResolvedEarly, s.ResolvedOnTime, s.ResolvedLate,
		s.InProgress, s.InProgressLate, s.Withdrawn, s.Stopped, s.Refused, pct(s.OnTimeRate), pct(s.OnlineShare),
		pct(s.Satisfaction)}
}

func twoDigits(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}
