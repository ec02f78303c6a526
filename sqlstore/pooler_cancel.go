package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgconn/ctxwatch"
	"github.com/jackc/pgx/v5/stdlib"
)

// openPgx opens a pool of connections to the PostgreSQL server u names, without
// connecting yet. pooled says they pass a pooler in transaction mode; a statement whose
// context ends is then let finish (letFinish) rather than broken off.
func openPgx(u *url.URL, pooled bool) (*sql.DB, error) {
	cfg, err := pgx.ParseConfig(withApplicationName(u))
	if err != nil {
		return nil, fmt.Errorf("sqlstore: %w", redact(err))
	}
	if pooled {
		cfg.BuildContextWatcherHandler = func(*pgconn.PgConn) ctxwatch.Handler { return letFinish{} }
	}
	return stdlib.OpenDB(*cfg), nil
}

// letFinish is how a connection through a pooler in transaction mode treats a statement
// whose context ended (a request its client gave up on, a heartbeat past its interval):
// it waits for the answer as if nothing happened. The driver's own way, breaking the
// connection off and asking the server to cancel, harms other clients there: the cancel
// goes through the pooler, which may hand it, or the server process it was meant for, to
// someone else. With PgBouncer 1.18 and frequent heartbeats, 43 to 60 of 1,000 intakes by
// other clients failed with "bad connection", and TestGivingUpThroughAPoolerHarmsNoOne
// lost nearly every transaction, the pooler's client slots filling with broken
// connections. statement_timeout and lock_timeout in the URL still bound every statement.
type letFinish struct{}

func (letFinish) HandleCancel(context.Context) {}
func (letFinish) HandleUnwatchAfterCancel()    {}
