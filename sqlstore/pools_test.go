package sqlstore_test

import (
	"context"
	"database/sql"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/motcua/motcua"
	"github.com/motcua/motcua/sqlstore"
	"github.com/motcua/motcua/sqlstore/sqlstoretest"
)

// TestMaxConns: on PostgreSQL an instance limited to n connections never holds more, and
// what asks for one beyond waits rather than fails; a limit below MinConns is refused
// naming the setting.
func TestMaxConns(t *testing.T) {
	db := sqlstoretest.Open(t, sqlstoretest.PostgresDSN(t))
	var me *motcua.Error
	if err := db.SetMaxConns(sqlstore.MinConns - 1); !errors.As(err, &me) || me.Field != "db-max-conns" {
		t.Fatalf("limit %d: %v", sqlstore.MinConns-1, err)
	}
	if err := db.SetMaxConns(sqlstore.MinConns); err != nil {
		t.Fatal(err)
	}
	primary := db.Pools()["primary"]
	var wg sync.WaitGroup
	errs := make(chan error, 3*sqlstore.MinConns)
	for range 3 * sqlstore.MinConns {
		wg.Go(func() {
			_, err := db.QueryForTest(context.Background(), `SELECT CAST(pg_sleep(0.05) AS TEXT)`)
			errs <- err
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	st := primary.Stats()
	if st.MaxOpenConnections != sqlstore.MinConns || st.OpenConnections > sqlstore.MinConns || st.WaitCount == 0 {
		t.Fatalf("pool: limit %d, %d open, %d waits; want limit %d held, with waits",
			st.MaxOpenConnections, st.OpenConnections, st.WaitCount, sqlstore.MinConns)
	}
}

// TestApplicationName: motcua's connections name themselves in pg_stat_activity, unless
// the URL names them otherwise.
func TestApplicationName(t *testing.T) {
	dsn := sqlstoretest.PostgresDSN(t)
	for _, c := range []struct{ extra, want string }{{"", "motcua"}, {"&application_name=motcua-a", "motcua-a"}} {
		db, err := sqlstore.Open(context.Background(), dsn+c.extra)
		if err != nil {
			t.Fatal(err)
		}
		got, err := db.QueryForTest(context.Background(), `SELECT current_setting('application_name')`)
		db.Close()
		if err != nil || got[0] != c.want {
			t.Fatalf("URL %q: application_name %v %v, want %s", c.extra, got, err, c.want)
		}
	}
}

// TestIdleConnectionsClose: the PostgreSQL pool closes connections idle past their time
// and replaces those past their lifetime (both shortened here), so an instance does not
// hold its busiest hour's connections for ever.
func TestIdleConnectionsClose(t *testing.T) {
	dsn := sqlstoretest.PostgresDSN(t)
	for _, c := range []struct {
		idle, life time.Duration
		closed     func(sql.DBStats) int64
	}{
		{50 * time.Millisecond, time.Hour, func(s sql.DBStats) int64 { return s.MaxIdleTimeClosed }},
		{time.Hour, 50 * time.Millisecond, func(s sql.DBStats) int64 { return s.MaxLifetimeClosed }},
	} {
		restore := sqlstore.SetConnTimesForTest(c.idle, c.life)
		db, err := sqlstore.Open(context.Background(), dsn)
		restore()
		if err != nil {
			t.Fatal(err)
		}
		deadline := time.Now().Add(10 * time.Second)
		for c.closed(db.PoolStatsForTest()) == 0 {
			if time.Now().After(deadline) {
				t.Fatalf("idle %v, lifetime %v: no connection closed: %+v", c.idle, c.life, db.PoolStatsForTest())
			}
			if _, err := db.QueryForTest(context.Background(), `SELECT '1'`); err != nil {
				t.Fatal(err)
			}
			time.Sleep(100 * time.Millisecond)
		}
		db.Close()
	}
}
