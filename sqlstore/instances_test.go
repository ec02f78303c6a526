package sqlstore_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/motcua/motcua/sqlstore"
	"github.com/motcua/motcua/sqlstore/sqlstoretest"
)

// TestInstances: a heartbeat registers an instance and later ones move only its last-seen
// time; the list leaves out those not seen since the time asked; a retired instance is
// gone; the purge forgets the ones long silent.
func TestInstances(t *testing.T) {
	sqlstoretest.EachDB(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		t0 := monday9
		a := sqlstore.Instance{ID: "a1", Host: "app-1", PID: 101, Addr: "10.0.0.1:8080",
			Revision: "0123456789ab", Migration: "0017_instance_clocks", MaxConns: 40, Started: t0}
		b := sqlstore.Instance{ID: "b2", Host: "app-2", PID: 202, Addr: "10.0.0.2:8080",
			Revision: "ba9876543210+modified", Migration: "0015_track_guard", Started: t0.Add(time.Minute)}
		beat := func(in sqlstore.Instance, at time.Time) {
			t.Helper()
			if _, err := db.Heartbeat(ctx, in, at); err != nil {
				t.Fatal(err)
			}
		}
		list := func(since time.Time) []sqlstore.Instance {
			t.Helper()
			got, err := db.Instances(ctx, since)
			if err != nil {
				t.Fatal(err)
			}
			return got
		}
		beat(b, t0.Add(time.Minute))
		beat(a, t0)
		changed := a
		changed.Host, changed.Started, changed.ClockSkew = "elsewhere", t0.Add(time.Hour), -2345*time.Millisecond
		beat(changed, t0.Add(40*time.Second)) // a later heartbeat moves only the time and the skew

		got := list(t0.Add(-time.Second))
		if len(got) != 2 {
			t.Fatalf("%d instances, want 2: %+v", len(got), got)
		}
		wantA, wantB := a, b
		wantA.Seen, wantB.Seen, wantA.ClockSkew = t0.Add(40*time.Second), t0.Add(time.Minute), -2345*time.Millisecond
		if !sameInstance(got[0], wantA) || !sameInstance(got[1], wantB) {
			t.Fatalf("instances:\n%+v\nwant a first, as registered, seen at +40 s, then b:\n%+v\n%+v", got, wantA, wantB)
		}
		if got := list(t0.Add(50 * time.Second)); len(got) != 1 || got[0].ID != "b2" {
			t.Fatalf("seen since +50 s: %+v, want b2 only", got)
		}

		if err := db.Retire(ctx, "b2"); err != nil {
			t.Fatal(err)
		}
		if got := list(t0.Add(-time.Second)); len(got) != 1 || got[0].ID != "a1" {
			t.Fatalf("after b2 retired: %+v", got)
		}
		n, err := db.PurgeInstances(ctx, t0.Add(41*time.Second))
		if err != nil || n != 1 || len(list(time.Time{})) != 0 {
			t.Fatalf("purge: %d %v, left %+v", n, err, list(time.Time{}))
		}
	})
}

// TestHeartbeatReadsTheDatabaseClock: a heartbeat answers the database server's clock,
// here on this machine, so this machine's time as the row was written.
func TestHeartbeatReadsTheDatabaseClock(t *testing.T) {
	sqlstoretest.EachDB(t, func(t *testing.T, db *sqlstore.DB) {
		before := time.Now().Truncate(time.Millisecond)
		got, err := db.Heartbeat(context.Background(), sqlstore.Instance{ID: "c", Started: before}, before)
		after := time.Now()
		if err != nil || got.Before(before) || got.After(after) {
			t.Fatalf("the database's clock read %v (%v), between %v and %v", got, err, before, after)
		}
	})
}

// TestServerConnections: what PostgreSQL takes from clients that are not superusers is
// its max_connections less those it reserves; SQLite has no such limit.
func TestServerConnections(t *testing.T) {
	sqlstoretest.EachDB(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		got, err := db.ServerConnections(ctx)
		if err != nil {
			t.Fatal(err)
		}
		want := 0
		if db.Engine == sqlstore.Postgres {
			var max, reserved int
			for name, into := range map[string]*int{"max_connections": &max, "superuser_reserved_connections": &reserved} {
				v, err := db.QueryForTest(ctx, "SHOW "+name)
				if err != nil || len(v) != 1 {
					t.Fatal(v, err)
				}
				fmt.Sscan(v[0], into)
			}
			want = max - reserved
		}
		if got != want || (db.Engine == sqlstore.Postgres && got <= 0) {
			t.Fatalf("server connections %d, want %d", got, want)
		}
	})
}

// sameInstance compares two instances, their times as instants.
func sameInstance(x, y sqlstore.Instance) bool {
	if !x.Started.Equal(y.Started) || !x.Seen.Equal(y.Seen) {
		return false
	}
	x.Started, x.Seen, y.Started, y.Seen = time.Time{}, time.Time{}, time.Time{}, time.Time{}
	return x == y
}
