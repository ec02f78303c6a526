package sqlstore

import (
	"context"
	"strconv"
	"strings"

	"github.com/motcua/motcua/calendar"
	"github.com/motcua/motcua/report"
)

// ReportFilter narrows the figures to a unit (the handling unit, report.HandlingUnit), a
// field and a procedure; empty fields do not filter.
type ReportFilter struct {
	Unit      string `json:"unit,omitempty"`
	Field     string `json:"field,omitempty"`
	Procedure string `json:"procedure,omitempty"`
}

// where adds the filter's conditions on the given columns.
func (f ReportFilter) where(unitCol, fieldCol, procCol string, args []any) (string, []any) {
	q := ""
	for _, c := range []struct{ col, v string }{{unitCol, f.Unit}, {fieldCol, f.Field}, {procCol, f.Procedure}} {
		if c.v != "" {
			q += ` AND ` + c.col + ` = ?`
			args = append(args, c.v)
		}
	}
	return q, args
}

// span is an inclusive range of keys of one bucket table.
type span struct {
	months bool // report_months (keys YYYYMM) rather than report_days (YYYYMMDD)
	lo, hi int
}

// periodSpans covers [from, to] with the months wholly inside it and the days at its
// edges.
func periodSpans(from, to calendar.Date) []span {
	if to.Before(from) {
		return nil
	}
	first := from
	if first.Day != 1 {
		first = calendar.D(from.Year, from.Month+1, 1)
	}
	lastMonth := calendar.D(to.Year, to.Month, 1) // first day of the last whole month
	if to.AddDays(1).Day != 1 {
		lastMonth = calendar.D(to.Year, to.Month-1, 1)
	}
	if lastMonth.Before(first) {
		return []span{{lo: dayKey(from), hi: dayKey(to)}}
	}
	out := []span{{months: true, lo: monthKey(first), hi: monthKey(lastMonth)}}
	if from.Before(first) {
		out = append(out, span{lo: dayKey(from), hi: dayKey(first.AddDays(-1))})
	}
	if after := calendar.D(lastMonth.Year, lastMonth.Month+1, 1); !to.Before(after) {
		out = append(out, span{lo: dayKey(after), hi: dayKey(to)})
	}
	return out
}

// beforeSpans covers every day before from: whole months from the roll-up, then the days
// of from's month before it.
func beforeSpans(from calendar.Date) []span {
	start := calendar.D(from.Year, from.Month, 1)
	out := []span{{months: true, lo: 0, hi: monthKey(start.AddDays(-1))}}
	if from.Day > 1 {
		out = append(out, span{lo: dayKey(start), hi: dayKey(from.AddDays(-1))})
	}
	return out
}

// groupBy names what sumBuckets groups by: "" (nothing), a key column, or "month".
type groupBy string

const (
	groupNone      groupBy = ""
	groupMonth     groupBy = "month"
	groupMonthUnit groupBy = "month_unit" // key "YYYYMM|unit"
)

func groupOf(dim report.Dimension) groupBy {
	switch dim {
	case report.ByUnit:
		return "unit"
	case report.ByField:
		return "field"
	}
	return "procedure_code"
}

// sumBuckets sums the counters over spans, grouped by g; the key of every group is its
// value as text ("" when not grouped, YYYYMM for months).
func (db *DB) sumBuckets(ctx context.Context, spans []span, f ReportFilter, g groupBy) (map[string]report.Counters, error) {
	out := map[string]report.Counters{}
	for _, s := range spans {
		table, col := "report_days", "day"
		if s.months {
			table, col = "report_months", "month"
		}
		sel, group := "", ""
		switch {
		case g == groupMonthUnit && s.months:
			sel, group = "month, unit, ", " GROUP BY month, unit"
		case g == groupMonthUnit:
			sel, group = "day / 100, unit, ", " GROUP BY day / 100, unit"
		case g == groupMonth && s.months:
			sel, group = "month, ", " GROUP BY month"
		case g == groupMonth:
			sel, group = "day / 100, ", " GROUP BY day / 100"
		case g != groupNone:
			sel, group = string(g)+", ", " GROUP BY "+string(g)
		}
		cond, args := f.where("unit", "field", "procedure_code", []any{s.lo, s.hi})
		rows, err := db.query(ctx, `SELECT `+sel+sumColumns+` FROM `+table+` WHERE `+col+` >= ? AND `+col+` <= ?`+cond+group, args...)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var key, unit string
			var c report.Counters
			dst := counterFields(&c)
			switch g {
			case groupNone:
			case groupMonthUnit:
				dst = append([]any{&key, &unit}, dst...)
			default:
				dst = append([]any{&key}, dst...)
			}
			if err := rows.Scan(dst...); err != nil {
				rows.Close()
				return nil, err
			}
			if g == groupMonthUnit {
				key += "|" + unit
			}
			sum := out[key]
			sum.Add(c)
			out[key] = sum
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// ReportCounters sums the counters of the period: its whole months from the roll-up, its
// edge days from the day buckets.
func (db *DB) ReportCounters(ctx context.Context, p report.Period, f ReportFilter) (report.Counters, error) {
	sums, err := db.sumBuckets(ctx, periodSpans(p.From, p.To), f, groupNone)
	return sums[""], err
}

// ReportDays lists the period's counters day by day, summed over the keys the filter
// leaves, oldest first; days without any counter are left out.
func (db *DB) ReportDays(ctx context.Context, p report.Period, f ReportFilter) ([]report.DayCounters, error) {
	cond, args := f.where("unit", "field", "procedure_code", []any{dayKey(p.From), dayKey(p.To)})
	rows, err := db.query(ctx, `SELECT day, `+sumColumns+` FROM report_days WHERE day >= ? AND day <= ?`+cond+
		` GROUP BY day ORDER BY day`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []report.DayCounters
	for rows.Next() {
		var day int
		var c report.Counters
		if err := rows.Scan(append([]any{&day}, counterFields(&c)...)...); err != nil {
			return nil, err
		}
		if c.IsZero() { // a day that holds only late counters (see migration 0006)
			continue
		}
		out = append(out, report.DayCounters{Day: dateOfDayKey(day), Counters: c})
	}
	return out, rows.Err()
}

// ReportMonths is the period's trend month by month (report.Months), every month of the
// period listed, the backlog carried along from the period's start. A month cut by the
// period's edges counts only its days inside it.
func (db *DB) ReportMonths(ctx context.Context, p report.Period, f ReportFilter) ([]report.Month, error) {
	if p.To.Before(p.From) {
		return nil, nil
	}
	sums, err := db.sumBuckets(ctx, periodSpans(p.From, p.To), f, groupMonth)
	if err != nil {
		return nil, err
	}
	opening, err := db.carriedOver(ctx, p, f)
	if err != nil {
		return nil, err
	}
	// The two ends make report.Months list every month, even empty ones at the edges.
	days := []report.DayCounters{{Day: p.From}, {Day: p.To}}
	for k, c := range sums {
		m, err := strconv.Atoi(k)
		if err != nil {
			return nil, err
		}
		days = append(days, report.DayCounters{Day: dateOfMonthKey(m), Counters: c})
	}
	return report.Months(days, opening), nil
}

// MonthUnit is the counters of one handling unit in one month of a period (the part of
// the month inside the period).
type MonthUnit struct {
	Month    calendar.Date // its first day
	Unit     string
	Counters report.Counters
}

// ReportMonthsByUnit is the period's counters by month and unit, with the backlogs by
// unit: a dashboard's trend and by-unit table from one pass over the buckets.
func (db *DB) ReportMonthsByUnit(ctx context.Context, p report.Period, f ReportFilter) ([]MonthUnit,
	map[string]report.Backlog, error) {
	sums, err := db.sumBuckets(ctx, periodSpans(p.From, p.To), f, groupMonthUnit)
	if err != nil {
		return nil, nil, err
	}
	backlogs, err := db.backlogs(ctx, p, f, groupOf(report.ByUnit))
	if err != nil {
		return nil, nil, err
	}
	out := make([]MonthUnit, 0, len(sums))
	for k, c := range sums {
		if c.IsZero() {
			continue
		}
		month, unit, _ := strings.Cut(k, "|")
		m, err := strconv.Atoi(month)
		if err != nil {
			return nil, nil, err
		}
		out = append(out, MonthUnit{Month: dateOfMonthKey(m), Unit: unit, Counters: c})
	}
	return out, backlogs, nil
}
