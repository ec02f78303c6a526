package web

import (
	"cmp"
	"errors"
	"net/http"
	"slices"
	"strings"

	"github.com/motcua/motcua"
	"github.com/motcua/motcua/org"
	"github.com/motcua/motcua/report"
	"github.com/motcua/motcua/service"
)

// dashboardView is what the dashboard reads from the store for one period and scope.
type dashboardView struct {
	service.Dashboard
	Steps     []report.StepTally
	UnitNames map[string]string
}

// dashOption is a choice of the unit and field filters.
type dashOption struct{ Value, Name string }

// dashExport is one spreadsheet of the report API.
type dashExport struct{ Label, Href string }

// dashboardPage is the page's data.
type dashboardPage struct {
	From, To, Unit, Field, Procedure string
	Units, Fields                    []dashOption
	Presets                          []dashPreset
	Error                            string

	// Set once the figures are read.
	Shown   bool
	Period  string // "01/01/2026 – 28/11/2026"
	Scope   string // the unit and field shown, or the whole department
	Figures []dashFigureGroup
	Index   dashIndex
	Trend   []dashTrendRow
	ByUnit  []dashUnitRow
	Steps   []dashStepRow
	Exports []dashExport
	Charts  dashCharts
	Export  map[string]string // table → spreadsheet link
}

// dashboardPage: GET /dashboard?from=&to=&unit=&field= shows the leaders the figures of a
// period (the year to date by default), the Decision 766 index and the charts, every
// number linked to the dossiers behind it.
func (s *Server) dashboardPage(w http.ResponseWriter, r *http.Request) {
	l, q := requestLang(r), r.URL.Query()
	data := &dashboardPage{From: q.Get("from"), To: q.Get("to"), Unit: q.Get("unit"), Field: q.Get("field"),
		Procedure: q.Get("procedure")}
	units, fields, err := s.dashboardChoices(r)
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	data.Units, data.Fields = units, fields
	rq, err := s.dashboardQuery(r)
	var invalid *motcua.Error
	if errors.As(err, &invalid) && invalid.Kind == motcua.KindInvalid {
		data.Error = l.S(invalid.VI, invalid.EN)
		s.render(w, r, http.StatusUnprocessableEntity, "dashboard", l.S("Báo cáo", "Reports"), data)
		return
	}
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	v, err := s.dashboardView(r, rq)
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	p := dashParams{period: rq.period, filter: rq.filter}
	data.From, data.To = rq.period.From.String(), rq.period.To.String()
	data.Presets = presets(l, s.today(), p)
	data.Shown = true
	data.Period = formatDate(rq.period.From) + " – " + formatDate(rq.period.To)
	data.Scope = scopeText(l, data)
	day := s.workCalendar().DayLength()
	data.Figures = figureGroups(l, v.Summary, p, day)
	data.Index = indexTable(l, v.Index766)
	data.Trend = trendRows(l, v.Trend, p)
	data.ByUnit = unitRows(l, v.ByUnit, v.UnitNames, p)
	data.Steps = stepRows(l, v.Steps, v.UnitNames)
	data.Charts = charts(l, v)
	data.Export = map[string]string{}
	data.Exports = append(data.Exports, dashExport{l.S("Toàn bộ báo cáo (mỗi bảng một trang tính)",
		"The whole report (a sheet per table)"), p.export("all")})
	for _, t := range []struct{ table, vi, en string }{{"summary", "Số liệu tổng hợp", "Figures"},
		{"index766", "Chỉ số 766", "Decision 766 index"}, {"trend", "Theo tháng", "By month"},
		{"breakdown", "Theo đơn vị", "By unit"}, {"bottlenecks", "Điểm nghẽn", "Bottlenecks"}} {
		data.Export[t.table] = p.export(t.table)
		data.Exports = append(data.Exports, dashExport{l.S(t.vi, t.en), p.export(t.table)})
	}
	s.render(w, r, http.StatusOK, "dashboard", l.S("Báo cáo", "Reports"), data)
}

// dashboardView reads the period's figures: the service's dashboard (totals, index,
// months, units), the late steps and the units' names.
func (s *Server) dashboardView(r *http.Request, q reportQuery) (dashboardView, error) {
	var v dashboardView
	var err error
	if v.Dashboard, err = s.reports.Dashboard(r.Context(), q.period, q.filter); err != nil {
		return v, err
	}
	v.ByUnit = activeLines(v.ByUnit)
	if v.Steps, err = s.db.ReportBottlenecks(r.Context(), q.period, q.filter.Unit); err != nil {
		return v, err
	}
	v.UnitNames, err = s.reportNames(r, report.ByUnit)
	return v, err
}

// dashboardChoices lists the units and the fields the figures can be narrowed to.
func (s *Server) dashboardChoices(r *http.Request) (units, fields []dashOption, err error) {
	list, err := s.db.Units(r.Context())
	if err != nil {
		return nil, nil, err
	}
	slices.SortFunc(list, func(a, b org.Unit) int { return cmp.Compare(a.Identifier, b.Identifier) })
	for _, u := range list {
		units = append(units, dashOption{u.Code, u.Name})
	}
	names, err := s.reportNames(r, report.ByField)
	for code, name := range names {
		fields = append(fields, dashOption{code, name})
	}
	slices.SortFunc(fields, func(a, b dashOption) int { return cmp.Compare(a.Name, b.Name) })
	return units, fields, err
}

// scopeText names what the figures cover.
func scopeText(l lang, d *dashboardPage) string {
	var parts []string
	for _, x := range []struct {
		value string
		list  []dashOption
	}{{d.Unit, d.Units}, {d.Field, d.Fields}} {
		if x.value == "" {
			continue
		}
		name := x.value
		for _, o := range x.list {
			if o.Value == x.value {
				name = o.Name
			}
		}
		parts = append(parts, name)
	}
	if d.Procedure != "" {
		parts = append(parts, l.S("thủ tục ", "procedure ")+d.Procedure)
	}
	if len(parts) == 0 {
		return l.S("Toàn Sở", "The whole department")
	}
	return strings.Join(parts, " · ")
}
