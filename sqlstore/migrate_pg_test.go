package sqlstore_test

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/motcua/motcua/sqlstore"
	"github.com/motcua/motcua/sqlstore/sqlstoretest"
)

// TestMigrationOutsideTransaction: on PostgreSQL an upgrade runs the migrations meant to
// run outside a transaction that way, building their indexes CONCURRENTLY and valid, while
// new databases are created alongside (a statement waiting for the migration lock would
// hold a snapshot the index build waits for: a deadlock); a migration that fails part way
// is not recorded, and runs whole again at the next try.
func TestMigrationOutsideTransaction(t *testing.T) {
	db := sqlstoretest.Open(t, sqlstoretest.PostgresDSN(t))
	ctx := context.Background()
	if got := concurrentIndexes(t, db); got != "dossier_documents_idempotency true, outbox_failed true" {
		t.Fatalf("the indexes of migrations 0013 and 0014 on a new database: %s", got)
	}
	// The database without 0013 and 0014: the upgrade builds both indexes concurrently.
	undoConcurrentIndexes(t, db)
	var applied []string
	errs := make(chan error, 4)
	for range 3 {
		go func() {
			other, err := sqlstore.Open(ctx, sqlstoretest.PostgresDSN(t))
			if err == nil {
				other.Close()
			}
			errs <- err
		}()
	}
	errs <- db.MigrateEach(ctx, func(m sqlstore.Migration, _ time.Duration) { applied = append(applied, m.String()) })
	for range 4 {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	checkUpgraded(t, db, applied)

	recorded := func(v string) bool {
		got, err := db.QueryForTest(ctx, `SELECT CAST(COUNT(*) AS TEXT) FROM schema_migrations WHERE version = `+v)
		if err != nil {
			t.Fatal(err)
		}
		return got[0] == "1"
	}
	broken := "CREATE TABLE IF NOT EXISTS probe (n INT);\nDROP INDEX CONCURRENTLY IF EXISTS probe_n;\n" +
		"CREATE INDEX CONCURRENTLY probe_n ON probe(n);\nSELEC 1;\n"
	if err := db.MigrateOutsideTxForTest(ctx, 9001, broken); err == nil || recorded("9001") {
		t.Fatalf("a failed migration: %v, recorded %v", err, recorded("9001"))
	}
	fixed := strings.Replace(broken, "SELEC 1", "INSERT INTO probe VALUES (1)", 1)
	for range 2 { // the second run finds it recorded and does nothing
		if err := db.MigrateOutsideTxForTest(ctx, 9001, fixed); err != nil {
			t.Fatal(err)
		}
	}
	rows, err := db.QueryForTest(ctx, `SELECT CAST(COUNT(*) AS TEXT) FROM probe`)
	if err != nil || rows[0] != "1" || !recorded("9001") {
		t.Fatalf("after the fixed migration: %v rows %v, recorded %v", rows, err, recorded("9001"))
	}
}

// TestMigrationsThroughATransactionPooler: two instances that start together through
// PgBouncer in transaction pooling mode, on a database without migrations 0013 and 0014,
// apply them once between them and build their indexes concurrently and valid. Under a
// statement_timeout, which cannot be lifted for statements outside a transaction through
// such a pooler, they refuse, naming the remedy, and change nothing.
func TestMigrationsThroughATransactionPooler(t *testing.T) {
	dsn := sqlstoretest.PostgresDSN(t)
	db := sqlstoretest.Open(t, dsn)
	ctx := context.Background()
	undoConcurrentIndexes(t, db)

	timed, err := sqlstore.Connect(sqlstoretest.PgBouncer(t, dsn+"&statement_timeout=5000", "transaction", 3))
	if err != nil {
		t.Fatal(err)
	}
	defer timed.Close()
	if err := timed.Migrate(ctx); err == nil || !strings.Contains(err.Error(), "direct URL") {
		t.Fatalf("migrating through the pooler under a statement_timeout: %v", err)
	}
	if got := concurrentIndexes(t, db); got != "" {
		t.Fatalf("the refused upgrade left indexes: %s", got)
	}
	if got, err := timed.QueryForTest(ctx, `SELECT current_setting('statement_timeout')`); err != nil || got[0] != "5s" {
		t.Fatalf("the pooler's connections after the refusal: statement_timeout %v, %v", got, err)
	}

	// Round robin hands each transaction the server connection used least recently, so a
	// session's lock taken by one statement and released by another would land on two.
	pooled := sqlstoretest.PgBouncer(t, dsn, "transaction", 3, "server_round_robin = 1")
	var mu sync.Mutex
	var applied []string
	errs := make(chan error, 2)
	for range 2 {
		go func() {
			other, err := sqlstore.Connect(pooled)
			if err == nil {
				err = other.MigrateEach(ctx, func(m sqlstore.Migration, _ time.Duration) {
					mu.Lock()
					applied = append(applied, m.String())
					mu.Unlock()
				})
				other.Close()
			}
			errs <- err
		}()
	}
	for range 2 {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	checkUpgraded(t, db, applied)
	// Nothing holds the migration lock now, on any of the pooler's server connections: the
	// next upgrade, direct or pooled, can take it.
	held, err := db.QueryForTest(ctx, `SELECT CAST(COUNT(*) AS TEXT) FROM pg_locks
		WHERE locktype = 'advisory' AND objid = 727274 AND granted`)
	if err != nil || held[0] != "0" {
		t.Fatalf("server connections holding the migration lock after the upgrade: %v %v", held, err)
	}
	for _, via := range []*sqlstore.DB{db, sqlstoretest.Open(t, pooled)} {
		got, err := via.QueryForTest(ctx, `SELECT CAST(pg_try_advisory_xact_lock(727274) AS TEXT)`)
		if err != nil || got[0] != "true" {
			t.Fatalf("the migration lock after the upgrade: %v %v", got, err)
		}
	}
}

// checkUpgraded checks that migrations 0013 and 0014 were applied once each, and their
// indexes built valid.
func checkUpgraded(t *testing.T, db *sqlstore.DB, applied []string) {
	t.Helper()
	if got := strings.Join(applied, " "); got != "0013_document_idempotency 0014_outbox_failed_index" {
		t.Fatalf("the upgrade applied %s", got)
	}
	if got := concurrentIndexes(t, db); got != "dossier_documents_idempotency true, outbox_failed true" {
		t.Fatalf("the indexes after the upgrade: %s", got)
	}
}

// concurrentIndexes names the indexes of migrations 0013 and 0014 with their validity.
func concurrentIndexes(t *testing.T, db *sqlstore.DB) string {
	t.Helper()
	valid, err := db.QueryForTest(context.Background(), `SELECT c.relname || ' ' || CAST(i.indisvalid AS TEXT) FROM pg_index i
		JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relname IN ('dossier_documents_idempotency', 'outbox_failed')
		AND c.relnamespace = CAST(current_schema() AS regnamespace) ORDER BY 1`)
	if err != nil {
		t.Fatal(err)
	}
	return strings.Join(valid, ", ")
}

// undoConcurrentIndexes takes migrations 0013 and 0014 out of db, for an upgrade to apply.
func undoConcurrentIndexes(t *testing.T, db *sqlstore.DB) {
	t.Helper()
	ctx := context.Background()
	for _, stmt := range []string{`DELETE FROM schema_migrations WHERE version IN (13, 14)`,
		`DROP INDEX dossier_documents_idempotency`, `DROP INDEX outbox_failed`,
		`ALTER TABLE dossier_documents DROP COLUMN idempotency_key`} {
		if err := db.ExecForTest(ctx, stmt); err != nil {
			t.Fatal(err)
		}
	}
}

// TestMigrationsIgnoreStatementTimeout: a statement_timeout set for the requests (here in
// the URL; a role's works alike) does not cut short a migration's long statements, in a
// transaction or outside one, and stays in force for everything else.
func TestMigrationsIgnoreStatementTimeout(t *testing.T) {
	ctx := context.Background()
	db := sqlstoretest.Open(t, sqlstoretest.PostgresDSN(t)+"&statement_timeout=100")
	if err := db.ExecForTest(ctx, `SELECT pg_sleep(0.3)`); err == nil || !sqlstore.Unavailable(err) {
		t.Fatalf("a long statement outside a migration: %v, want the timeout", err)
	}
	if err := db.MigrateInTxForTest(ctx, 9002, "SELECT pg_sleep(0.3);\n"); err != nil {
		t.Fatalf("a long migration in a transaction: %v", err)
	}
	if err := db.MigrateOutsideTxForTest(ctx, 9003, "-- no-transaction\nSELECT pg_sleep(0.3);\n"); err != nil {
		t.Fatalf("a long migration outside a transaction: %v", err)
	}
	for range 3 { // every pooled connection keeps the timeout
		if err := db.ExecForTest(ctx, `SELECT pg_sleep(0.3)`); err == nil {
			t.Fatal("after the migrations a long statement ran past the timeout")
		}
	}
}
