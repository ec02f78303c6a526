package sqlstore

import (
	"context"
	"errors"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
)

// Later runs a write whose result the caller does not need. On SQLite it runs at once. On
// PostgreSQL it is queued, and the queue goes to the server in one round trip when the
// transaction next runs a statement or commits, so a move's many small writes cost one
// trip instead of one each. An error surfaces there, and the transaction fails whole.
func (t *Tx) Later(ctx context.Context, q string, args ...any) error {
	if t.conn == nil {
		_, err := t.Exec(ctx, q, args...)
		return err
	}
	if t.failed != nil {
		return t.failed
	}
	if t.pending == nil {
		t.pending = &pgx.Batch{}
	}
	t.pending.Queue(t.db.bind(q), args...)
	return nil
}

// flush sends the queued writes and reads their outcomes. The first error is kept: the
// server has aborted the transaction, and the commit must not be attempted.
func (t *Tx) flush(ctx context.Context) error {
	if t.failed != nil || t.pending == nil {
		return t.failed
	}
	batch := t.pending
	t.pending = nil
	t.failed = t.conn.Raw(func(dc any) error {
		c, ok := dc.(*stdlib.Conn)
		if !ok {
			return errors.New("sqlstore: PostgreSQL connection is not pgx")
		}
		return c.Conn().SendBatch(ctx, batch).Close()
	})
	return t.failed
}
