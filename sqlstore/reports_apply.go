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

	"github.com/motcua/motcua/calendar"
	"github.com/motcua/motcua/dossier"
	"github.com/motcua/motcua/report"
)

// upsertBuckets adds deltas to rows rows of table, keyed by keyCol and the report key,
// creating the rows that are new: the counters and the late counters (bucketColumns).
// The keys of one statement must differ. Every move runs one, so each shape is built once.
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

// bucketColumns are the columns a move adds to: the counters, then the late counters.
var bucketColumns = append(slices.Clip(counterColumns), "late_started", "late_ended")

func buildUpsertBuckets(table, keyCol string, rows int) string {
	sets := make([]string, len(bucketColumns))
	for i, c := range bucketColumns {
		sets[i] = c + " = " + table + "." + c + " + excluded." + c
	}
	return `INSERT INTO ` + table + ` (` + keyCol + `, unit, field, procedure_code, ` + strings.Join(bucketColumns, ", ") +
		`) VALUES ` + valuesList(rows, 4+len(bucketColumns)) + `
		ON CONFLICT (` + keyCol + `, unit, field, procedure_code) DO UPDATE SET ` + strings.Join(sets, ", ")
}

// ApplyReportDeltas adds deltas (report.Diff) to the day buckets and to the month roll-up
// in t (see applyBuckets).
func (t *Tx) ApplyReportDeltas(ctx context.Context, deltas []report.Delta) error {
	return t.applyBuckets(ctx, deltas, nil)
}

// bucketChange is what a move adds to one bucket: counters, and late counters (see
// migration 0006: started on the day of late_from, ended on the finishing day).
type bucketChange struct {
	counters       report.Counters
	started, ended int
}

func (c bucketChange) isZero() bool { return c == bucketChange{} }

// applyBuckets adds deltas and late deltas to the day buckets and to the month roll-up:
// one statement per table, its rows in key order, so that two moves on PostgreSQL lock
// shared buckets in the same order and never deadlock.
func (t *Tx) applyBuckets(ctx context.Context, deltas []report.Delta, late []lateDelta) error {
	type bucket struct {
		at  int
		key report.Key
	}
	cmpBucket := func(a, b bucket) int {
		return cmp.Or(cmp.Compare(a.at, b.at), cmp.Compare(a.key.Unit, b.key.Unit),
			cmp.Compare(a.key.Field, b.key.Field), cmp.Compare(a.key.Procedure, b.key.Procedure))
	}
	days, months := map[bucket]bucketChange{}, map[bucket]bucketChange{}
	add := func(day calendar.Date, key report.Key, change func(*bucketChange)) {
		for _, m := range [...]struct {
			into map[bucket]bucketChange
			at   int
		}{{days, dayKey(day)}, {months, monthKey(day)}} {
			b := bucket{m.at, key}
			c := m.into[b]
			change(&c)
			m.into[b] = c
		}
	}
	for _, d := range deltas {
		add(d.Day, d.Key, func(c *bucketChange) { c.counters.Add(d.Counters) })
	}
	for _, d := range late {
		add(d.day, d.key, func(c *bucketChange) { c.started += d.started; c.ended += d.ended })
	}
	for _, tbl := range []struct {
		rows         map[bucket]bucketChange
		table, keyed string
	}{{days, "report_days", "day"}, {months, "report_months", "month"}} {
		keys := make([]bucket, 0, len(tbl.rows))
		for b, c := range tbl.rows {
			if !c.isZero() {
				keys = append(keys, b)
			}
		}
		if len(keys) == 0 {
			continue
		}
		slices.SortFunc(keys, cmpBucket)
		args := make([]any, 0, len(keys)*(4+len(bucketColumns)))
		for _, b := range keys {
			c := tbl.rows[b]
			args = append(append(args, b.at, b.key.Unit, b.key.Field, b.key.Procedure), counterValues(c.counters)...)
			args = append(args, c.started, c.ended)
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
	return t.applyBuckets(ctx, report.Diff(old, new), lateDeltas(old, new))
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
