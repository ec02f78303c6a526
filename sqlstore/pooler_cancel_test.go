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
// wait for the end. Breaking it off sends a cancel request through the pooler: it reaches
// the server process running that statement, which stops, and the transactions others
// run meanwhile on the pooler's other server connection all commit.
func TestGivingUpThroughAPoolerIsBounded(t *testing.T) {
	dsn := sqlstoretest.PostgresDSN(t)
	direct := sqlstoretest.Open(t, dsn) // migrates the schema
	db := sqlstoretest.Open(t, sqlstoretest.PgBouncer(t, dsn, "transaction", 2))
	bg := context.Background()
	if err := db.ExecForTest(bg, `CREATE TABLE tally (n INT PRIMARY KEY, hits INT NOT NULL)`); err != nil {
		t.Fatal(err)
	}
	if err := db.ExecForTest(bg, `INSERT INTO tally VALUES (0, 0)`); err != nil {
		t.Fatal(err)
	}
	const stuck = `SELECT CAST(pg_sleep(30) AS TEXT) /* given up on */`
	running := func() string { // how many run the statement on the server, or the error reading it
		n, err := direct.QueryForTest(bg, `SELECT CAST(COUNT(*) AS TEXT) FROM pg_stat_activity
			WHERE state = 'active' AND query = ?`, stuck)
		if err != nil {
			return err.Error()
		}
		return n[0]
	}

	var committed atomic.Int64
	var mu sync.Mutex
	var failures []error
	var workers sync.WaitGroup
	done := make(chan struct{})
	for range 4 {
		workers.Go(func() {
			for {
				select {
				case <-done:
					return
				default:
				}
				err := db.InTx(bg, func(tx *sqlstore.Tx) error {
					_, err := tx.Exec(bg, `UPDATE tally SET hits = hits + 1 WHERE n = 0`)
					return err
				})
				if err != nil {
					mu.Lock()
					failures = append(failures, err)
					mu.Unlock()
					return
				}
				committed.Add(1)
			}
		})
	}

	ctx, cancel := context.WithTimeout(bg, 100*time.Millisecond)
	defer cancel()
	seen := make(chan string, 1)
	time.AfterFunc(time.Second, func() { seen <- running() }) // within the grace
	start := time.Now()
	_, err := db.QueryForTest(ctx, stuck)
	took := time.Since(start)
	if n := <-seen; n != "1" {
		t.Fatalf("%s statements given up on were running on the server during the grace; want 1", n)
	}
	if err == nil || took > 20*time.Second {
		t.Fatalf("a 30 s statement given up on after 100 ms: %v after %s", err, took)
	}
	// The server process running it was told to stop.
	for i := 0; ; i++ {
		n := running()
		if n == "0" {
			break
		}
		if i == 50 {
			t.Fatalf("the statement broken off after %s still runs on the server %s later (%s)", took, time.Since(start)-took, n)
		}
		time.Sleep(100 * time.Millisecond)
	}
	time.Sleep(300 * time.Millisecond) // others go on past the break-off
	close(done)
	workers.Wait()
	if len(failures) > 0 {
		t.Fatalf("%d transactions failed beside the statement broken off; first: %v", len(failures), failures[0])
	}
	if committed.Load() == 0 {
		t.Fatal("no transaction ran beside the statement given up on")
	}
	// The pooler serves the next caller.
	if got, err := db.QueryForTest(bg, `SELECT 'next'`); err != nil || got[0] != "next" {
		t.Fatalf("after the statement broken off: %v %v", got, err)
	}
	t.Logf("broken off after %s; %d transactions committed meanwhile", took, committed.Load())
}
