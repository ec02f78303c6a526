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

// poolerConns is how many connections transactionPooled looks through, and poolerOrder
// the order their statements run in; poolerWait bounds the look.
const (
	poolerConns = 4
	poolerWait  = 5 * time.Second
)

var poolerOrder = []int{0, 1, 2, 3, 3, 2, 1, 0, 0, 2, 1, 3}

// transactionPooled reports whether pool's connections reach PostgreSQL through a pooler
// in transaction mode (PgBouncer's pool_mode = transaction, or alike), which hands each
// connection's server process to another connection once a transaction ends. A statement
// prepared on one server process is then unknown to the next, or already there under its
// name, and every request fails.
//
// It looks for what only such a pooler does: four connections, held open together, each
// ask in turn which server process answers them. Directly, or through a pooler in session
// mode, each has a process of its own for as long as it is open. Through a pooler in
// transaction mode two of them are answered by one process, or one by two: whether the
// pooler hands out the process used last (PgBouncer's default), the one idle longest
// (server_round_robin) or any, the turns, taken forwards, backwards and mixed, show it.
func transactionPooled(ctx context.Context, pool *sql.DB) (bool, error) {
	ctx, cancel := context.WithTimeout(ctx, poolerWait)
	defer cancel()
	conns := make([]*sql.Conn, poolerConns)
	for i := range conns {
		c, err := pool.Conn(ctx)
		if err != nil {
			return false, err
		}
		defer c.Close()
		conns[i] = c
	}
	tx, err := conns[0].BeginTx(ctx, nil)
	if err != nil {
		return false, fmt.Errorf("a transaction is refused (a pooler in statement mode?): %w", err)
	}
	tx.Rollback()
	answeredBy := map[int64]int{} // server process → the connection it answered
	answered := map[int]int64{}   // connection → the server process that answered it
	for _, i := range poolerOrder {
		var pid int64
		// In the simple protocol, which prepares nothing, whatever the pooler does.
		err := conns[i].QueryRowContext(ctx, `SELECT pg_backend_pid()`, pgx.QueryExecModeSimpleProtocol).Scan(&pid)
		if err != nil {
			return false, err
		}
		if c, ok := answeredBy[pid]; ok && c != i {
			return true, nil
		}
		if p, ok := answered[i]; ok && p != pid {
			return true, nil
		}
		answeredBy[pid], answered[i] = i, pid
	}
	return false, nil
}

// withExecMode is u with the driver sending statements in mode (see execModeParam).
func withExecMode(u *url.URL, mode string) *url.URL {
	q := u.Query()
	q.Set(execModeParam, mode)
	c := *u
	c.RawQuery = q.Encode()
	return &c
}
