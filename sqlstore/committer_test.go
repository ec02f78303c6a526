package sqlstore_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"

	"github.com/motcua/motcua/sqlstore"
	"github.com/motcua/motcua/sqlstore/sqlstoretest"
)

// TestConcurrentTransactionsAreEachAllOrNothing runs many small write transactions at
// once, as SQLite's writer groups them into shared commits: every third one fails after
// writing, every seventh breaks a unique key through a queued write (Later). Exactly the
// rows of the transactions that succeeded are kept, on both engines.
func TestConcurrentTransactionsAreEachAllOrNothing(t *testing.T) {
	sqlstoretest.EachDB(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		if err := db.ExecForTest(ctx, `CREATE TABLE scratch (k TEXT PRIMARY KEY, n INTEGER NOT NULL)`); err != nil {
			t.Fatal(err)
		}
		if err := db.ExecForTest(ctx, `INSERT INTO scratch (k, n) VALUES ('taken', 0)`); err != nil {
			t.Fatal(err)
		}
		const workers, each = 8, 40
		boom := errors.New("boom")
		var mu sync.Mutex
		want := map[string]bool{"taken": true}
		var wg sync.WaitGroup
		for w := range workers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := range each {
					n := w*each + i
					err := db.InTx(ctx, func(tx *sqlstore.Tx) error {
						for _, k := range []string{fmt.Sprintf("a%d", n), fmt.Sprintf("b%d", n)} {
							if err := tx.Later(ctx, `INSERT INTO scratch (k, n) VALUES (?, ?)`, k, n); err != nil {
								return err
							}
						}
						if n%7 == 0 {
							if err := tx.Later(ctx, `INSERT INTO scratch (k, n) VALUES ('taken', ?)`, n); err != nil {
								return err
							}
						}
						// A read in the transaction sees its own queued writes.
						var c int
						if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM scratch WHERE n = ?`, n).Scan(&c); err != nil {
							return err
						}
						if c != 2 {
							return fmt.Errorf("transaction %d sees %d of its rows", n, c)
						}
						if n%3 == 0 {
							return boom
						}
						return nil
					})
					switch {
					case n%7 == 0 && err == nil:
						t.Errorf("transaction %d broke a key and committed", n)
					case n%7 != 0 && n%3 == 0 && !errors.Is(err, boom):
						t.Errorf("transaction %d: %v, want boom", n, err)
					case n%7 != 0 && n%3 != 0 && err != nil:
						t.Errorf("transaction %d: %v", n, err)
					case err == nil:
						mu.Lock()
						want[fmt.Sprintf("a%d", n)], want[fmt.Sprintf("b%d", n)] = true, true
						mu.Unlock()
					}
				}
			}()
		}
		wg.Wait()
		rows, err := db.QueryForTest(ctx, `SELECT k FROM scratch`)
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]bool{}
		for _, k := range rows {
			got[k] = true
		}
		if len(got) != len(want) {
			t.Fatalf("%d rows kept, want %d", len(got), len(want))
		}
		for k := range want {
			if !got[k] {
				t.Fatalf("row %s of a committed transaction is missing", k)
			}
		}
	})
}

// TestPanickingTransactionFailsAlone: a transaction whose work panics fails with an error,
// leaves nothing, and the writer goes on serving the others.
func TestPanickingTransactionFailsAlone(t *testing.T) {
	sqlstoretest.EachDB(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		if err := db.ExecForTest(ctx, `CREATE TABLE scratch (k TEXT PRIMARY KEY)`); err != nil {
			t.Fatal(err)
		}
		var wg sync.WaitGroup
		errs := make([]error, 20)
		for i := range errs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				defer func() {
					if p := recover(); p != nil { // PostgreSQL runs fn on the caller's goroutine
						errs[i] = fmt.Errorf("panic: %v", p)
					}
				}()
				errs[i] = db.InTx(ctx, func(tx *sqlstore.Tx) error {
					if err := tx.Later(ctx, `INSERT INTO scratch (k) VALUES (?)`, fmt.Sprint(i)); err != nil {
						return err
					}
					if i%5 == 0 {
						panic("boom")
					}
					return nil
				})
			}()
		}
		wg.Wait()
		for i, err := range errs {
			if (i%5 == 0) != (err != nil) {
				t.Fatalf("transaction %d: %v", i, err)
			}
		}
		rows, err := db.QueryForTest(ctx, `SELECT k FROM scratch`)
		if err != nil || len(rows) != 16 {
			t.Fatalf("%d rows kept, want 16 (%v)", len(rows), err)
		}
	})
}
