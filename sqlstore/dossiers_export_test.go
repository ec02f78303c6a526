package sqlstore

import "context"

// ExecForTest lets the external tests damage stored data the way an intruder with direct
// database access would.
func (db *DB) ExecForTest(ctx context.Context, q string, args ...any) error {
	_, err := db.exec(ctx, q, args...)
	return err
}
