package sqlstore

import (
	"cmp"
	"context"
	"slices"

	"github.com/motcua/motcua/calendar"
	"github.com/motcua/motcua/report"
)

// lateDelta changes the late counters of one bucket (see migration 0006): started counts
// on the day of late_from, ended on the finishing day of a dossier that had one.
type lateDelta struct {
	day            calendar.Date
	key            report.Key
	started, ended int
}

// lateDeltas is what the late counters change by when a fact goes from old to new.
func lateDeltas(old, new report.Fact) []lateDelta {
	var out []lateDelta
	add := func(day calendar.Date, k report.Key, started, ended int) {
		i := slices.IndexFunc(out, func(d lateDelta) bool { return d.day == day && d.key == k })
		if i < 0 {
			out = append(out, lateDelta{day: day, key: k})
			i = len(out) - 1
		}
		out[i].started += started
		out[i].ended += ended
	}
	for _, c := range []struct {
		f    report.Fact
		sign int
	}{{old, -1}, {new, 1}} {
		if c.f.LateFrom.IsZero() {
			continue
		}
		k := report.KeyOf(c.f)
		add(calendar.DateOf(c.f.LateFrom.In(calendar.Vietnam)), k, c.sign, 0)
		if !c.f.FinishedAt.IsZero() {
			add(calendar.DateOf(c.f.FinishedAt.In(calendar.Vietnam)), k, 0, c.sign)
		}
	}
	out = slices.DeleteFunc(out, func(d lateDelta) bool { return d.started == 0 && d.ended == 0 })
	slices.SortFunc(out, func(a, b lateDelta) int {
		return cmp.Or(a.day.Compare(b.day), cmp.Compare(a.key.Unit, b.key.Unit), cmp.Compare(a.key.Field, b.key.Field),
			cmp.Compare(a.key.Procedure, b.key.Procedure))
	})
	return out
}

// Prefix sums over every day before a date, whole months from the roll-up: the backlog
// carried over into a day, and the dossiers late in progress at its midnight
// (report.Fact.LateOpenAt; see migration 0006).
const (
	carriedExpr = "received - resolved_early - resolved_on_time - resolved_late - withdrawn - stopped"
	lateExpr    = "late_started - late_ended"
)

// prefixSum sums expr over every day before end, grouped by g.
func (db *DB) prefixSum(ctx context.Context, expr string, end calendar.Date, f ReportFilter, g groupBy) (map[string]int, error) {
	out := map[string]int{}
	for _, s := range beforeSpans(end) {
		table, col := "report_days", "day"
		if s.months {
			table, col = "report_months", "month"
		}
		sel, group := "", ""
		if g != groupNone {
			sel, group = string(g)+", ", " GROUP BY "+string(g)
		}
		cond, args := f.where("unit", "field", "procedure_code", []any{s.lo, s.hi})
		rows, err := db.query(ctx, `SELECT `+sel+`CAST(COALESCE(SUM(`+expr+`), 0) AS BIGINT) FROM `+
			table+` WHERE `+col+` >= ? AND `+col+` <= ?`+cond+group, args...)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var key string
			var n int
			dst := []any{&n}
			if g != groupNone {
				dst = []any{&key, &n}
			}
			if err := rows.Scan(dst...); err != nil {
				rows.Close()
				return nil, err
			}
			out[key] += n
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}
