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
// On PostgreSQL the job's advisory lock is tried, never waited for, and held by a
// transaction kept open while fn runs (see tryHeldLock); on SQLite one process serves and fn
// always runs.
func (db *DB) Alone(ctx context.Context, job string, fn func(context.Context) error) (ran bool, err error) {
	if db.Engine != Postgres {
		return true, fn(ctx)
	}
	class, key := jobLock(job)
	release, err := db.tryHeldLock(ctx, `SELECT pg_try_advisory_xact_lock($1, $2)`, class, key)
	if err != nil || release == nil {
		return false, err
	}
	defer release()
	return true, fn(ctx)
}

// jobLock is the two keys of job's advisory lock.
func jobLock(job string) (class, key int32) {
	h := fnv.New32a()
	h.Write([]byte(job))
	return jobLockClass, int32(h.Sum32())
}
