package service

import (
	"context"

	"github.com/motcua/motcua/report"
	"github.com/motcua/motcua/sqlstore"
)

// Dashboard is what the leaders' dashboard page shows for a period and scope.
type Dashboard struct {
	Period   report.Period         `json:"period"`
	Filter   sqlstore.ReportFilter `json:"filter"`
	Summary  report.Summary        `json:"summary"`
	Index766 report.Index766       `json:"index766"`
	Trend    []report.Month        `json:"trend"`   // month by month
	ByUnit   []report.Line         `json:"by_unit"` // by handling unit
}

// Dashboard answers the whole page with one pass over the buckets: the period's counters
// by month and unit (sqlstore.DB.ReportMonthsByUnit) give the trend, the by-unit table
// and, summed, the totals; the answers equal those of Summary, Index766, ReportMonths
// and ReportBreakdown by unit.
func (r Reports) Dashboard(ctx context.Context, p report.Period, f sqlstore.ReportFilter) (Dashboard, error) {
	out := Dashboard{Period: p, Filter: f}
	cells, backlogs, err := r.DB.ReportMonthsByUnit(ctx, p, f)
	if err != nil {
		return out, err
	}
	var c report.Counters
	byUnit := map[string]*report.Counters{}
	// The period's two ends make report.Months list every month, empty ones too.
	months := []report.DayCounters{{Day: p.From}, {Day: p.To}}
	for _, cell := range cells {
		c.Add(cell.Counters)
		if byUnit[cell.Unit] == nil {
			byUnit[cell.Unit] = &report.Counters{}
		}
		byUnit[cell.Unit].Add(cell.Counters)
		months = append(months, report.DayCounters{Day: cell.Month, Counters: cell.Counters})
	}
	rows := make([]report.Row, 0, len(byUnit))
	for u, uc := range byUnit {
		rows = append(rows, report.Row{Key: report.Key{Unit: u}, Counters: *uc})
	}
	var b report.Backlog
	for _, x := range backlogs {
		b.CarriedOver += x.CarriedOver
		b.LateAtEnd += x.LateAtEnd
	}
	cat, err := r.DB.CatalogStats(ctx, p.End())
	if err != nil {
		return out, err
	}
	src, err := r.Sources(ctx, p)
	if err != nil {
		return out, err
	}
	out.Summary = report.Summarize(c, b, cat)
	out.Index766 = report.Compute766(report.InputsFrom(c, cat, src))
	out.Trend = report.Months(months, b.CarriedOver)
	out.ByUnit = report.Breakdown(rows, report.ByUnit, backlogs)
	return out, nil
}
