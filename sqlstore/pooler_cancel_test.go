package sqlstore_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/motcua/motcua/sqlstore"
	"github.com/motcua/motcua/sqlstore/sqlstoretest"
)

// TestGivingUpThroughAPoolerHarmsNoOne: through PgBouncer in transaction mode, statements
// whose callers give up on them half way (short deadlines) leave the transactions of
// everyone else on the same few server connections unharmed: each commits, and the counts
// they kept add up.
func TestGivingUpThroughAPoolerHarmsNoOne(t *testing.T) {
	dsn := sqlstoretest.PostgresDSN(t)
	sqlstoretest.Open(t, dsn) // migrates the schema
	db := sqlstoretest.Open(t, sqlstoretest.PgBouncer(t, dsn, "transaction", 3))
	// A bound on the whole test: broken connections pile up in the pooler until every
	// request waits (checked with the driver's own way of giving up).
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	const workers = 8
	if err := db.ExecForTest(ctx, `CREATE TABLE tally (n INT PRIMARY KEY, hits INT NOT NULL)`); err != nil {
		t.Fatal(err)
	}
	if err := db.ExecForTest(ctx, `INSERT INTO tally SELECT g, 0 FROM generate_series(0, ?) g`, workers-1); err != nil {
		t.Fatal(err)
	}
	var committed, gaveUp atomic.Int64
	var mu sync.Mutex
	var failures []error
	var wg, giving sync.WaitGroup
	done := make(chan struct{})
	for i := range workers {
		wg.Go(func() {
			for range 40 {
				err := db.InTx(ctx, func(tx *sqlstore.Tx) error {
					if _, err := tx.Exec(ctx, `UPDATE tally SET hits = hits + 1 WHERE n = ?`, i); err != nil {
						return err
					}
					var hits int
					return tx.QueryRow(ctx, `SELECT hits FROM tally WHERE n = ?`, i).Scan(&hits)
				})
				if err != nil {
					mu.Lock()
					failures = append(failures, err)
					mu.Unlock()
					continue
				}
				committed.Add(1)
			}
		})
	}
	for range 4 {
		giving.Go(func() {
			for {
				select {
				case <-done:
					return
				default:
				}
				short, cancel := context.WithTimeout(ctx, 3*time.Millisecond)
				db.QueryForTest(short, `SELECT CAST(pg_sleep(0.02) AS TEXT)`)
				// Read before cancel, which would end the context whatever happened.
				if errors.Is(short.Err(), context.DeadlineExceeded) {
					gaveUp.Add(1)
				}
				cancel()
			}
		})
	}
	wg.Wait()
	close(done)
	giving.Wait()
	if len(failures) > 0 {
		t.Fatalf("%d of %d transactions failed beside statements given up on; first: %v",
			len(failures), int64(len(failures))+committed.Load(), failures[0])
	}
	sum, err := db.QueryForTest(ctx, `SELECT CAST(SUM(hits) AS TEXT) FROM tally`)
	if err != nil || sum[0] != fmt.Sprint(committed.Load()) {
		t.Fatalf("the tally holds %v (%v); %d transactions committed", sum, err, committed.Load())
	}
	if gaveUp.Load() == 0 {
		t.Fatal("no statement was given up on")
	}
	t.Logf("%d transactions committed beside %d statements given up on", committed.Load(), gaveUp.Load())
}

// TestGivingUpThroughAPoolerIsBounded: a statement given up on through the pooler that
// would run on for half a minute is broken off once its grace is over; the caller does not
// wait for the end.
func TestGivingUpThroughAPoolerIsBounded(t *testing.T) {
	dsn := sqlstoretest.PostgresDSN(t)
	sqlstoretest.Open(t, dsn) // migrates the schema
	db := sqlstoretest.Open(t, sqlstoretest.PgBouncer(t, dsn, "transaction", 2))
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := db.QueryForTest(ctx, `SELECT CAST(pg_sleep(30) AS TEXT)`)
	if took := time.Since(start); err == nil || took > 20*time.Second {
		t.Fatalf("a 30 s statement given up on after 100 ms: %v after %s", err, took)
	}
	// The pooler serves the next caller.
	if got, err := db.QueryForTest(context.Background(), `SELECT 'next'`); err != nil || got[0] != "next" {
		t.Fatalf("after the statement broken off: %v %v", got, err)
	}
}
