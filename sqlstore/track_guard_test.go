package sqlstore_test

import (
	"context"
	"testing"
	"time"

	"github.com/motcua/motcua/sqlstore"
	"github.com/motcua/motcua/sqlstore/sqlstoretest"
)

// TestTrackGuard: the third wrong secret within the window locks the code for the lock's
// time; another code keeps its own count; a count whose window is over starts again; the
// purge forgets what is over.
func TestTrackGuard(t *testing.T) {
	sqlstoretest.EachDB(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		g := sqlstore.TrackGuard{Failures: 3, Window: 10 * time.Minute, Lock: 15 * time.Minute}
		fail := func(code string, at time.Time) time.Time {
			t.Helper()
			until, err := db.TrackFailed(ctx, code, at, g)
			if err != nil {
				t.Fatal(err)
			}
			return until
		}
		locked := func(code string) time.Time {
			t.Helper()
			until, err := db.TrackLockedUntil(ctx, code)
			if err != nil {
				t.Fatal(err)
			}
			return until
		}
		t0 := monday9
		if !locked("A-1").IsZero() {
			t.Fatal("an unseen code is locked")
		}
		for i := range 2 {
			if until := fail("A-1", t0.Add(time.Duration(i)*time.Minute)); until.After(t0) {
				t.Fatalf("locked after %d wrong secrets", i+1)
			}
		}
		fail("B-2", t0.Add(2*time.Minute))
		want := t0.Add(3 * time.Minute).Add(g.Lock)
		if until := fail("A-1", t0.Add(3*time.Minute)); !until.Equal(want) {
			t.Fatalf("third wrong secret: locked until %v, want %v", until, want)
		}
		if !locked("A-1").Equal(want) || !locked("B-2").IsZero() {
			t.Fatalf("locks: A-1 %v, B-2 %v", locked("A-1"), locked("B-2"))
		}

		// B-2's window is over: its count starts again, and two more do not lock it.
		later := t0.Add(21 * time.Minute)
		for i := range 2 {
			if until := fail("B-2", later.Add(time.Duration(i)*time.Second)); until.After(later) {
				t.Fatalf("B-2 locked by an old count after %d new wrong secrets", i+1)
			}
		}

		// At t0+30 min A-1's lock and window are over, B-2's window (from t0+21) is not.
		n, err := db.PurgeTrackGuard(ctx, t0.Add(20*time.Minute), t0.Add(30*time.Minute))
		if err != nil || n != 1 || !locked("A-1").IsZero() || locked("B-2") != (time.Time{}) {
			t.Fatalf("purge: %d %v; A-1 %v", n, err, locked("A-1"))
		}
	})
}
