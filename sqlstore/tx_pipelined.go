package sqlstore

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/stdlib"
)

// A PostgreSQL write transaction is pipelined: its BEGIN, the writes queued by Later and
// the statement that needs an answer go to the server together, and COMMIT goes with the
// last writes (those LaterContended held back go just before it). A move (read the
// dossier, write it back) costs two round trips instead of a BEGIN, a read, the writes and
// a COMMIT each waiting for the server; one from a kept copy, which needs no read, costs
// one (dossiers_claim.go).

// beginPipelined starts a transaction on conn whose BEGIN waits for the first statement.
func beginPipelined(db *DB, conn *sql.Conn) *Tx {
	t := &Tx{db: db, conn: conn, pending: &pgx.Batch{}}
	t.pending.Queue("begin")
	return t
}

// pipelinedRead is a statement whose answer is wanted, sent after the queued writes;
// read takes its outcome from the batch.
type pipelinedRead struct {
	q    string
	args []any
	read func(pgx.BatchResults) error
}

// send sends the queued statements and then reads, if any, in one round trip, handing
// each read its outcome in turn. An error that aborts the server's transaction is kept:
// nothing more may be sent but a rollback.
func (t *Tx) send(ctx context.Context, reads ...pipelinedRead) error {
	if t.failed != nil {
		return t.failed
	}
	t.queueContended()
	batch := t.pending
	t.pending = nil
	if batch == nil {
		if len(reads) == 0 {
			return nil
		}
		batch = &pgx.Batch{}
	}
	queued := batch.Len()
	for _, r := range reads {
		batch.Queue(t.db.bind(r.q), r.args...)
	}
	t.sent = true
	err := t.conn.Raw(func(dc any) error {
		c, ok := dc.(*stdlib.Conn)
		if !ok {
			return errors.New("sqlstore: PostgreSQL connection is not pgx")
		}
		br := c.Conn().SendBatch(ctx, batch)
		t.sentCodeNumber() // a dealt code number's move is on its way (codes.go)
		for range queued {
			if _, err := br.Exec(); err != nil {
				br.Close()
				return err
			}
		}
		for _, r := range reads {
			if err := r.read(br); err != nil {
				br.Close()
				return err
			}
		}
		return br.Close()
	})
	if aborts(err) {
		t.failed = err
	}
	return err
}

// aborts reports whether err leaves the server's transaction unusable: any error but a
// row that was not there or a value the client could not take.
func aborts(err error) bool {
	return err != nil && !errors.Is(err, sql.ErrNoRows) && !errors.Is(err, errScan)
}

// errScan marks an error of reading a value the server sent, which leaves the
// transaction as it was.
var errScan = errors.New("sqlstore: scan")

// flush sends the queued writes.
func (t *Tx) flush(ctx context.Context) error {
	if t.conn == nil {
		return nil
	}
	return t.send(ctx)
}

// execPipelined runs q after the queued writes, in the same round trip.
func (t *Tx) execPipelined(ctx context.Context, q string, args []any) (sql.Result, error) {
	var tag pgconn.CommandTag
	err := t.send(ctx, pipelinedRead{q, args, func(br pgx.BatchResults) error {
		var err error
		tag, err = br.Exec()
		return err
	}})
	if err != nil {
		return nil, err
	}
	return driver.RowsAffected(tag.RowsAffected()), nil
}

// Row is one row a statement answered, as *sql.Row gives it.
type Row interface{ Scan(dest ...any) error }

// pipelinedRow is a PostgreSQL row whose statement is sent, after the queued writes, when
// it is scanned.
type pipelinedRow struct {
	t    *Tx
	ctx  context.Context
	q    string
	args []any
}

func (r *pipelinedRow) Scan(dest ...any) error {
	return r.t.send(r.ctx, rowRead(r.q, r.args, dest...))
}

// rowRead reads the first row q answers into dest, as Row.Scan does.
func rowRead(q string, args []any, dest ...any) pipelinedRead {
	return pipelinedRead{q, args, func(br pgx.BatchResults) error {
		rows, err := br.Query()
		if err != nil {
			return err
		}
		defer rows.Close()
		if !rows.Next() {
			if err := rows.Err(); err != nil {
				return err
			}
			return sql.ErrNoRows
		}
		if err := rows.Scan(dest...); err != nil {
			var pg *pgconn.PgError
			if errors.As(err, &pg) {
				return err
			}
			return errors.Join(errScan, err)
		}
		rows.Close()
		return rows.Err()
	}}
}

// commitPipelined sends the queued writes and COMMIT in one round trip.
func (t *Tx) commitPipelined(ctx context.Context) error {
	if t.failed != nil {
		return t.failed
	}
	t.queueContended()
	t.queue("commit")
	if err := t.send(ctx); err != nil {
		return err
	}
	t.done = true
	return nil
}

// rollbackPipelined ends a transaction that did not commit. A connection that cannot roll
// back is dropped, never handed to the next caller with a transaction open.
func (t *Tx) rollbackPipelined() {
	if t.done || !t.sent {
		return
	}
	t.done = true
	if _, err := t.conn.ExecContext(context.Background(), "rollback"); err != nil {
		t.conn.Raw(func(any) error { return driver.ErrBadConn })
	}
}
