package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
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
	return holdingConns(ctx, pool, func(ctx context.Context, conns []*sql.Conn) (bool, error) {
		tx, err := conns[0].BeginTx(ctx, nil)
		if err != nil {
			return false, fmt.Errorf("a transaction is refused (a pooler in statement mode?): %w", err)
		}
		tx.Rollback()
		// In the simple protocol, which prepares nothing, whatever the pooler does.
		return handedOver(ctx, conns, pgx.QueryExecModeSimpleProtocol)
	})
}

// poolerKeepsPrepared reports whether the pooler in transaction mode in front of pool keeps
// a statement prepared by name wherever it runs it: PgBouncer from 1.21 on, with
// max_prepared_statements above 0 (the default from 1.22), prepares it again on each
// server process as needed, and statements can then go prepared, as directly, rather
// than parsed and planned each time. The connections take their turns as in
// transactionPooled, each with a statement prepared by name. A pooler that does not keep
// them answers one of them with an error, PgBouncer 1.18 that it is not prepared (26000)
// or prepared already (42P05: two connections given one server process); one that does
// answers every turn. It is taken to keep them only if every turn was answered and a
// server process was seen to pass between connections.
func poolerKeepsPrepared(ctx context.Context, pool *sql.DB) (bool, error) {
	return holdingConns(ctx, pool, func(ctx context.Context, conns []*sql.Conn) (bool, error) {
		kept, err := handedOver(ctx, conns, pgx.QueryExecModeCacheStatement)
		if _, refused := errors.AsType[*pgconn.PgError](err); refused {
			return false, nil // whatever the server or the pooler said: it does not keep them
		}
		return kept, err
	})
}

// pooledExecMode is how statements are sent through the pooler in transaction mode in
// front of pool when the URL does not say: prepared by name once per connection
// ("cache_statement", the driver's default) if the pooler keeps them
// (poolerKeepsPrepared), else each statement's text ("exec").
func pooledExecMode(ctx context.Context, pool *sql.DB) (string, error) {
	kept, err := poolerKeepsPrepared(ctx, pool)
	if err != nil || !kept {
		return "exec", err
	}
	return "cache_statement", nil
}

// holdingConns runs look on poolerConns connections of pool held together, within
// poolerWait, and gives them back.
func holdingConns(ctx context.Context, pool *sql.DB, look func(context.Context, []*sql.Conn) (bool, error)) (bool, error) {
	ctx, cancel := context.WithTimeout(ctx, poolerWait)
	defer cancel()
	conns := make([]*sql.Conn, 0, poolerConns)
	defer func() {
		for _, c := range conns {
			c.Close()
		}
	}()
	for range poolerConns {
		c, err := pool.Conn(ctx)
		if err != nil {
			return false, err
		}
		conns = append(conns, c)
	}
	return look(ctx, conns)
}

// handedOver has the held connections ask in turn (poolerOrder) which server process
// answers them, each statement sent in mode, and reports whether a server process
// answered two of them or one of them was answered by two.
func handedOver(ctx context.Context, conns []*sql.Conn, mode pgx.QueryExecMode) (bool, error) {
	answeredBy := map[int64]int{} // server process → the connection it answered
	answered := map[int]int64{}   // connection → the server process that answered it
	seen := false
	for _, i := range poolerOrder {
		var pid int64
		if err := conns[i].QueryRowContext(ctx, `SELECT pg_backend_pid()`, mode).Scan(&pid); err != nil {
			return false, err
		}
		if c, ok := answeredBy[pid]; ok && c != i {
			seen = true
		}
		if p, ok := answered[i]; ok && p != pid {
			seen = true
		}
		answeredBy[pid], answered[i] = i, pid
	}
	return seen, nil
}

// withExecMode is u with the driver sending statements in mode (see execModeParam).
func withExecMode(u *url.URL, mode string) *url.URL {
	q := u.Query()
	q.Set(execModeParam, mode)
	c := *u
	c.RawQuery = q.Encode()
	return &c
}
