package sqlstore

import (
	"context"
	"fmt"
	"strings"
	"sync/atomic"
	"time"
)

// ExecForTest lets the external tests damage stored data the way an intruder with direct
// database access would.
func (db *DB) ExecForTest(ctx context.Context, q string, args ...any) error {
	_, err := db.exec(ctx, q, args...)
	return err
}

// QueryForTest reads one text column of every row q returns.
func (db *DB) QueryForTest(ctx context.Context, q string, args ...any) ([]string, error) {
	return scanTexts(db.query(ctx, q, args...))
}

// ListPlanForTest is the plan the engine picks for the page of dossiers f selects.
func (db *DB) ListPlanForTest(ctx context.Context, f DossierFilter) (string, error) {
	q, err := buildDossierQuery(f, db.Engine)
	if err != nil {
		return "", err
	}
	text, args := q.page()
	return db.planForTest(ctx, text, args)
}

// ReceivedPlanForTest is the plan the engine picks for the tracking book's dossiers.
func (db *DB) ReceivedPlanForTest(ctx context.Context, unit string, from, to time.Time) (string, error) {
	text, args := receivedQuery(unit, from, to, 50)
	return db.planForTest(ctx, text, args)
}

// The lookups by code and by idempotency key, for their plans.
const (
	DossierByCodeForTest = dossierByCode
	DraftByKeyForTest    = draftByKey
)

var planSeq atomic.Int64

// PlanForTest is the plan the engine picks for q.
func (db *DB) PlanForTest(ctx context.Context, q string, args ...any) (string, error) {
	return db.planForTest(ctx, q, args)
}

// planForTest explains q, one line per step. On PostgreSQL a sequential scan is priced
// out, so that on a test's few rows the plan shows the index the query can use, if any,
// and the plan is the generic one a prepared statement settles on, which must choose its
// indexes without the parameters' values.
func (db *DB) planForTest(ctx context.Context, q string, args []any) (plan string, err error) {
	err = db.InTx(ctx, func(tx *Tx) (err error) {
		explain := "EXPLAIN QUERY PLAN " + q
		if db.Engine == Postgres {
			// PREPARE outlives a rolled-back transaction: each plan has a name of its own, so
			// one left on a pooled connection by a failed EXPLAIN never collides with the next.
			name := fmt.Sprintf("plan_for_test_%d", planSeq.Add(1))
			for _, set := range []string{"SET LOCAL enable_seqscan = off", "SET LOCAL plan_cache_mode = force_generic_plan",
				"PREPARE " + name + " AS " + db.bind(q)} {
				if _, err := tx.Exec(ctx, set); err != nil {
					return err
				}
			}
			values := make([]string, len(args))
			for i, a := range args {
				values[i] = fmt.Sprint(a)
				if s, ok := a.(string); ok {
					values[i] = "'" + strings.ReplaceAll(s, "'", "''") + "'"
				}
			}
			explain, args = "EXPLAIN EXECUTE "+name+"("+strings.Join(values, ", ")+")", nil
			defer func() {
				if _, dealloc := tx.Exec(ctx, "DEALLOCATE "+name); err == nil {
					err = dealloc
				}
			}()
		}
		rows, err := tx.Query(ctx, explain, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		cols, err := rows.Columns()
		if err != nil {
			return err
		}
		for rows.Next() {
			cells := make([]any, len(cols))
			for i := range cells {
				cells[i] = new(any)
			}
			if err := rows.Scan(cells...); err != nil {
				return err
			}
			plan += fmt.Sprint(*cells[len(cells)-1].(*any)) + "\n"
		}
		return rows.Err()
	})
	return plan, err
}

// SetSweepChunkTimeForTest bounds db's sweep chunks' deletes to d.
func (db *DB) SetSweepChunkTimeForTest(d time.Duration) { db.sweepChunkTime = d }
