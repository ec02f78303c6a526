package sqlstore

import (
	"database/sql"
	"fmt"
	"runtime"
	"time"

	"github.com/motcua/motcua"
)

// MinConns is the fewest PostgreSQL connections an instance may be limited to: a request
// may hold a transaction while a background worker and the replica's check hold theirs.
const MinConns = 4

// defaultConns is the size of each PostgreSQL pool unless SetMaxConns says otherwise.
func defaultConns() int { return max(10, 4*runtime.NumCPU()) }

// A PostgreSQL connection idle for connIdleTime is closed, so that an instance holds few
// connections between bursts, and every connection is replaced after connLifetime, so that
// the server's per-connection caches do not grow without end and connections move over to
// whatever the URL names after a change of addresses. (Variables for the tests.)
var (
	connIdleTime = 5 * time.Minute
	connLifetime = time.Hour
)

// sizePool bounds a PostgreSQL pool to n connections and sets their idle time and lifetime.
func sizePool(pool *sql.DB, n int) {
	pool.SetMaxOpenConns(n)
	pool.SetMaxIdleConns(n)
	pool.SetConnMaxIdleTime(connIdleTime)
	pool.SetConnMaxLifetime(connLifetime)
}

// conns is the size of this instance's PostgreSQL pools.
func (db *DB) conns() int {
	if db.maxConns > 0 {
		return db.maxConns
	}
	return defaultConns()
}

// CheckMaxConns refuses a connection limit below MinConns, naming the setting.
func CheckMaxConns(n int) error {
	if n < MinConns {
		return motcua.Invalid("db-max-conns", fmt.Sprintf("cần ít nhất %d kết nối", MinConns),
			fmt.Sprintf("at least %d connections are needed", MinConns))
	}
	return nil
}

// SetMaxConns bounds this instance's connections to PostgreSQL: the primary's pool and the
// replica's each hold at most n, and requests wait for a free one beyond that. Every
// instance's n together must stay under the server's max_connections. SQLite keeps its one
// writer and its readers whatever n is. Call it before the DB is shared.
func (db *DB) SetMaxConns(n int) error {
	if err := CheckMaxConns(n); err != nil {
		return err
	}
	if db.Engine != Postgres {
		return nil
	}
	db.maxConns = n
	for _, pool := range []*sql.DB{db.write, db.replicaPool()} {
		if pool != nil {
			sizePool(pool, n)
		}
	}
	return nil
}

func (db *DB) replicaPool() *sql.DB {
	if db.replica == nil {
		return nil
	}
	return db.replica.pool.Load()
}

// Pools names the connection pools, for their figures in /metrics: the primary and the
// replica on PostgreSQL, the writer and the readers on SQLite.
func (db *DB) Pools() map[string]*sql.DB {
	if db.Engine == SQLite {
		return map[string]*sql.DB{"writer": db.write, "readers": db.read}
	}
	pools := map[string]*sql.DB{"primary": db.write}
	if p := db.replicaPool(); p != nil {
		pools["replica"] = p
	}
	return pools
}
