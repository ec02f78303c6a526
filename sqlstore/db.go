// Package sqlstore keeps motcua's data in SQL: an embedded SQLite file by default, or
// PostgreSQL when one machine is not enough. One implementation serves both engines: this
// file opens either and rebinds placeholders for PostgreSQL; the few statements the two
// say differently choose by Engine where they are, and migrations may be one engine's.
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
	pool, err := openPool(u, false)
	if err != nil {
		return nil, err
	}
	db := &DB{Engine: Postgres, write: pool, read: pool, schema: schema, execMode: u.Query().Get(execModeParam)}
	if db.pooled, err = transactionPooled(context.Background(), pool); err != nil {
		pool.Close()
		return nil, connectError(err)
	}
	if db.pooled {
		// Opened again for the pooler: statements sent unprepared unless the pooler keeps
		// them prepared or the URL says otherwise, and let finish when their context ends.
		if db.execMode == "" {
			if db.execMode, err = pooledExecMode(context.Background(), pool); err != nil {
				pool.Close()
				return nil, connectError(err)
			}
			u = withExecMode(u, db.execMode)
		}
		pool.Close()
		if pool, err = openPool(u, true); err != nil {
			return nil, err
		}
		db.write, db.read = pool, pool
	}
	return db, nil
}

// openPool opens a pool of connections to the PostgreSQL server u names, through a pooler
// in transaction mode if pooled (see openPgx), and checks that it answers.
func openPool(u *url.URL, pooled bool) (*sql.DB, error) {
	pool, err := openPgx(u, pooled)
	if err != nil {
		return nil, fmt.Errorf("sqlstore: %w", err)
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
// says; else, through a pooler in transaction mode, "cache_statement" (each statement
// prepared once per connection) if the pooler keeps prepared statements and "exec" (each
// statement's text) if not (see poolerKeepsPrepared); else "" for the driver's default,
// which is cache_statement.
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

// exec runs one write statement outside a transaction; on PostgreSQL it is run again if
// the server rolls it back to break a deadlock (see InTx).
func (db *DB) exec(ctx context.Context, q string, args ...any) (res sql.Result, err error) {
	if db.Engine != Postgres {
		return db.write.ExecContext(ctx, q, args...)
	}
	err = retryConflicts(ctx, func() error {
		res, err = db.write.ExecContext(ctx, db.bind(q), args...)
		return db.counted(err)
	})
	return res, err
}
