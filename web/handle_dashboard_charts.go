package web

import (
	"fmt"

	"github.com/motcua/motcua/report"
)

// The charts are drawn in the browser by static/dashboard.js from this data, which the
// page carries in a <script type="application/json"> block (data, never executed, so the
// CSP allows it). The tables beside them hold the same numbers for readers without
// JavaScript. Labels come translated; dashboard.js only picks colours by series key.

// chartSeries is one dataset.
type chartSeries struct {
	Key   string     `json:"key"`
	Label string     `json:"label"`
	Data  []*float64 `json:"data"` // null where there is no value (a rate without dossiers)
	Line  bool       `json:"line,omitempty"`
}

// chartData is one chart.
type chartData struct {
	Labels     []any         `json:"labels"` // a string, or lines of one label
	Series     []chartSeries `json:"series"`
	Stacked    bool          `json:"stacked,omitempty"`
	Horizontal bool          `json:"horizontal,omitempty"`
	// Percent names the right-hand axis of the line series, in percent.
	Percent string `json:"percent,omitempty"`
}

// dashCharts are the page's four charts.
type dashCharts struct {
	Trend chartData `json:"trend"`
	Units chartData `json:"units"`
	Steps chartData `json:"steps"`
	Index chartData `json:"index"`
}

// maxChartSteps bounds the bottleneck chart; the table lists every step.
const maxChartSteps = 10

func num(n int) *float64 { x := float64(n); return &x }

func pct(r report.Rate) *float64 {
	if !r.Defined {
		return nil
	}
	return &r.Percent
}

func charts(l lang, d dashboardView) dashCharts {
	var c dashCharts
	t := &c.Trend
	t.Percent = l.S("Tỷ lệ đúng hạn (%)", "On-time rate (%)")
	t.Series = []chartSeries{{Key: "received", Label: l.S("Tiếp nhận", "Received")},
		{Key: "on_time", Label: l.S("Giải quyết trước và đúng hạn", "Resolved early or on time")},
		{Key: "late", Label: l.S("Giải quyết quá hạn", "Resolved late")},
		{Key: "rate", Label: l.S("Tỷ lệ giải quyết đúng hạn (%)", "Resolved on time (%)"), Line: true}}
	for _, m := range d.Trend {
		k := m.Counters
		t.Labels = append(t.Labels, fmt.Sprintf("%02d/%d", m.Month, m.Year))
		for i, v := range []*float64{num(k.Received), num(k.ResolvedEarly + k.ResolvedOnTime), num(k.ResolvedLate),
			pct(monthOnTime(k))} {
			t.Series[i].Data = append(t.Series[i].Data, v)
		}
	}

	u := &c.Units
	u.Stacked = true
	u.Series = []chartSeries{{Key: "early", Label: l.S("Trước hạn", "Early")},
		{Key: "on_time", Label: l.S("Đúng hạn", "On time")}, {Key: "late", Label: l.S("Quá hạn", "Late")},
		{Key: "open", Label: l.S("Đang giải quyết trong hạn", "In progress, on time")},
		{Key: "open_late", Label: l.S("Đang giải quyết quá hạn", "In progress, late")}}
	for _, ln := range d.ByUnit {
		s := ln.Summary
		if s.ToProcess == 0 {
			continue // only refused or withdrawn before receipt: nothing to stack
		}
		u.Labels = append(u.Labels, unitName(l, d.UnitNames, ln.Value))
		for i, v := range []int{s.ResolvedEarly, s.ResolvedOnTime, s.ResolvedLate, s.InProgressOnTime, s.InProgressLate} {
			u.Series[i].Data = append(u.Series[i].Data, num(v))
		}
	}

	st := &c.Steps
	st.Stacked, st.Horizontal = true, true
	st.Series = []chartSeries{{Key: "late", Label: l.S("Quá hạn", "Late")},
		{Key: "on_time", Label: l.S("Đúng hạn", "On time")}}
	for i, x := range d.Steps {
		if i == maxChartSteps {
			break
		}
		st.Labels = append(st.Labels, []string{x.Name, nameOr(d.UnitNames, x.Unit)})
		st.Series[0].Data = append(st.Series[0].Data, num(x.Late))
		st.Series[1].Data = append(st.Series[1].Data, num(x.Finished-x.Late))
	}

	ix := &c.Index
	ix.Series = []chartSeries{{Key: "points", Label: l.S("Điểm đạt", "Points")},
		{Key: "attainable", Label: l.S("Tối đa đo được", "Attainable")}, {Key: "max", Label: l.S("Tối đa", "Maximum")}}
	for _, g := range d.Index766.Groups {
		ix.Labels = append(ix.Labels, l.S(g.Name, g.NameEN))
		for i, v := range []float64{g.Points, g.Attainable, g.Max} {
			ix.Series[i].Data = append(ix.Series[i].Data, &v)
		}
	}
	return c
}

func nameOr(names map[string]string, code string) string {
	if n := names[code]; n != "" {
		return n
	}
	return code
}
