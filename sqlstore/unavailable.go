package sqlstore

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"io"
	"net"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"
)

// Unavailable reports whether err says the database cannot be reached, cannot take writes
// or cannot answer in time right now, rather than that the request or the system is wrong:
// the server is down, restarting or failing over, a connection broke, the URL reaches a
// standby (read-only), a statement ran past statement_timeout or waited past lock_timeout,
// the server ended the transaction to break a deadlock or because another changed its rows
// first (serialization failure), or the request's own deadline passed. A network error of
// the object store counts too. Such a request may succeed if sent again in a moment. A
// request its client gave up on (context.Canceled) does not count: nothing is wrong on
// this side.
func Unavailable(err error) bool {
	if err == nil {
		return false
	}
	var pg *pgconn.PgError
	if errors.As(err, &pg) {
		switch {
		case strings.HasPrefix(pg.Code, "08"): // connection exception
			return true
		case pg.Code == "57P01", pg.Code == "57P02", pg.Code == "57P03": // shut down, crashed, starting up
			return true
		case pg.Code == "25006": // read-only transaction: a standby, or a primary being demoted
			return true
		case pg.Code == "57014", pg.Code == "55P03": // statement_timeout, lock_timeout
			return true
		}
		return Conflicted(err)
	}
	var connect *pgconn.ConnectError
	var netErr net.Error
	return errors.Is(err, context.DeadlineExceeded) || errors.As(err, &connect) || errors.As(err, &netErr) || errors.Is(err, driver.ErrBadConn) ||
		errors.Is(err, sql.ErrConnDone) || pgconn.SafeToRetry(err) ||
		errors.Is(err, io.ErrUnexpectedEOF) // the server went away in the middle of an answer
}

// Conflicted reports whether err says PostgreSQL rolled the transaction back to break a
// deadlock (40P01) or because another transaction changed its rows first (serialization
// failure, 40001). Nothing of the transaction was kept, and running it again from the
// start is the expected answer. SQLite's single writer meets neither.
func Conflicted(err error) bool {
	var pg *pgconn.PgError
	return errors.As(err, &pg) && (pg.Code == "40P01" || pg.Code == "40001")
}
