package web

import (
	"net/http"
	"net/url"
	"time"

	"github.com/motcua/motcua/calendar"
	"github.com/motcua/motcua/report"
	"github.com/motcua/motcua/sqlstore"
)

// dashboardQuery reads the dashboard's period and scope with the report API's rules
// (reportQuery), except that an absent start means the first of January: leaders read
// the year to date first.
func (s *Server) dashboardQuery(r *http.Request) (reportQuery, error) {
	q := r.URL.Query()
	if q.Get("from") == "" {
		year := s.today().Year
		if to, err := calendar.ParseDate(q.Get("to")); err == nil {
			year = to.Year
		}
		q.Set("from", calendar.D(year, time.January, 1).String())
	}
	r2 := r.Clone(r.Context())
	r2.URL.RawQuery = q.Encode()
	return s.reportQuery(r2)
}

func (s *Server) today() calendar.Date { return calendar.DateOf(s.cfg.Now().In(calendar.Vietnam)) }

// dashParams builds the query strings of the dashboard's links: the same scope, another
// period or another figure.
type dashParams struct {
	period report.Period
	filter sqlstore.ReportFilter
}

func (p dashParams) values() url.Values {
	v := url.Values{"from": {p.period.From.String()}, "to": {p.period.To.String()}}
	for k, x := range map[string]string{"unit": p.filter.Unit, "field": p.filter.Field, "procedure": p.filter.Procedure} {
		if x != "" {
			v.Set(k, x)
		}
	}
	return v
}

// page is the dashboard of the same scope over the period.
func (p dashParams) page() string { return "/dashboard?" + p.values().Encode() }

// drill is the list of the dossiers behind one figure (a sqlstore.Drill… name).
func (p dashParams) drill(which string) string {
	v := p.values()
	v.Set("which", which)
	return "/dashboard/dossiers?" + v.Encode()
}

// export is the spreadsheet of one table of the report API.
func (p dashParams) export(table string) string {
	v := p.values()
	v.Set("table", table)
	if table == "breakdown" {
		v.Set("by", string(report.ByUnit))
	}
	return "/api/v1/reports/export.xlsx?" + v.Encode()
}

// withPeriod is the same scope over another period.
func (p dashParams) withPeriod(from, to calendar.Date) dashParams {
	p.period = report.Period{From: from, To: to}
	return p
}

// withUnit is the same period narrowed to one unit.
func (p dashParams) withUnit(unit string) dashParams {
	p.filter.Unit = unit
	return p
}

// dashPreset is a quick link to a usual period.
type dashPreset struct {
	Label, Href string
	Active      bool
}

// presets are this month, this quarter and this year to date, and last year.
func presets(l lang, today calendar.Date, cur dashParams) []dashPreset {
	quarter := time.Month((int(today.Month)-1)/3*3 + 1)
	list := []struct {
		vi, en   string
		from, to calendar.Date
	}{
		{"Tháng này", "This month", calendar.D(today.Year, today.Month, 1), today},
		{"Quý này", "This quarter", calendar.D(today.Year, quarter, 1), today},
		{"Năm nay", "This year", calendar.D(today.Year, time.January, 1), today},
		{"Năm trước", "Last year", calendar.D(today.Year-1, time.January, 1), calendar.D(today.Year-1, time.December, 31)},
	}
	out := make([]dashPreset, 0, len(list))
	for _, x := range list {
		out = append(out, dashPreset{Label: l.S(x.vi, x.en), Href: cur.withPeriod(x.from, x.to).page(),
			Active: cur.period.From == x.from && cur.period.To == x.to})
	}
	return out
}
