package sqlstore

import (
	"context"
	"database/sql"

	"github.com/jackc/pgx/v5"
)

// Tx is a write transaction with placeholder rebinding.
type Tx struct {
	db *DB
	tx *sql.Tx
	// unprepared lists statements this transaction ran that the writer had not prepared.
	unprepared []string
	// ctx, when set, replaces the context statements are given: the statements of a
	// grouped SQLite transaction run to the end once begun (see committer).
	ctx context.Context
	// On PostgreSQL, conn is the transaction's connection and pending the writes queued
	// by Later; failed keeps the first error of sending them.
	conn      *sql.Conn
	pending   *pgx.Batch
	contended []queuedWrite // held back by LaterContended
	failed    error
	// sent is set once the BEGIN has gone to the server, done once COMMIT or ROLLBACK has.
	sent, done bool
	// number is the code number this transaction took (PostgreSQL, see codes.go).
	number *takenNumber
	// claimed is the dossier whose row this transaction claimed (PostgreSQL, see
	// dossiers_claim.go).
	claimed int64
}

// stmt returns the transaction's handle on the writer's prepared statement for q, or nil
// (and notes q for preparing after the commit).
func (t *Tx) stmt(ctx context.Context, q string) *sql.Stmt {
	if t.db.Engine != SQLite {
		return nil
	}
	if st := t.db.writeStmts.lookup(q); st != nil {
		return t.tx.StmtContext(ctx, st)
	}
	t.unprepared = append(t.unprepared, q)
	return nil
}

// Exec, Query and QueryRow run a statement in the transaction. On PostgreSQL it follows
// the writes queued by Later, so what it reads includes them.
func (t *Tx) Exec(ctx context.Context, q string, args ...any) (sql.Result, error) {
	ctx = t.context(ctx)
	if t.conn != nil {
		return t.execPipelined(ctx, q, args)
	}
	if st := t.stmt(ctx, q); st != nil {
		return st.ExecContext(ctx, args...)
	}
	return t.tx.ExecContext(ctx, q, args...)
}

func (t *Tx) Query(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	ctx = t.context(ctx)
	if t.conn != nil {
		if err := t.flush(ctx); err != nil {
			return nil, err
		}
		return t.conn.QueryContext(ctx, t.db.bind(q), args...)
	}
	if st := t.stmt(ctx, q); st != nil {
		return st.QueryContext(ctx, args...)
	}
	return t.tx.QueryContext(ctx, q, args...)
}

func (t *Tx) QueryRow(ctx context.Context, q string, args ...any) Row {
	ctx = t.context(ctx)
	if t.conn != nil {
		return &pipelinedRow{t: t, ctx: ctx, q: q, args: args}
	}
	if st := t.stmt(ctx, q); st != nil {
		return st.QueryRowContext(ctx, args...)
	}
	return t.tx.QueryRowContext(ctx, q, args...)
}

// rowsSource is what reads shared by a transaction and the read pool need: the pool
// (*sql.DB) and a write transaction (Tx) both offer it.
type rowsSource interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// QueryContext is Query, for code that reads from a transaction or a pool alike.
func (t *Tx) QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	return t.Query(ctx, q, args...)
}

func (t *Tx) context(ctx context.Context) context.Context {
	if t.ctx != nil {
		return t.ctx
	}
	return ctx
}

// InTx runs fn in one write transaction, committing if fn returns nil; if fn fails,
// nothing it did is kept. On SQLite, transactions that wait for the writer at the same
// time share one commit (see committer). On PostgreSQL, a transaction the server rolls
// back to break a deadlock or a serialization conflict is run again from the start, up to
// ConflictTries times in all: fn must start from nothing every time it is called, setting
// rather than adding to what it hands out.
func (db *DB) InTx(ctx context.Context, fn func(*Tx) error) error {
	return retryConflicts(ctx, func() error { return db.inTxOnce(ctx, fn) })
}

// inTxOnce is one try of InTx, for a caller that tries again itself (ApplyDossierSeen's,
// whose fn changes the snapshot it is handed).
func (db *DB) inTxOnce(ctx context.Context, fn func(*Tx) error) error {
	if db.commits != nil {
		return db.commits.run(ctx, fn)
	}
	conn, err := db.write.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	t := beginPipelined(db, conn)
	committed := false
	// Rolled back on every way out but a commit, a panic in fn included: the connection
	// cannot go back to the pool while its transaction is open.
	defer func() {
		t.rollbackPipelined()
		t.endCodeNumber(committed)
	}()
	err = fn(t)
	if err == nil {
		err = t.commitPipelined(ctx)
	}
	if err != nil {
		return db.counted(t.moveError(err))
	}
	committed = true
	return nil
}

// writeRow runs one write statement that answers a row, as a transaction of its own. On
// PostgreSQL a single statement is atomic without BEGIN and COMMIT, so it costs one round
// trip, and it is run again if the server rolls it back to break a deadlock (as InTx
// does); on SQLite it takes its turn at the writer like any transaction.
func (db *DB) writeRow(ctx context.Context, q string, args ...any) Row {
	return &writerRow{db: db, ctx: ctx, q: q, args: args}
}

// writerRow is writeRow's row: the statement runs when scanned.
type writerRow struct {
	db   *DB
	ctx  context.Context
	q    string
	args []any
}

func (r *writerRow) Scan(dest ...any) error {
	if r.db.Engine == Postgres {
		return retryConflicts(r.ctx, func() error {
			return r.db.counted(r.db.write.QueryRowContext(r.ctx, r.db.bind(r.q), r.args...).Scan(dest...))
		})
	}
	return r.db.InTx(r.ctx, func(tx *Tx) error { return tx.QueryRow(r.ctx, r.q, r.args...).Scan(dest...) })
}
