package sqlstore_test

import (
	"context"
	"testing"

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
	a, b := sqlstoretest.Open(t, dsn), sqlstoretest.Open(t, dsn)
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
