package sqlstore

import (
	"context"
	"hash/fnv"
)

// jobLockClass is the first key of the advisory locks of periodic jobs (see Alone); the
// two-key locks never meet the one-key migration lock.
const jobLockClass = 0x6d63 // "mc"

// Alone runs fn unless another instance is running the same periodic job right now, and
// reports whether fn ran. Every instance runs the reminders, the purges and the sweep on
// its own clock; their work is safe to repeat, but repeating it only costs the database.
// On PostgreSQL the job's session advisory lock is tried, never waited for, and held on a
// connection of its own while fn runs; on SQLite one process serves and fn always runs.
func (db *DB) Alone(ctx context.Context, job string, fn func(context.Context) error) (ran bool, err error) {
	if db.Engine != Postgres {
		return true, fn(ctx)
	}
	h := fnv.New32a()
	h.Write([]byte(job))
	key := int32(h.Sum32())
	conn, err := db.write.Conn(ctx)
	if err != nil {
		return false, err
	}
	defer conn.Close()
	var got bool
	if err := conn.QueryRowContext(ctx, `SELECT pg_try_advisory_lock($1, $2)`, jobLockClass, key).Scan(&got); err != nil {
		return false, err
	}
	if !got {
		return false, nil
	}
	defer conn.ExecContext(context.Background(), `SELECT pg_advisory_unlock($1, $2)`, jobLockClass, key)
	return true, fn(ctx)
}
