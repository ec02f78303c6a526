package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"strings"
)

// Backup writes a consistent copy of an SQLite database to path while the server keeps
// running (VACUUM INTO reads one snapshot and writes a compact file). PostgreSQL is backed
// up with pg_dump; see the README.
func (db *DB) Backup(ctx context.Context, path string) error {
	if db.Engine != SQLite {
		return errors.New("sao lưu PostgreSQL bằng pg_dump (xem README) / back up PostgreSQL with pg_dump (see README)")
	}
	if _, err := os.Stat(path); err == nil {
		return fmt.Errorf("tệp %s đã tồn tại / %s already exists", path, path)
	}
	if strings.ContainsRune(path, '\'') {
		return errors.New("đường dẫn không được chứa dấu nháy / path must not contain a quote")
	}
	// A connection of its own: the reader pool is query-only and the writer must stay free
	// for intake while the copy is made.
	conn, err := sql.Open("sqlite", db.sqliteDSN)
	if err != nil {
		return err
	}
	defer conn.Close()
	_, err = conn.ExecContext(ctx, `VACUUM INTO '`+path+`'`)
	return err
}

// Check verifies an SQLite file's integrity and reports the last migration it holds.
func (db *DB) Check(ctx context.Context) (int, error) {
	if db.Engine == SQLite {
		var res string
		if err := db.read.QueryRowContext(ctx, `PRAGMA integrity_check`).Scan(&res); err != nil {
			return 0, err
		}
		if res != "ok" {
			return 0, fmt.Errorf("integrity check: %s", res)
		}
	}
	var v int
	err := db.read.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&v)
	return v, err
}

// PostgresTools splits a postgres:// URL for the server's own tools (pg_dump, pg_restore):
// the URL without search_path, which libpq does not accept, and the schema the system's
// tables live in: the one search_path names (see openPostgres), or else the server's
// current_schema() for the URL's role, public by default.
func PostgresTools(ctx context.Context, dsn string) (libpqURL, schema string, err error) {
	u, err := url.Parse(dsn)
	if err != nil {
		return "", "", fmt.Errorf("sqlstore: bad PostgreSQL URL: %w", redact(err))
	}
	q := u.Query()
	schema = q.Get("search_path")
	q.Del("search_path")
	u.RawQuery = q.Encode()
	if schema != "" {
		return u.String(), schema, nil
	}
	pool, err := sql.Open("pgx", dsn)
	if err != nil {
		return "", "", fmt.Errorf("sqlstore: %w", redact(err))
	}
	defer pool.Close()
	var current sql.NullString
	if err := pool.QueryRowContext(ctx, `SELECT current_schema()`).Scan(&current); err != nil {
		return "", "", fmt.Errorf("sqlstore: connect PostgreSQL: %w", redact(err))
	}
	if !current.Valid {
		return "", "", errors.New("sqlstore: no schema of the search path exists; name one with search_path")
	}
	return u.String(), current.String, nil
}
