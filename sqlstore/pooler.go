package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"time"

	"github.com/jackc/pgx/v5"
)

// execModeParam is the driver's URL setting for how statements are sent. By default it
// prepares each statement once per connection and runs it by name after that; "exec" sends
// the text every time, which a pooler in transaction mode needs (see transactionPooled).
const execModeParam = "default_query_exec_mode"

// poolerProbes is how many times transactionPooled looks; poolerWait bounds each look.
const (
	poolerProbes = 3
	poolerWait   = 5 * time.Second
)

// transactionPooled reports whether pool's connections reach PostgreSQL through a pooler
// in transaction mode (PgBouncer's pool_mode = transaction, or alike), which hands each
// connection's server process to another connection once a transaction ends. A statement
// prepared on one server process is then unknown to the next, or already there under its
// name, and every request fails.
//
// It looks the way only such a pooler behaves: connection a runs a statement; connection b
// opens a transaction; if b's transaction runs on the server process that answered a, or a
// is now answered by another, one connection was served by two processes. Directly, or
// through a pooler in session mode, a keeps its process and b never gets it. A pooler with
// spare server processes may hand b another one, so it looks a few times.
func transactionPooled(ctx context.Context, pool *sql.DB) (bool, error) {
	ctx, cancel := context.WithTimeout(ctx, poolerWait)
	defer cancel()
	a, err := pool.Conn(ctx)
	if err != nil {
		return false, err
	}
	defer a.Close()
	b, err := pool.Conn(ctx)
	if err != nil {
		return false, err
	}
	defer b.Close()
	pid := func(q interface {
		QueryRowContext(context.Context, string, ...any) *sql.Row
	}) (n int64, err error) {
		// In the simple protocol, which prepares nothing, whatever the pooler does.
		err = q.QueryRowContext(ctx, `SELECT pg_backend_pid()`, pgx.QueryExecModeSimpleProtocol).Scan(&n)
		return n, err
	}
	for range poolerProbes {
		first, err := pid(a)
		if err != nil {
			return false, err
		}
		tx, err := b.BeginTx(ctx, nil)
		if err != nil {
			return false, fmt.Errorf("a transaction is refused (a pooler in statement mode?): %w", err)
		}
		held, err := pid(tx)
		if err != nil || held == first {
			tx.Rollback()
			return err == nil, err
		}
		again, err := pid(a)
		tx.Rollback()
		if err != nil || again != first {
			return err == nil, err
		}
	}
	return false, nil
}

// execModeSet reports whether the URL u chooses how statements are sent.
func execModeSet(u *url.URL) bool { return u.Query().Get(execModeParam) != "" }

// withExecMode is u sending every statement's text (see execModeParam).
func withExecMode(u *url.URL) *url.URL {
	q := u.Query()
	q.Set(execModeParam, "exec")
	c := *u
	c.RawQuery = q.Encode()
	return &c
}
