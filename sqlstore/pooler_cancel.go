package sqlstore

import (
	"database/sql"
	"net/url"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgconn/ctxwatch"
	"github.com/jackc/pgx/v5/stdlib"
)

// openPgx opens a pool of connections to the PostgreSQL server u names, without
// connecting yet. pooled says they pass a pooler in transaction mode; a statement whose
// context ends is then given pooledGrace to finish before it is broken off. A URL the
// driver cannot read is refused, without its password.
func openPgx(u *url.URL, pooled bool) (*sql.DB, error) {
	cfg, err := pgx.ParseConfig(withApplicationName(u))
	if err != nil {
		return nil, redact(err)
	}
	if pooled {
		cfg.BuildContextWatcherHandler = func(c *pgconn.PgConn) ctxwatch.Handler {
			return &pgconn.DeadlineContextWatcherHandler{Conn: c.Conn(), DeadlineDelay: pooledGrace}
		}
	}
	return stdlib.OpenDB(*cfg), nil
}

// pooledGrace is how long a statement through a pooler in transaction mode may still run
// once its caller gave up on it (a request its client left, a heartbeat past its
// interval); the caller waits for it meanwhile. Only then is the connection broken off,
// which also sends the server a cancel request. The driver's default breaks off at once,
// and that is not safe there: the cancel goes through the pooler, which may hand it, or
// the server process it was meant for, to another client. With PgBouncer 1.18 and
// heartbeats every 15 ms, 43 to 60 of 1,000 intakes by other clients failed with "bad
// connection", and TestGivingUpThroughAPoolerHarmsNoOne lost nearly every transaction,
// the pooler's client slots filling with broken connections. statement_timeout and
// lock_timeout on the role keep statements far shorter than this; the grace only bounds
// how long a caller that gave up waits for a statement stuck past them.
const pooledGrace = 5 * time.Second
