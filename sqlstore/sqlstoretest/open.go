// Package sqlstoretest opens throwaway databases for tests: an SQLite file in the test's
// temporary folder and, when MOTCUA_TEST_POSTGRES holds a connection URL, a fresh schema on
// that PostgreSQL server, so the same test runs on both engines.
package sqlstoretest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"testing"

	"github.com/motcua/motcua/sqlstore"
)

// PostgresURL is the server tests may use, or "".
func PostgresURL() string { return os.Getenv("MOTCUA_TEST_POSTGRES") }

// ReplicaURL is a streaming standby of PostgresURL's server, or "".
func ReplicaURL() string { return os.Getenv("MOTCUA_TEST_POSTGRES_REPLICA") }

// Engines runs fn once per available engine as subtests named "sqlite" and "postgres".
func Engines(t *testing.T, fn func(t *testing.T, dsn string)) {
	t.Helper()
	t.Run("sqlite", func(t *testing.T) { fn(t, SQLiteDSN(t)) })
	if PostgresURL() != "" {
		t.Run("postgres", func(t *testing.T) { fn(t, PostgresDSN(t)) })
	}
}

// EachDB runs fn once per available engine with a migrated, empty database.
func EachDB(t *testing.T, fn func(t *testing.T, db *sqlstore.DB)) {
	t.Helper()
	Engines(t, func(t *testing.T, dsn string) { fn(t, Open(t, dsn)) })
}

// Open opens and migrates dsn, closing it when the test ends.
func Open(t testing.TB, dsn string) *sqlstore.DB {
	t.Helper()
	db, err := sqlstore.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// SQLiteDSN is a path to a new SQLite file in the test's temporary folder.
func SQLiteDSN(t testing.TB) string {
	return filepath.Join(t.TempDir(), "motcua.db")
}

// PostgresDSN creates a schema of the test's own and returns a URL that uses it; the schema
// is dropped when the test ends. It skips the test when no server is configured.
func PostgresDSN(t testing.TB) string {
	t.Helper()
	base := PostgresURL()
	if base == "" {
		t.Skip("MOTCUA_TEST_POSTGRES is not set")
	}
	b := make([]byte, 6)
	rand.Read(b)
	schema := "t_" + hex.EncodeToString(b)
	admin, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	if _, err := admin.Exec(`CREATE SCHEMA ` + schema); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		a, err := sql.Open("pgx", base)
		if err == nil {
			a.Exec(`DROP SCHEMA ` + schema + ` CASCADE`)
			a.Close()
		}
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

// PostgresTLS is dsn (a URL of PostgresDSN) asking for TLS with the server's certificate
// checked against the test cluster's CA (MOTCUA_TEST_POSTGRES_CA), and given a password
// that the cluster ignores (trust), for tests that look for it in errors. It skips t when
// the cluster has no CA.
func PostgresTLS(t testing.TB, dsn, ca string) string {
	t.Helper()
	if os.Getenv("MOTCUA_TEST_POSTGRES_CA") == "" {
		t.Skip("MOTCUA_TEST_POSTGRES_CA is not set")
	}
	if ca == "" {
		ca = os.Getenv("MOTCUA_TEST_POSTGRES_CA")
	}
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	u.User = url.UserPassword(u.User.Username(), "mat-khau-bi-mat")
	q := u.Query()
	q.Set("sslmode", "verify-full")
	q.Set("sslrootcert", ca)
	u.RawQuery = q.Encode()
	return u.String()
}
