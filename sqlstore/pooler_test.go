package sqlstore_test

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/motcua/motcua/sqlstore"
	"github.com/motcua/motcua/sqlstore/sqlstoretest"
)

// TestTransactionPoolerNoticed: connections through PgBouncer in transaction mode, whether
// it hands out the server connection used last or the one idle longest, are noticed and
// send their statements unprepared, so that sixteen goroutines sharing its few server
// connections all succeed. A URL that chooses how statements are sent keeps its choice.
// Directly or through PgBouncer in session mode nothing changes. Pooling by statement,
// which allows no transaction, is refused at connect.
func TestTransactionPoolerNoticed(t *testing.T) {
	dsn := sqlstoretest.PostgresDSN(t)
	sqlstoretest.Open(t, dsn) // migrates the schema
	transaction := sqlstoretest.PgBouncer(t, dsn, "transaction", 2)
	cases := []struct {
		name, url, mode string
		pooled          bool
	}{
		{"direct", dsn, "", false},
		{"transaction pooling", transaction, "exec", true},
		{"transaction pooling, the connection idle longest first",
			warmPooler(t, sqlstoretest.PgBouncer(t, dsn, "transaction", 4, "server_round_robin = 1"), 4), "exec", true},
		{"transaction pooling, the URL choosing", transaction + "&default_query_exec_mode=cache_describe", "cache_describe", true},
		{"session pooling", sqlstoretest.PgBouncer(t, dsn, "session", 20), "", false},
	}
	statement := sqlstoretest.PgBouncer(t, dsn, "statement", 2)
	if db, err := sqlstore.Open(context.Background(), statement); err == nil || !strings.Contains(err.Error(), "statement mode") {
		if err == nil {
			db.Close()
		}
		t.Errorf("through a pooler in statement mode, where no transaction can run: %v", err)
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			db := sqlstoretest.Open(t, c.url)
			if pooled, mode := db.TransactionPooled(), db.ExecMode(); pooled != c.pooled || mode != c.mode {
				t.Fatalf("TransactionPooled() = %v, ExecMode() = %q; want %v, %q", pooled, mode, c.pooled, c.mode)
			}
			useConcurrently(t, db, c.name)
		})
	}
}

// TestPoolerKeepingPreparedStatements: through a PgBouncer that keeps statements prepared
// by name (1.21 and later, max_prepared_statements), whether it hands out the server
// connection used last or the one idle longest, connections are noticed as pooled but go
// on preparing their statements, as directly: sixteen goroutines sharing its few server
// connections all succeed, and the server process a statement reaches holds it prepared.
// The same pooler told to keep none has them sent unprepared.
func TestPoolerKeepingPreparedStatements(t *testing.T) {
	dsn := sqlstoretest.PostgresDSN(t)
	sqlstoretest.Open(t, dsn) // migrates the schema
	cases := []struct{ name, url, mode string }{
		{"the connection used last first", sqlstoretest.PgBouncerKeepingPrepared(t, dsn, 2), "cache_statement"},
		{"the connection idle longest first",
			warmPooler(t, sqlstoretest.PgBouncerKeepingPrepared(t, dsn, 4, "server_round_robin = 1"), 4), "cache_statement"},
		{"keeping none", sqlstoretest.PgBouncerKeepingPrepared(t, dsn, 2, "max_prepared_statements = 0"), "exec"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			db := sqlstoretest.Open(t, c.url)
			if pooled, mode := db.TransactionPooled(), db.ExecMode(); !pooled || mode != c.mode {
				t.Fatalf("TransactionPooled() = %v, ExecMode() = %q; want true, %q", pooled, mode, c.mode)
			}
			useConcurrently(t, db, c.name)
			if c.mode != "cache_statement" {
				return
			}
			// The statement that asks is itself prepared where it runs (the pooler's name
			// for it, not the driver's).
			names, err := db.QueryForTest(context.Background(), `SELECT name FROM pg_prepared_statements
				WHERE statement LIKE '%pg_prepared_statements%'`)
			if err != nil || len(names) != 1 {
				t.Fatalf("statements prepared on the server process: %v %v; want the one asking", names, err)
			}
		})
	}
}

// warmPooler has the pooler at url open n server connections, by holding n transactions
// at once, so that the look at connect meets as many idle ones; it returns url.
func warmPooler(t *testing.T, url string, n int) string {
	t.Helper()
	pool, err := sql.Open("pgx", url+"&default_query_exec_mode=simple_protocol")
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	atOnceN(t, n, 1, func(int, int) error {
		_, err := pool.Exec(`SELECT pg_sleep(0.1)`)
		return err
	})
	return url
}

// useConcurrently runs the same few statements, reads and writes in transactions, on 16
// goroutines at once, 20 times each, on rows of their own named after prefix.
func useConcurrently(t *testing.T, db *sqlstore.DB, prefix string) {
	t.Helper()
	ctx := context.Background()
	atOnce(t, func(g, i int) error {
		key := fmt.Sprintf("%s-%d-%d", prefix, g, i)
		err := db.InTx(ctx, func(tx *sqlstore.Tx) error {
			_, err := tx.Exec(ctx, `INSERT INTO revisions (name, value) VALUES (?, ?)`, key, i)
			return err
		})
		if err != nil {
			return err
		}
		got, err := db.QueryForTest(ctx, `SELECT CAST(value AS TEXT) FROM revisions WHERE name = ?`, key)
		if err == nil && (len(got) != 1 || got[0] != fmt.Sprint(i)) {
			err = fmt.Errorf("%s reads %v", key, got)
		}
		return err
	})
}

// atOnce runs fn on 16 goroutines at once, 20 times each (g the goroutine, i the time),
// each stopping at its first error, and reports the errors.
func atOnce(t *testing.T, fn func(g, i int) error) { atOnceN(t, 16, 20, fn) }

// atOnceN is atOnce with goroutines goroutines, times times each.
func atOnceN(t *testing.T, goroutines, times int, fn func(g, i int) error) {
	t.Helper()
	var wg sync.WaitGroup
	errs := make(chan error, goroutines)
	for g := range goroutines {
		wg.Go(func() {
			for i := range times {
				if err := fn(g, i); err != nil {
					errs <- err
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}
