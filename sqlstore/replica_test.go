package sqlstore_test

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/motcua/motcua"
	"github.com/motcua/motcua/catalog"
	"github.com/motcua/motcua/sqlstore"
	"github.com/motcua/motcua/sqlstore/sqlstoretest"
)

// found reports whether ctx's read finds dossier id.
func found(t *testing.T, ctx context.Context, db *sqlstore.DB, id int64) bool {
	t.Helper()
	_, err := db.Dossier(ctx, id)
	if errors.Is(err, motcua.ErrNotFound) {
		return false
	}
	if err != nil {
		t.Fatal(err)
	}
	return true
}

// A read that may lag is served by the standby while it is close enough behind, and by
// the primary once it falls further behind or for any other read. The standby's replay is
// paused to hold it back.
func TestReplicaServesReadsThatMayLag(t *testing.T) {
	if sqlstoretest.ReplicaURL() == "" {
		t.Skip("MOTCUA_TEST_POSTGRES_REPLICA is not set")
	}
	db := sqlstoretest.Open(t, sqlstoretest.PostgresDSN(t))
	const maxLag = 3 * time.Second
	told := make(chan bool, 10)
	if err := db.UseReplica(sqlstoretest.ReplicaURL(), maxLag, 50*time.Millisecond,
		func(st sqlstore.ReplicaStatus) { told <- st.Serving }); err != nil {
		t.Fatal(err)
	}
	sqlstoretest.WaitReplica(t, db, true)
	resume := sqlstoretest.PauseReplica(t)

	id := create(t, db, newDraft(t, catalog.ChannelCounter, 0, ""), 1)
	ctx, lagging := context.Background(), sqlstore.MayLag(context.Background())
	if !db.Replica().Serving {
		t.Fatalf("the replica stopped serving at once: %+v", db.Replica())
	}
	if found(t, lagging, db, id) {
		t.Error("a read that may lag was not served by the paused standby")
	}
	if !found(t, ctx, db, id) {
		t.Error("a read that may not lag missed a committed dossier")
	}

	st := sqlstoretest.WaitReplica(t, db, false)
	if st.Err == nil {
		t.Errorf("a replica held back serves no reads, with no reason given: %+v", st)
	}
	if !found(t, lagging, db, id) {
		t.Error("with the standby too far behind, a read that may lag was not sent to the primary")
	}

	resume()
	if st := sqlstoretest.WaitReplica(t, db, true); st.Lag < 0 || st.Lag > maxLag || st.Err != nil {
		t.Errorf("serving with %+v", st)
	}
	if !found(t, lagging, db, id) {
		t.Error("the standby caught up but does not show the dossier")
	}
	var changes []bool
	for len(told) > 0 {
		changes = append(changes, <-told)
	}
	if fmt.Sprint(changes) != "[true false true]" {
		t.Errorf("told of the changes %v, not [true false true]", changes)
	}
}

// A replica that cannot be reached costs nothing but its checks: every read goes to the
// primary, and serving starts anyway.
func TestReplicaDownKeepsReadsOnPrimary(t *testing.T) {
	db := sqlstoretest.Open(t, sqlstoretest.PostgresDSN(t))
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	if err := db.UseReplica("postgres://postgres@"+addr+"/postgres?sslmode=disable&connect_timeout=1", time.Second,
		100*time.Millisecond, nil); err != nil {
		t.Fatal(err)
	}
	id := create(t, db, newDraft(t, catalog.ChannelCounter, 0, ""), 1)
	deadline := time.Now().Add(10 * time.Second)
	for db.Replica().Err == nil || db.Replica().Err.Error() == "not checked yet" {
		if time.Now().After(deadline) {
			t.Fatal("the unreachable replica was never checked")
		}
		time.Sleep(20 * time.Millisecond)
	}
	if st := db.Replica(); st.Serving || !st.Configured || st.Lag != -1 {
		t.Errorf("an unreachable replica: %+v", st)
	}
	if !found(t, sqlstore.MayLag(context.Background()), db, id) {
		t.Error("a read that may lag failed with the replica down")
	}
}

// A replica is PostgreSQL's, and must be allowed to lag at least one check's interval.
func TestReplicaNeedsPostgres(t *testing.T) {
	db := sqlstoretest.Open(t, sqlstoretest.SQLiteDSN(t))
	if err := db.UseReplica("postgres://replica/motcua", time.Second, 100*time.Millisecond, nil); err == nil {
		t.Error("SQLite took a replica")
	}
	if db.Replica().Configured {
		t.Error("SQLite reports a replica")
	}
	if sqlstoretest.PostgresURL() == "" {
		return
	}
	pg := sqlstoretest.Open(t, sqlstoretest.PostgresDSN(t))
	if err := pg.UseReplica("postgres://replica/motcua", 50*time.Millisecond, time.Second, nil); err == nil {
		t.Error("a replica allowed to lag less than its check interval was taken")
	}
}

// A standby is looked at on its own for a pooler in transaction mode, as the primary is:
// behind one (whether or not the primary is) its connections send their statements
// unprepared, or prepared if that pooler keeps them, and reads that may lag are served by
// it, many at once over its pooler's two server connections; reached directly, it is not
// taken for pooled.
func TestReplicaThroughATransactionPooler(t *testing.T) {
	if sqlstoretest.ReplicaURL() == "" {
		t.Skip("MOTCUA_TEST_POSTGRES_REPLICA is not set")
	}
	for _, c := range []struct {
		name                         string
		primaryPooled, replicaPooled bool
		keeping                      bool // the standby's pooler keeps prepared statements
	}{
		{"both pooled", true, true, false},
		{"only the standby pooled", false, true, false},
		{"only the primary pooled", true, false, false},
		{"the standby behind a pooler keeping prepared statements", false, true, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			dsn := sqlstoretest.PostgresDSN(t)
			primary, err := url.Parse(dsn)
			if err != nil {
				t.Fatal(err)
			}
			standby, err := url.Parse(sqlstoretest.ReplicaURL())
			if err != nil {
				t.Fatal(err)
			}
			q := standby.Query()
			q.Set("search_path", primary.Query().Get("search_path"))
			standby.RawQuery = q.Encode()
			db := sqlstoretest.Open(t, dsn) // migrates the schema directly, as the README says to
			if c.primaryPooled {
				db = sqlstoretest.Open(t, sqlstoretest.PgBouncer(t, dsn, "transaction", 2))
			}
			if db.TransactionPooled() != c.primaryPooled {
				t.Fatalf("the primary taken for pooled: %v", db.TransactionPooled())
			}
			replicaURL := standby.String()
			if c.replicaPooled {
				// A direct primary's URL names the test's schema, which the store passes
				// on to the standby; its pooler sets the schema itself (connect_query)
				// and ignores the client's.
				if c.keeping {
					replicaURL = sqlstoretest.PgBouncerKeepingPrepared(t, replicaURL, 2,
						"ignore_startup_parameters = search_path")
				} else {
					replicaURL = sqlstoretest.PgBouncer(t, replicaURL, "transaction", 2,
						"ignore_startup_parameters = search_path")
				}
			}
			if err := db.UseReplica(replicaURL, 3*time.Second, 50*time.Millisecond, nil); err != nil {
				t.Fatal(err)
			}
			sqlstoretest.WaitReplica(t, db, true)
			if db.ReplicaPooled() != c.replicaPooled {
				t.Fatalf("the standby taken for pooled: %v", db.ReplicaPooled())
			}
			wantMode := map[bool]string{true: "exec", false: ""}[c.replicaPooled]
			if c.keeping {
				wantMode = "cache_statement"
			}
			if got := db.ReplicaExecMode(); got != wantMode {
				t.Fatalf("statements go to the standby in mode %q; want %q", got, wantMode)
			}
			id := create(t, db, newDraft(t, catalog.ChannelCounter, 0, ""), 1)
			lagging := sqlstore.MayLag(context.Background())
			for deadline := time.Now().Add(10 * time.Second); !found(t, lagging, db, id); time.Sleep(20 * time.Millisecond) {
				if time.Now().After(deadline) {
					t.Fatal("the standby never showed the new dossier")
				}
			}
			for range 3 {
				atOnce(t, func(int, int) error {
					_, err := db.Dossier(lagging, id)
					return err
				})
			}
			if st := db.Replica(); !st.Serving {
				t.Errorf("after the reads the replica does not serve: %+v", st)
			}
		})
	}
}

// TestUnreadableURLsKeepThePassword: a primary's or a replica's URL the driver cannot read
// is refused with an error that names the store once and leaves the password out, before
// any connection.
func TestUnreadableURLsKeepThePassword(t *testing.T) {
	const bad = "postgres://motcua:hunter2@db.internal:5432/motcua?sslmode=sometimes"
	_, err := sqlstore.Open(context.Background(), bad)
	if err == nil || strings.Contains(err.Error(), "hunter2") || strings.Count(err.Error(), "sqlstore:") != 1 {
		t.Errorf("primary: %v", err)
	}
	db := sqlstoretest.Open(t, sqlstoretest.PostgresDSN(t)) // a replica needs a PostgreSQL primary
	err = db.UseReplica(bad, time.Second, 100*time.Millisecond, nil)
	if err == nil || strings.Contains(err.Error(), "hunter2") || strings.Count(err.Error(), "sqlstore:") != 1 {
		t.Errorf("replica: %v", err)
	}
}
