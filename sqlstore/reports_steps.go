package sqlstore

import (
	"cmp"
	"context"
	"slices"

	"github.com/motcua/motcua/report"
)

// AddStepLateness counts internal steps the move finished (report.StepLateness of the
// dossier after the move, less those finished before it) on their finishing day.
func (t *DossierTx) AddStepLateness(steps []report.StepLate) error {
	slices.SortFunc(steps, func(a, b report.StepLate) int {
		return cmp.Or(a.FinishedOn.Compare(b.FinishedOn), cmp.Compare(a.Unit, b.Unit), cmp.Compare(a.Name, b.Name))
	})
	for _, s := range steps {
		late := 0
		if s.Late {
			late = 1
		}
		if err := t.tx.LaterContended(t.ctx, `INSERT INTO report_steps (day, unit, name, finished, late) VALUES (?, ?, ?, 1, ?)
			ON CONFLICT (day, unit, name) DO UPDATE SET finished = report_steps.finished + 1,
			late = report_steps.late + excluded.late`, dayKey(s.FinishedOn), s.Unit, s.Name, late); err != nil {
			return err
		}
	}
	return nil
}

// ReportBottlenecks tallies the internal steps finished in the period by (step, unit),
// the most late first, as report.Bottlenecks orders them. unit "" means every unit.
func (db *DB) ReportBottlenecks(ctx context.Context, p report.Period, unit string) ([]report.StepTally, error) {
	q := `SELECT name, unit, CAST(SUM(finished) AS BIGINT), CAST(SUM(late) AS BIGINT) FROM report_steps
		WHERE day >= ? AND day <= ?`
	args := []any{dayKey(p.From), dayKey(p.To)}
	if unit != "" {
		q += ` AND unit = ?`
		args = append(args, unit)
	}
	rows, err := db.query(ctx, q+` GROUP BY name, unit`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []report.StepTally{}
	for rows.Next() {
		var s report.StepTally
		if err := rows.Scan(&s.Name, &s.Unit, &s.Finished, &s.Late); err != nil {
			return nil, err
		}
		s.LateRate = report.RateOf(int64(s.Late), int64(s.Finished))
		out = append(out, s)
	}
	slices.SortFunc(out, func(a, b report.StepTally) int {
		return cmp.Or(cmp.Compare(b.Late, a.Late), cmp.Compare(b.LateRate.Percent, a.LateRate.Percent),
			cmp.Compare(a.Name, b.Name), cmp.Compare(a.Unit, b.Unit))
	})
	return out, rows.Err()
}
