package sqlstore

import (
	"context"

	"github.com/motcua/motcua/report"
)

// ReportBacklog is what the period's own buckets cannot say: the dossiers carried over
// from before it (report.CarriedOver of every earlier day's counters) and those open and
// late at its end (the late counters of every earlier day, see migration 0006; the
// indexed late_from query of the report package documentation gives the same number and
// serves the drill-down list).
func (db *DB) ReportBacklog(ctx context.Context, p report.Period, f ReportFilter) (report.Backlog, error) {
	b, err := db.backlogs(ctx, p, f, groupNone)
	return b[""], err
}

// backlogs are the period's backlogs grouped by g; groups with none are left out.
func (db *DB) backlogs(ctx context.Context, p report.Period, f ReportFilter, g groupBy) (map[string]report.Backlog, error) {
	carried, err := db.prefixSum(ctx, carriedExpr, p.From, f, g)
	if err != nil {
		return nil, err
	}
	late, err := db.prefixSum(ctx, lateExpr, p.To.AddDays(1), f, g)
	if err != nil {
		return nil, err
	}
	out := map[string]report.Backlog{}
	for v, n := range carried {
		if n != 0 {
			out[v] = report.Backlog{CarriedOver: n}
		}
	}
	for v, n := range late {
		if n != 0 {
			b := out[v]
			b.LateAtEnd = n
			out[v] = b
		}
	}
	return out, nil
}

func (db *DB) carriedOver(ctx context.Context, p report.Period, f ReportFilter) (int, error) {
	n, err := db.prefixSum(ctx, carriedExpr, p.From, f, groupNone)
	return n[""], err
}

// ReportGrouped is the period's counters and backlogs along dim, by the dimension's value:
// what a breakdown is made of, and summed, the period's totals.
func (db *DB) ReportGrouped(ctx context.Context, p report.Period, f ReportFilter, dim report.Dimension) ([]report.Row,
	map[string]report.Backlog, error) {
	g := groupOf(dim)
	sums, err := db.sumBuckets(ctx, periodSpans(p.From, p.To), f, g)
	if err != nil {
		return nil, nil, err
	}
	backlogs, err := db.backlogs(ctx, p, f, g)
	if err != nil {
		return nil, nil, err
	}
	rows := make([]report.Row, 0, len(sums))
	for v, c := range sums {
		if c.IsZero() { // buckets whose dossiers all moved elsewhere
			continue
		}
		var k report.Key
		switch dim {
		case report.ByUnit:
			k.Unit = v
		case report.ByField:
			k.Field = v
		default:
			k.Procedure = v
		}
		rows = append(rows, report.Row{Key: k, Counters: c})
	}
	return rows, backlogs, nil
}

// ReportBreakdown summarises the period along dim (unit, field or procedure), each value
// with its own backlog; lines come sorted by value (report.Breakdown).
func (db *DB) ReportBreakdown(ctx context.Context, p report.Period, f ReportFilter, dim report.Dimension) ([]report.Line, error) {
	rows, backlogs, err := db.ReportGrouped(ctx, p, f, dim)
	if err != nil {
		return nil, err
	}
	return report.Breakdown(rows, dim, backlogs), nil
}
