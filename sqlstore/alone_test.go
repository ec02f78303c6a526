package sqlstore_test

import (
	"context"
	"testing"

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
