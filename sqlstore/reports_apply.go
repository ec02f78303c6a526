package sqlstore

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/motcua/motcua/dossier"
	"github.com/motcua/motcua/report"
)

// upsertBuckets adds deltas to rows rows of table, keyed by keyCol and the report key,
// creating the rows that are new. The keys of one statement must differ. Every move runs
// one, so each shape is built once.
func upsertBuckets(table, keyCol string, rows int) string {
	shape := bucketShape{table, keyCol, rows}
	if q, ok := bucketStatements.Load(shape); ok {
		return q.(string)
	}
	q := buildUpsertBuckets(table, keyCol, rows)
	bucketStatements.Store(shape, q)
	return q
}

type bucketShape struct {
	table, keyCol string
	rows          int
}

var bucketStatements sync.Map // bucketShape → statement

func buildUpsertBuckets(table, keyCol string, rows int) string {
	sets := make([]string, len(counterColumns))
	for i, c := range counterColumns {
		sets[i] = c + " = " + table + "." + c + " + excluded." + c
	}
	return `INSERT INTO ` + table + ` (` + keyCol + `, unit, field, procedure_code, ` + strings.Join(counterColumns, ", ") +
		`) VALUES ` + valuesList(rows, 4+len(counterColumns)) + `
		ON CONFLICT (` + keyCol + `, unit, field, procedure_code) DO UPDATE SET ` + strings.Join(sets, ", ")
}

// ApplyReportDeltas adds deltas (report.Diff) to the day buckets and to the month roll-up
// in t. Rows are touched in key order, so that two moves on PostgreSQL lock shared
// buckets in the same order and never deadlock.
func (t *Tx) ApplyReportDeltas(ctx context.Context, deltas []report.Delta) error {
	type bucket struct {
		at  int
		key report.Key
	}
	cmpBucket := func(a, b bucket) int {
		return cmp.Or(cmp.Compare(a.at, b.at), cmp.Compare(a.key.Unit, b.key.Unit),
			cmp.Compare(a.key.Field, b.key.Field), cmp.Compare(a.key.Procedure, b.key.Procedure))
	}
	days, months := map[bucket]report.Counters{}, map[bucket]report.Counters{}
	for _, d := range deltas {
		for _, m := range []struct {
			into map[bucket]report.Counters
			at   int
		}{{days, dayKey(d.Day)}, {months, monthKey(d.Day)}} {
			b := bucket{m.at, d.Key}
			c := m.into[b]
			c.Add(d.Counters)
			m.into[b] = c
		}
	}
	// One statement per table; its rows in key order.
	for _, tbl := range []struct {
		rows         map[bucket]report.Counters
		table, keyed string
	}{{days, "report_days", "day"}, {months, "report_months", "month"}} {
		keys := make([]bucket, 0, len(tbl.rows))
		for b, c := range tbl.rows {
			if !c.IsZero() {
				keys = append(keys, b)
			}
		}
		if len(keys) == 0 {
			continue
		}
		slices.SortFunc(keys, cmpBucket)
		args := make([]any, 0, len(keys)*(4+len(counterColumns)))
		for _, b := range keys {
			args = append(append(args, b.at, b.key.Unit, b.key.Field, b.key.Procedure), counterValues(tbl.rows[b])...)
		}
		if err := t.LaterContended(ctx, upsertBuckets(tbl.table, tbl.keyed, len(keys)), args...); err != nil {
			return fmt.Errorf("sqlstore: report bucket: %w", err)
		}
	}
	return nil
}

// ReportFact is the fact the dossier's counters hold now; ok is false for a dossier that
// has contributed nothing yet (a draft, or one stored before the figures existed), whose
// fact is then zero but for Synced.
func (t *DossierTx) ReportFact() (f report.Fact, ok bool, err error) {
	return t.fact.decode(t.id)
}

// PutReportFact moves the dossier's counters from old to new (report.Diff) and keeps new
// beside the dossier, with the columns the backlog queries read. A move stores new with
// the dossier itself, in the same row write.
func (t *DossierTx) PutReportFact(old, new report.Fact) error {
	if err := t.tx.moveCounters(t.ctx, old, new); err != nil {
		return err
	}
	t.newFact = &new
	return nil
}

// moveFact moves a dossier's counters and late counters from old to new and keeps new.
func (t *Tx) moveFact(ctx context.Context, id int64, old, new report.Fact) error {
	if err := t.moveCounters(ctx, old, new); err != nil {
		return err
	}
	return t.writeReportFact(ctx, id, new)
}

func (t *Tx) moveCounters(ctx context.Context, old, new report.Fact) error {
	if err := t.ApplyReportDeltas(ctx, report.Diff(old, new)); err != nil {
		return err
	}
	return t.applyLateDeltas(ctx, lateDeltas(old, new))
}

func (t *Tx) reportFact(ctx context.Context, id int64) (f report.Fact, ok bool, err error) {
	var s storedFact
	if err := t.QueryRow(ctx, `SELECT report_fact, synced_at FROM dossiers WHERE id = ?`, id).Scan(&s.raw, &s.synced); err != nil {
		return f, false, err
	}
	return s.decode(id)
}

// storedFact is a dossier's report fact as its row holds it.
type storedFact struct {
	raw    sql.NullString
	synced sql.NullInt64
}

func (s storedFact) decode(id int64) (f report.Fact, ok bool, err error) {
	if !s.raw.Valid || s.raw.String == "" {
		// Nothing counted yet; a portal acknowledgment that came first is kept for the
		// fact to come.
		f.Synced = s.synced.Valid
		return f, false, nil
	}
	if err := json.Unmarshal([]byte(s.raw.String), &f); err != nil {
		return f, false, fmt.Errorf("sqlstore: dossier %d report fact: %w", id, err)
	}
	return f, true, nil
}

func (t *Tx) writeReportFact(ctx context.Context, id int64, f report.Fact) error {
	cols, err := factColumns(f)
	if err != nil {
		return err
	}
	return t.Later(ctx, `UPDATE dossiers SET `+factSet+` WHERE id = ?`, append(cols, id)...)
}

// factSet assigns the report fact's columns of a dossier row, in factColumns' order.
const factSet = `report_fact = ?, report_class = ?, report_unit = ?, report_field = ?, late_from = ?`

func factColumns(f report.Fact) ([]any, error) {
	body, err := json.Marshal(f)
	if err != nil {
		return nil, err
	}
	return []any{string(body), ReportClass(f), f.Unit, f.Field, nullMillis(f.LateFrom)}, nil
}

// ReportClass is the fact's class as the drill-down lists it: a resolved dossier is split
// by timing into resolved_early, resolved_on_time and resolved_late (CountersFor's split).
func ReportClass(f report.Fact) string {
	if f.Class != report.Resolved {
		return string(f.Class)
	}
	switch f.Timing {
	case dossier.Early:
		return "resolved_early"
	case dossier.OnTime:
		return "resolved_on_time"
	}
	return "resolved_late"
}
