package sqlstore

import (
	"context"

	"github.com/jackc/pgx/v5"
)

// Later runs a write whose result the caller does not need. On SQLite it runs at once. On
// PostgreSQL it is queued, and the queue goes to the server with the transaction's next
// statement or its commit (see tx_pipelined.go). An error surfaces there, and the
// transaction fails whole.
func (t *Tx) Later(ctx context.Context, q string, args ...any) error {
	if t.conn == nil {
		_, err := t.Exec(ctx, q, args...)
		return err
	}
	if t.failed != nil {
		return t.failed
	}
	t.queue(q, args...)
	return nil
}

func (t *Tx) queue(q string, args ...any) {
	if t.pending == nil {
		t.pending = &pgx.Batch{}
	}
	t.pending.Queue(t.db.bind(q), args...)
}
