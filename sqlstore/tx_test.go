package sqlstore_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/motcua/motcua/sqlstore"
	"github.com/motcua/motcua/sqlstore/sqlstoretest"
)

// A row that is not there is an answer, not a failure: the transaction goes on and
// commits what it writes next.
func TestNoRowsLeavesTheTransactionUsable(t *testing.T) {
	sqlstoretest.EachDB(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		if err := db.ExecForTest(ctx, `CREATE TABLE scratch (k TEXT PRIMARY KEY)`); err != nil {
			t.Fatal(err)
		}
		err := db.InTx(ctx, func(tx *sqlstore.Tx) error {
			var k string
			if err := tx.QueryRow(ctx, `SELECT k FROM scratch WHERE k = ?`, "none").Scan(&k); !errors.Is(err, sql.ErrNoRows) {
				return fmt.Errorf("missing row: %v, want sql.ErrNoRows", err)
			}
			if _, err := tx.Exec(ctx, `INSERT INTO scratch (k) VALUES (?)`, "one"); err != nil {
				return err
			}
			return tx.QueryRow(ctx, `SELECT k FROM scratch WHERE k = ?`, "one").Scan(&k)
		})
		if err != nil {
			t.Fatal(err)
		}
		if rows, err := db.QueryForTest(ctx, `SELECT k FROM scratch`); err != nil || len(rows) != 1 {
			t.Fatalf("rows %v (%v), want [one]", rows, err)
		}
	})
}

// Transactions that fail on the server, before or while running a statement, in their
// first statement or after writes, leave nothing behind: many more of them than the pool holds, and every transaction after them
// still commits. (pgx would also drop a pooled connection left in a transaction;
// TestAbortedTransactionIsRolledBack checks that none is left so.)
func TestFailedTransactionsLeaveCleanConnections(t *testing.T) {
	sqlstoretest.EachDB(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		if err := db.ExecForTest(ctx, `CREATE TABLE scratch (k TEXT PRIMARY KEY)`); err != nil {
			t.Fatal(err)
		}
		for i := range 60 {
			err := db.InTx(ctx, func(tx *sqlstore.Tx) error {
				if i%2 == 1 {
					if err := tx.Later(ctx, `INSERT INTO scratch (k) VALUES (?)`, fmt.Sprint("lost", i)); err != nil {
						return err
					}
				}
				var n int
				// Every third fails before running (no such column); the others fail while
				// running (a division by zero; on SQLite, a NULL that does not scan), after
				// their queued writes.
				if i%3 == 0 {
					return tx.QueryRow(ctx, `SELECT no_such_column FROM scratch`).Scan(&n)
				}
				return tx.QueryRow(ctx, `SELECT 1 / (count(*) - count(*)) FROM scratch`).Scan(&n)
			})
			if err == nil {
				t.Fatalf("transaction %d succeeded", i)
			}
		}
		for i := range 60 {
			if err := db.InTx(ctx, func(tx *sqlstore.Tx) error {
				return tx.Later(ctx, `INSERT INTO scratch (k) VALUES (?)`, fmt.Sprint("kept", i))
			}); err != nil {
				t.Fatalf("transaction %d after the failures: %v", i, err)
			}
		}
		if rows, err := db.QueryForTest(ctx, `SELECT k FROM scratch`); err != nil || len(rows) != 60 {
			t.Fatalf("%d rows (%v), want the 60 kept", len(rows), err)
		}
	})
}

// A PostgreSQL transaction the server aborted is rolled back before its connection goes
// back to the pool.
func TestAbortedTransactionIsRolledBack(t *testing.T) {
	db := sqlstoretest.Open(t, sqlstoretest.PostgresDSN(t))
	status, err := db.AbortedTxStatusForTest(context.Background())
	if err != nil || status != 'I' {
		t.Fatalf("connection status %q (%v), want idle", status, err)
	}
}

// A write to rows every receipt writes (LaterContended) goes to PostgreSQL after the
// transaction's other writes, so its row is held only for the end of the transaction;
// a read still sees it. SQLite runs every write at once, in order.
func TestContendedWritesGoLast(t *testing.T) {
	sqlstoretest.EachDB(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		if err := db.ExecForTest(ctx, `CREATE TABLE scratch_order (n INTEGER PRIMARY KEY, k TEXT NOT NULL)`); err != nil {
			t.Fatal(err)
		}
		// Each write numbers itself by the rows before it: the order the server ran them in.
		const write = `INSERT INTO scratch_order (n, k) SELECT COUNT(*), ? FROM scratch_order`
		var seen int
		err := db.InTx(ctx, func(tx *sqlstore.Tx) error {
			for _, w := range []struct {
				k         string
				contended bool
			}{{"a", false}, {"hot1", true}, {"b", false}, {"hot2", true}} {
				later := tx.Later
				if w.contended {
					later = tx.LaterContended
				}
				if err := later(ctx, write, w.k); err != nil {
					return err
				}
			}
			if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM scratch_order`).Scan(&seen); err != nil {
				return err
			}
			for _, k := range []string{"c", "d"} {
				if err := tx.Later(ctx, write, k); err != nil {
					return err
				}
			}
			return tx.LaterContended(ctx, write, "hot3")
		})
		if err != nil {
			t.Fatal(err)
		}
		order, err := db.QueryForTest(ctx, `SELECT k FROM scratch_order ORDER BY n`)
		if err != nil {
			t.Fatal(err)
		}
		want := "a hot1 b hot2 c d hot3"
		if db.Engine == sqlstore.Postgres {
			want = "a b hot1 hot2 c d hot3"
		}
		if got := strings.Join(order, " "); got != want || seen != 4 {
			t.Fatalf("ran %q, a read in between saw %d rows; want %q and 4", got, seen, want)
		}

		// The last write is still the transaction's: when it fails, nothing is kept.
		err = db.InTx(ctx, func(tx *sqlstore.Tx) error {
			if err := tx.Later(ctx, write, "e"); err != nil {
				return err
			}
			return tx.LaterContended(ctx, `INSERT INTO scratch_order (n, k) VALUES (0, 'taken')`)
		})
		if err == nil {
			t.Fatal("a duplicate key was committed")
		}
		if after, err := db.QueryForTest(ctx, `SELECT k FROM scratch_order ORDER BY n`); err != nil || len(after) != len(order) {
			t.Fatalf("after a failed transaction: %q, %v", after, err)
		}
	})
}
