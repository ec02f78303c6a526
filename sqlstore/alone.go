package sqlstore

import (
	"context"
	"database/sql"
	"hash/fnv"

	"github.com/jackc/pgx/v5"
)

// jobLockClass is the first key of the advisory locks of periodic jobs (see Alone); the
// two-key locks never meet the one-key migration lock.
const jobLockClass = 0x6d63 // "mc"

// Alone runs fn unless another instance is running the same periodic job right now, and
// reports whether fn ran. Every instance runs the reminders, the purges and the sweep on
// its own clock; their work is safe to repeat, but repeating it only costs the database.
// On PostgreSQL the job's advisory lock is tried, never waited for, and held by a
// transaction kept open while fn runs (see tryHeldLock); on SQLite one process serves and fn
// always runs.
func (db *DB) Alone(ctx context.Context, job string, fn func(context.Context) error) (ran bool, err error) {
	if db.Engine != Postgres {
		return true, fn(ctx)
	}
	h := fnv.New32a()
	h.Write([]byte(job))
	release, err := db.tryHeldLock(ctx, `SELECT pg_try_advisory_xact_lock($1, $2)`, jobLockClass, int32(h.Sum32()))
	if err != nil || release == nil {
		return false, err
	}
	defer release()
	return true, fn(ctx)
}

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
