// Package sqlstore keeps motcua's data in SQL: an embedded SQLite file by default, or
// PostgreSQL when one machine is not enough. One implementation serves both engines; the
// dialect differences stay in this file and in the migration tokens.
package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5"
	_ "github.com/jackc/pgx/v5/stdlib" // registers "pgx"
	_ "modernc.org/sqlite"             // registers "sqlite"
)

// Engine names the database engine behind a DB.
type Engine string

const (
	SQLite   Engine = "sqlite"
	Postgres Engine = "postgres"
)

// DB is a pair of pools: SQLite allows one writer at a time, so writes go through a single
// connection and reads through a pool; on PostgreSQL both are the same pool.
type DB struct {
	Engine Engine
	write  *sql.DB
	read   *sql.DB
	// schema is the PostgreSQL search_path the connection uses ("" = default); tests run
	// each in a schema of its own.
	schema string
	// sqliteDSN is the SQLite connection string without the writer or reader options.
	sqliteDSN string
	binds     sync.Map // query text → rebound text (PostgreSQL)
	// SQLite parses a statement every time it is run, so statements are prepared once per
	// pool and reused. A write transaction holds the writer's only connection, where
	// preparing on the pool would wait for itself: a statement first seen inside one runs
	// unprepared and is prepared after the commit. PostgreSQL's driver keeps its own cache.
	readStmts, writeStmts stmtCache
	// commits groups SQLite's write transactions and checkpoints copies their log back
	// into the database file (both nil on PostgreSQL).
	commits     *committer
	checkpoints *checkpointer
	// blobs holds document content when set (see UseBlobs); nil keeps it in the database.
	blobs Blobs
	// sweepChunkTime, if set, replaces sweepChunkTime (tests).
	sweepChunkTime time.Duration
	// recent keeps the dossiers stored last, for the moves to come (see recentDossiers).
	recent recentDossiers
	// codes deals dossier code numbers on PostgreSQL (see codes.go).
	codes codeDealer
	// replica serves the reads that may lag, when set (see UseReplica).
	replica *replica
	// conflicts counts the write transactions PostgreSQL rolled back (see Conflicts).
	conflicts atomic.Int64
	// maxConns bounds each PostgreSQL pool when set (see SetMaxConns).
	maxConns int
	// pooled says the connections pass a pooler in transaction mode (see TransactionPooled),
	// and execMode how statements are sent (see ExecMode).
	pooled   bool
	execMode string
}

// stmtCache holds prepared statements of one pool by query text. Queries built from
// filters vary, so it stops growing past a bound and runs the rest unprepared.
type stmtCache struct {
	mu    sync.Mutex
	stmts map[string]*sql.Stmt
}

const maxCachedStmts = 512

func (c *stmtCache) get(ctx context.Context, pool *sql.DB, q string) *sql.Stmt {
	c.mu.Lock()
	st, ok := c.stmts[q]
	full := len(c.stmts) >= maxCachedStmts
	c.mu.Unlock()
	if ok || full {
		return st
	}
	// Prepared outside the lock: preparing waits for a free connection, and holders of
	// connections must not queue behind it.
	st, err := pool.PrepareContext(ctx, q)
	if err != nil {
		return nil // the caller runs it unprepared and reports the error itself
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if prev, ok := c.stmts[q]; ok {
		st.Close()
		return prev
	}
	if c.stmts == nil {
		c.stmts = map[string]*sql.Stmt{}
	}
	c.stmts[q] = st
	return st
}

// lookup returns the prepared statement for q without preparing it.
func (c *stmtCache) lookup(q string) *sql.Stmt {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.stmts[q]
}

func (c *stmtCache) close() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, st := range c.stmts {
		st.Close()
	}
	c.stmts = nil
}

// IsPostgresURL reports whether dsn names a PostgreSQL server rather than an SQLite file.
func IsPostgresURL(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}

// Open connects to dsn (a file path or a postgres:// URL) and applies every migration.
func Open(ctx context.Context, dsn string) (*DB, error) {
	db, err := Connect(dsn)
	if err != nil {
		return nil, err
	}
	if err := db.Migrate(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// Connect opens the database without migrating it, for a look at its migrations
// (MigrationStatus) before they run. An SQLite file is created if missing.
func Connect(dsn string) (*DB, error) {
	if IsPostgresURL(dsn) {
		return openPostgres(dsn)
	}
	return openSQLite(dsn)
}

func openSQLite(path string) (*DB, error) {
	if path == "" {
		return nil, errors.New("sqlstore: empty database path")
	}
	if dir := filepath.Dir(path); dir != "." {
		if err := os.MkdirAll(dir, 0o750); err != nil {
			return nil, fmt.Errorf("sqlstore: %w", err)
		}
	}
	// busy_timeout must come before journal_mode so that switching to WAL waits for a lock
	// instead of failing when another process holds the file.
	base := "file:" + path + "?_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)" +
		"&_pragma=foreign_keys(1)&_pragma=synchronous(NORMAL)&_pragma=temp_store(MEMORY)&_time_format=sqlite"
	// The checkpointer copies the log back beside the writer, which checkpoints only past
	// writerCheckpointPages (see checkpointer). After a burst the log file is cut back to
	// 64 MiB once it has been copied.
	write, err := sql.Open("sqlite", base+"&_txlock=immediate"+
		fmt.Sprintf("&_pragma=wal_autocheckpoint(%d)", writerCheckpointPages)+"&_pragma=journal_size_limit(67108864)")
	if err != nil {
		return nil, fmt.Errorf("sqlstore: open %s: %w", path, err)
	}
	write.SetMaxOpenConns(1)
	write.SetMaxIdleConns(1)
	write.SetConnMaxLifetime(0)
	// The writer creates the file and switches it to WAL before any reader opens it.
	if err := write.Ping(); err != nil {
		write.Close()
		return nil, fmt.Errorf("sqlstore: open %s: %w", path, err)
	}
	// Readers map the first GiB of the file: pages in the map are read without a system
	// call or a copy, which is what a queue page walking an index and fetching its rows
	// spends most of its time on. Mapped pages are the kernel's page cache, shared by
	// every reader, and count in the process's resident memory once touched.
	read, err := sql.Open("sqlite", base+"&_pragma=query_only(1)&_pragma=mmap_size(1073741824)")
	if err != nil {
		write.Close()
		return nil, err
	}
	n := max(4, 2*runtime.NumCPU())
	read.SetMaxOpenConns(n)
	read.SetMaxIdleConns(n)
	ckpt, err := sql.Open("sqlite", base)
	if err != nil {
		write.Close()
		read.Close()
		return nil, err
	}
	ckpt.SetMaxOpenConns(1)
	db := &DB{Engine: SQLite, write: write, read: read, sqliteDSN: base}
	db.commits = newCommitter(db)
	db.checkpoints = newCheckpointer(ckpt, checkpointEvery)
	return db, nil
}

func openPostgres(dsn string) (*DB, error) {
	u, err := url.Parse(dsn)
	if err != nil {
		return nil, fmt.Errorf("sqlstore: bad PostgreSQL URL: %w", redact(err))
	}
	schema := u.Query().Get("search_path")
	pool, err := openPool(u)
	if err != nil {
		return nil, err
	}
	db := &DB{Engine: Postgres, write: pool, read: pool, schema: schema, execMode: u.Query().Get(execModeParam)}
	if db.pooled, err = transactionPooled(context.Background(), pool); err != nil {
		pool.Close()
		return nil, connectError(err)
	}
	if db.pooled && db.execMode == "" {
		pool.Close()
		db.execMode = "exec"
		if pool, err = openPool(withExecMode(u, db.execMode)); err != nil {
			return nil, err
		}
		db.write, db.read = pool, pool
	}
	return db, nil
}

// openPool opens a pool of connections to the PostgreSQL server u names and checks that
// it answers.
func openPool(u *url.URL) (*sql.DB, error) {
	pool, err := sql.Open("pgx", withApplicationName(u))
	if err != nil {
		return nil, fmt.Errorf("sqlstore: %w", redact(err))
	}
	sizePool(pool, defaultConns())
	if err := pool.Ping(); err != nil {
		pool.Close()
		return nil, connectError(err)
	}
	return pool, nil
}

// ErrNotAnswering marks a failure to connect because the PostgreSQL server does not answer
// right now (not reachable, starting up, shutting down): trying again later may succeed,
// where a refused password or a missing database will not.
var ErrNotAnswering = errors.New("the database server does not answer")

// connectError is err, a failure to connect, without the URL's password, marked with
// ErrNotAnswering when the server may answer later.
func connectError(err error) error {
	if Unavailable(err) {
		return fmt.Errorf("sqlstore: connect PostgreSQL: %w: %w", ErrNotAnswering, redact(err))
	}
	return fmt.Errorf("sqlstore: connect PostgreSQL: %w", redact(err))
}

// TransactionPooled reports whether the connections pass a pooler in transaction mode
// (see transactionPooled).
func (db *DB) TransactionPooled() bool { return db.pooled }

// ExecMode is how the driver sends statements (its default_query_exec_mode): what the URL
// says; else "exec", each statement's text, through a pooler in transaction mode; else ""
// for the driver's default, each statement prepared once per connection.
func (db *DB) ExecMode() string { return db.execMode }

// applicationName names motcua's connections in pg_stat_activity and the server's log,
// unless the URL names them otherwise (say, one name per instance).
const applicationName = "motcua"

// withApplicationName is the URL u with application_name set, if it had none.
func withApplicationName(u *url.URL) string {
	q := u.Query()
	if q.Get("application_name") == "" {
		q.Set("application_name", applicationName)
		c := *u
		c.RawQuery = q.Encode()
		return c.String()
	}
	return u.String()
}

// redact keeps passwords in connection strings out of error messages and logs.
func redact(err error) error {
	if err == nil {
		return nil
	}
	msg := err.Error()
	if i := strings.Index(msg, "://"); i >= 0 {
		if j := strings.Index(msg[i:], "@"); j > 0 {
			msg = msg[:i+3] + "***" + msg[i+j:]
		}
	}
	return errors.New(msg)
}

// Close closes both pools.
func (db *DB) Close() error {
	if db.commits != nil {
		db.commits.close()
	}
	db.readStmts.close()
	db.writeStmts.close()
	var err error
	if db.checkpoints != nil {
		err = db.checkpoints.close()
	}
	if db.replica != nil {
		err = errors.Join(err, db.replica.close())
	}
	err = errors.Join(err, db.write.Close())
	if db.read != db.write {
		err = errors.Join(err, db.read.Close())
	}
	return err
}

// Ping checks that the database answers.
func (db *DB) Ping(ctx context.Context) error { return db.read.PingContext(ctx) }

// bind rewrites ? placeholders to $n for PostgreSQL. Queries in this package never put a
// question mark inside a string literal, so a plain scan is enough.
func (db *DB) bind(q string) string {
	if db.Engine != Postgres {
		return q
	}
	if v, ok := db.binds.Load(q); ok {
		return v.(string)
	}
	var b strings.Builder
	n := 0
	for i := 0; i < len(q); i++ {
		if q[i] == '?' {
			n++
			fmt.Fprintf(&b, "$%d", n)
			continue
		}
		b.WriteByte(q[i])
	}
	out := b.String()
	db.binds.Store(q, out)
	return out
}

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
// time share one commit (see committer).
func (db *DB) InTx(ctx context.Context, fn func(*Tx) error) error {
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
		if Conflicted(err) {
			db.conflicts.Add(1)
		}
		return t.moveError(err)
	}
	committed = true
	return nil
}

// Conflicts counts, since the handle opened, the write transactions PostgreSQL rolled back
// to break a deadlock or a serialization conflict (see Conflicted); zero on SQLite.
func (db *DB) Conflicts() int64 { return db.conflicts.Load() }

// writeRow runs one write statement that answers a row, as a transaction of its own. On
// PostgreSQL a single statement is atomic without BEGIN and COMMIT, so it costs one round
// trip; on SQLite it takes its turn at the writer like any transaction.
func (db *DB) writeRow(ctx context.Context, q string, args ...any) Row {
	if db.Engine == Postgres {
		return db.write.QueryRowContext(ctx, db.bind(q), args...)
	}
	return &writerRow{db: db, ctx: ctx, q: q, args: args}
}

// writerRow is writeRow's row on SQLite: the statement runs at the writer when scanned.
type writerRow struct {
	db   *DB
	ctx  context.Context
	q    string
	args []any
}

func (r *writerRow) Scan(dest ...any) error {
	return r.db.InTx(r.ctx, func(tx *Tx) error { return tx.QueryRow(r.ctx, r.q, r.args...).Scan(dest...) })
}

func (db *DB) readStmt(ctx context.Context, q string) *sql.Stmt {
	if db.Engine != SQLite {
		return nil
	}
	return db.readStmts.get(ctx, db.read, q)
}

func (db *DB) query(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	if st := db.readStmt(ctx, q); st != nil {
		return st.QueryContext(ctx, args...)
	}
	return db.reader(ctx).QueryContext(ctx, db.bind(q), args...)
}

func (db *DB) queryRow(ctx context.Context, q string, args ...any) *sql.Row {
	if st := db.readStmt(ctx, q); st != nil {
		return st.QueryRowContext(ctx, args...)
	}
	return db.reader(ctx).QueryRowContext(ctx, db.bind(q), args...)
}

func (db *DB) exec(ctx context.Context, q string, args ...any) (sql.Result, error) {
	return db.write.ExecContext(ctx, db.bind(q), args...)
}
