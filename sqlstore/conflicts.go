package sqlstore

import (
	"context"
	"math/rand/v2"
	"time"
)

// ConflictTries bounds how many times a write PostgreSQL keeps rolling back to break a
// deadlock or a serialization conflict (Conflicted) is tried in all; after the last, the
// error goes to the caller (the web answers 503 with Retry-After).
const ConflictTries = 3

// PauseAfterConflict waits a random while before the next try of a write that met its
// conflicts-th conflict, longer after each, so that the two sides of a deadlock do not meet
// again; it returns early with ctx's error if ctx ends first.
func PauseAfterConflict(ctx context.Context, conflicts int) error {
	t := time.NewTimer(time.Duration(conflicts) * (time.Millisecond + rand.N(10*time.Millisecond)))
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// retryConflicts runs try, and again from the start while it fails with a conflict, up to
// ConflictTries times in all. try must start from nothing every time: a conflict means
// the server kept nothing of it.
func retryConflicts(ctx context.Context, try func() error) error {
	for n := 1; ; n++ {
		err := try()
		if !Conflicted(err) || n == ConflictTries {
			return err
		}
		if perr := PauseAfterConflict(ctx, n); perr != nil {
			return perr
		}
	}
}

// counted counts err in Conflicts if it is a conflict, and returns it.
func (db *DB) counted(err error) error {
	if Conflicted(err) {
		db.conflicts.Add(1)
	}
	return err
}

// Conflicts counts, since the handle opened, the writes PostgreSQL rolled back to break a
// deadlock or a serialization conflict (see Conflicted), each try counted; zero on SQLite.
func (db *DB) Conflicts() int64 { return db.conflicts.Load() }
