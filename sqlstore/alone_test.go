package sqlstore_test

import (
	"context"
	"database/sql"
	"errors"
	"testing"
	"time"

	"github.com/motcua/motcua/sqlstore"
	"github.com/motcua/motcua/sqlstore/sqlstoretest"
)

// TestAloneRunsAJobOnce: while one instance runs a periodic job, another instance's turn
// of the same job is skipped, a different job still runs, and once the first is done the
// job runs again. SQLite, with one process, always runs it.
func TestAloneRunsAJobOnce(t *testing.T) {
	ctx := context.Background()
	lite := sqlstoretest.Open(t, sqlstoretest.SQLiteDSN(t))
	if ran, err := lite.Alone(ctx, "reminders", func(context.Context) error { return nil }); !ran || err != nil {
		t.Fatalf("SQLite: ran %v, %v", ran, err)
	}

	dsn := sqlstoretest.PostgresDSN(t)
	checkAlone(t, sqlstoretest.Open(t, dsn), sqlstoretest.Open(t, dsn))
}

// TestAloneThroughATransactionPooler: the same through PgBouncer in transaction pooling
// mode, whose two server connections the instances share. A lock held by a session, not
// by a transaction, would stay behind on whichever server connection took it, and the
// other instance's try could land there and be granted it again.
func TestAloneThroughATransactionPooler(t *testing.T) {
	pooled := sqlstoretest.PgBouncer(t, sqlstoretest.PostgresDSN(t), "transaction", 2)
	a, b := sqlstoretest.Open(t, pooled), sqlstoretest.Open(t, pooled)
	for range 20 {
		checkAlone(t, a, b)
	}
}

// checkAlone runs a job on a and, meanwhile, the same job and another on b.
func checkAlone(t *testing.T, a, b *sqlstore.DB) {
	t.Helper()
	ctx := context.Background()
	started, release, done := make(chan struct{}), make(chan struct{}), make(chan error)
	go func() {
		_, err := a.Alone(ctx, "reminders", func(context.Context) error {
			close(started)
			<-release
			return nil
		})
		done <- err
	}()
	<-started
	nothing := func(context.Context) error { return nil }
	if ran, err := b.Alone(ctx, "reminders", nothing); ran || err != nil {
		t.Fatalf("the same job on another instance meanwhile: ran %v, %v", ran, err)
	}
	if ran, err := b.Alone(ctx, "purge", nothing); !ran || err != nil {
		t.Fatalf("another job meanwhile: ran %v, %v", ran, err)
	}
	close(release)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if ran, err := b.Alone(ctx, "reminders", nothing); !ran || err != nil {
		t.Fatalf("the job after the first instance's turn: ran %v, %v", ran, err)
	}
}

// TestLocksExcludeTheBuildBefore: builds before this one took the same locks in a session,
// not a transaction. During an upgrade both kinds meet on one key and keep each other out:
// a job or a migration waits while the build before holds its lock, and that build's try
// fails while this one holds it.
func TestLocksExcludeTheBuildBefore(t *testing.T) {
	dsn := sqlstoretest.PostgresDSN(t)
	db := sqlstoretest.Open(t, dsn)
	ctx := context.Background()
	old, err := sql.Open("pgx", sqlstoretest.PostgresURL())
	if err != nil {
		t.Fatal(err)
	}
	defer old.Close()
	before, err := old.Conn(ctx) // the build before: one connection, session locks
	if err != nil {
		t.Fatal(err)
	}
	defer before.Close()
	try := func(q string, args ...any) bool {
		t.Helper()
		var got bool
		if err := before.QueryRowContext(ctx, q, args...).Scan(&got); err != nil {
			t.Fatal(err)
		}
		return got
	}
	// Advisory locks belong to the whole database, where other tests run their own jobs
	// and migrations: a job of this test's own, and the migration lock taken as the build
	// before took it, trying until it gets it.
	job := "reminders " + t.Name()
	class, key := sqlstore.JobLockForTest(job)
	nothing := func(context.Context) error { return nil }
	take := func(q string, args ...any) {
		t.Helper()
		for deadline := time.Now().Add(10 * time.Second); !try(q, args...); time.Sleep(20 * time.Millisecond) {
			if time.Now().After(deadline) {
				t.Fatalf("the build before could not take its lock: %s", q)
			}
		}
	}

	take(`SELECT pg_try_advisory_lock($1, $2)`, class, key)
	if ran, err := db.Alone(ctx, job, nothing); ran || err != nil {
		t.Fatalf("while the build before runs the job: ran %v, %v", ran, err)
	}
	try(`SELECT pg_advisory_unlock($1, $2)`, class, key)
	held, done, ended := make(chan struct{}), make(chan struct{}), make(chan error, 1)
	go func() {
		_, err := db.Alone(ctx, job, func(context.Context) error { close(held); <-done; return nil })
		ended <- err
	}()
	select {
	case <-held:
	case err := <-ended:
		t.Fatalf("this build did not run the job once the build before let go: %v", err)
	}
	if try(`SELECT pg_try_advisory_lock($1, $2)`, class, key) {
		t.Error("the build before took the job's lock while this build ran the job")
	}
	close(done)
	if err := <-ended; err != nil {
		t.Fatal(err)
	}

	take(`SELECT pg_try_advisory_lock($1)`, sqlstore.MigrationLockForTest)
	short, cancel := context.WithTimeout(ctx, 300*time.Millisecond)
	defer cancel()
	if err := db.MigrateOutsideTxForTest(short, 9101, "SELECT 1;\n"); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("a migration while the build before migrates: %v, want it to wait", err)
	}
	try(`SELECT pg_advisory_unlock($1)`, sqlstore.MigrationLockForTest)
	if err := db.MigrateOutsideTxForTest(ctx, 9101, "SELECT 1;\n"); err != nil {
		t.Fatalf("the migration once the build before is done: %v", err)
	}
}
