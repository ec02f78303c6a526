package sqlstore

import (
	"context"
	"database/sql"

	"github.com/jackc/pgx/v5"
)

// tryHeldLock runs try, a statement that tries a transaction's advisory lock and says
// whether it got it, in a transaction of its own, and keeps that transaction open until
// release is called; release is nil when the lock was taken already.
//
// A lock held by a transaction, not by a session, is what works behind a pooler in
// transaction mode (PgBouncer), which hands a server connection to another client
// between transactions: a session's lock would stay behind on whichever connection took
// it, to be granted again to anyone who lands there, and its unlock could reach another.
// The transaction then waits with no snapshot, so it holds back neither VACUUM nor an
// index built CONCURRENTLY: it reads committed data, and its one statement runs in the
// simple protocol, whose portal ends with the statement (the extended protocol's unnamed
// portal, and the snapshot it holds, would last until the next statement).
func (db *DB) tryHeldLock(ctx context.Context, try string, args ...any) (release func(), err error) {
	// Read committed whatever the server's default, so that no snapshot outlives a statement.
	tx, err := db.write.BeginTx(ctx, &sql.TxOptions{Isolation: sql.LevelReadCommitted})
	if err != nil {
		return nil, err
	}
	var got bool
	simple := append([]any{pgx.QueryExecModeSimpleProtocol}, args...)
	if err := tx.QueryRowContext(ctx, try, simple...).Scan(&got); err != nil || !got {
		tx.Rollback()
		return nil, err
	}
	return func() { tx.Rollback() }, nil
}
