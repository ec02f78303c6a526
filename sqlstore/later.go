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
	return t.later(ctx, false, q, args)
}

// LaterContended is Later for a write to rows that many transactions write: the unit's
// code sequence, the report counters. On PostgreSQL it goes to the server after every
// other write queued with it, so that when it goes with the commit, such a row is held
// only for the end of the transaction rather than while the rest of it runs. Every
// transaction writes its contended rows in the same order (the order they are queued in),
// which keeps them from waiting on one another in a circle.
func (t *Tx) LaterContended(ctx context.Context, q string, args ...any) error {
	return t.later(ctx, true, q, args)
}

func (t *Tx) later(ctx context.Context, contended bool, q string, args []any) error {
	switch {
	case t.conn == nil:
		_, err := t.Exec(ctx, q, args...)
		return err
	case t.failed != nil:
		return t.failed
	case contended:
		t.contended = append(t.contended, queuedWrite{q, args})
	default:
		t.queue(q, args...)
	}
	return nil
}

func (t *Tx) queue(q string, args ...any) {
	if t.pending == nil {
		t.pending = &pgx.Batch{}
	}
	t.pending.Queue(t.db.bind(q), args...)
}

// queuedWrite is a statement LaterContended holds back.
type queuedWrite struct {
	q    string
	args []any
}

// queueContended moves the writes LaterContended held back to the end of the queue.
func (t *Tx) queueContended() {
	for _, w := range t.contended {
		t.queue(w.q, w.args...)
	}
	t.contended = nil
}
