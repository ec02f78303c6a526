package sqlstoretest

import (
	"context"
	"database/sql"
	"testing"
	"time"

	"github.com/motcua/motcua/sqlstore"
)

// PauseReplica stops ReplicaURL's standby replaying the primary's changes, so that it
// falls behind, and returns the function that lets it go on; the test's end calls it too.
// Tests of every package share the standby, so a pause first takes an advisory lock on it
// (those work on a standby) and holds it until the replay goes on.
func PauseReplica(t testing.TB) (resume func()) {
	t.Helper()
	ctx := context.Background()
	standby, err := sql.Open("pgx", ReplicaURL())
	if err != nil {
		t.Fatal(err)
	}
	conn, err := standby.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{`SELECT pg_advisory_lock(727275)`, `SELECT pg_wal_replay_pause()`} {
		if _, err := conn.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	for state := ""; state != "paused"; {
		if err := conn.QueryRowContext(ctx, `SELECT pg_get_wal_replay_pause_state()`).Scan(&state); err != nil {
			t.Fatal(err)
		}
	}
	resumed := false
	resume = func() {
		if resumed {
			return
		}
		resumed = true
		for _, q := range []string{`SELECT pg_wal_replay_resume()`, `SELECT pg_advisory_unlock(727275)`} {
			if _, err := conn.ExecContext(ctx, q); err != nil {
				t.Error(err)
			}
		}
		conn.Close()
		standby.Close()
	}
	t.Cleanup(resume)
	return resume
}

// WaitReplica waits until db's replica serves reads (or stops serving them) and answers
// its state; it fails the test after 10 s.
func WaitReplica(t testing.TB, db *sqlstore.DB, serving bool) sqlstore.ReplicaStatus {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		st := db.Replica()
		if st.Serving == serving {
			return st
		}
		if time.Now().After(deadline) {
			t.Fatalf("the replica's state stays %+v", st)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
