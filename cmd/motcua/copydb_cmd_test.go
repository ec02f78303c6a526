package main

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/motcua/motcua"
	"github.com/motcua/motcua/demo"
	"github.com/motcua/motcua/loadgen"
	"github.com/motcua/motcua/service"
	"github.com/motcua/motcua/sqlstore"
	"github.com/motcua/motcua/sqlstore/sqlstoretest"
	"github.com/motcua/motcua/web"
)

// TestCopyDBToPostgres moves a month of demo history (dossiers in every state, their
// events, documents, reports, messages, sessions) from an SQLite file to PostgreSQL: every
// table but the list of instances serving the file arrives whole, the history chains
// verify, and the copy serves: new dossiers get new ids and the next code numbers. A target
// that holds rows is refused and left as it was; a copy that fails part way leaves no row
// behind.
func TestCopyDBToPostgres(t *testing.T) {
	dsn := sqlstoretest.PostgresDSN(t)
	ctx := context.Background()
	lite := filepath.Join(t.TempDir(), "motcua.db")
	src, err := sqlstore.Open(ctx, lite)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := demo.Seed(ctx, src); err != nil {
		t.Fatal(err)
	}
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	now := time.Now()
	if _, err := demo.History(ctx, src, &service.Dossiers{DB: src, Log: quiet}, demo.HistoryOptions{Seed: 3,
		From: now.AddDate(0, -1, 0), To: now, PerWorkingDay: 3, Log: quiet}); err != nil {
		t.Fatal(err)
	}
	// The instance serving the file: not copied, as it does not serve the copy.
	if _, err := src.Heartbeat(ctx, sqlstore.Instance{ID: "lite", Host: "h", PID: 1, Addr: "127.0.0.1:8080",
		Revision: "r", Migration: "m", Started: now}, now); err != nil {
		t.Fatal(err)
	}
	src.Close()

	occupied := sqlstoretest.PostgresDSN(t)
	busy, err := sqlstore.Open(ctx, occupied)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := demo.Seed(ctx, busy); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	err = run([]string{"copy-db", "--from", lite, "--to", occupied}, &out)
	var me *motcua.Error
	if !errors.As(err, &me) || me.Field != "to" {
		t.Fatalf("copy into a database with rows: %v", err)
	}
	busy.Close()
	occupiedSQL := openSQL(t, "pgx", occupied)
	if got := rowsOf(t, occupiedSQL, `SELECT CAST(COUNT(*) AS TEXT) FROM dossiers`); got[0] != "0" {
		t.Fatalf("the refused copy wrote %s dossiers", got[0])
	}

	// A copy that fails part way (here the target refuses events past the second) leaves
	// the target without a row: the tables written before the failure are rolled back.
	strict := sqlstoretest.PostgresDSN(t)
	strictDB, err := sqlstore.Open(ctx, strict)
	if err != nil {
		t.Fatal(err)
	}
	strictDB.Close()
	strictSQL := openSQL(t, "pgx", strict)
	if _, err := strictSQL.Exec(`ALTER TABLE dossier_events ADD CONSTRAINT at_most_two CHECK (seq <= 2)`); err != nil {
		t.Fatal(err)
	}
	if err := run([]string{"copy-db", "--from", lite, "--to", strict}, &out); err == nil ||
		!strings.Contains(err.Error(), "dossier_events") {
		t.Fatalf("a copy the target refuses part way: %v", err)
	}
	for _, table := range []string{"units", "accounts", "dossiers"} {
		if got := rowsOf(t, strictSQL, `SELECT CAST(COUNT(*) AS TEXT) FROM `+table); got[0] != "0" {
			t.Fatalf("the failed copy left %s rows in %s", got[0], table)
		}
	}

	out.Reset()
	if err := run([]string{"copy-db", "--from", lite, "--to", dsn}, &out); err != nil {
		t.Fatalf("copy: %v\n%s", err, out.String())
	}
	if !strings.Contains(out.String(), "every dossier history verifies") {
		t.Fatalf("copy said:\n%s", out.String())
	}
	srcSQL, dstSQL := openSQL(t, "sqlite", lite), openSQL(t, "pgx", dsn)
	if got := rowsOf(t, dstSQL, `SELECT CAST(COUNT(*) AS TEXT) FROM instances`); got[0] != "0" {
		t.Fatalf("%s instances copied, want none", got[0])
	}
	for _, q := range []string{
		`SELECT CAST(id AS TEXT) || ' ' || COALESCE(code, '') || ' ' || body FROM dossiers ORDER BY id`,
		`SELECT CAST(dossier_id AS TEXT) || ' ' || CAST(seq AS TEXT) || ' ' || hash FROM dossier_events ORDER BY dossier_id, seq`,
		`SELECT sha256 || ' ' || CAST(LENGTH(content) AS TEXT) || ' ' || CASE WHEN content_in_store THEN 'store' ELSE 'row' END FROM dossier_documents ORDER BY id`,
		`SELECT unit || ' ' || CAST(day AS TEXT) || ' ' || CAST(last AS TEXT) FROM code_sequences ORDER BY unit, day`,
		`SELECT topic || ' ' || dedupe_key FROM outbox ORDER BY id`,
		`SELECT username || ' ' || CASE WHEN disabled THEN 'off' ELSE 'on' END FROM accounts ORDER BY id`,
		`SELECT code || ' ' || COALESCE(parent, '-') FROM units ORDER BY code`,
	} {
		a, b := rowsOf(t, srcSQL, q), rowsOf(t, dstSQL, q)
		if len(a) == 0 || !slices.Equal(a, b) {
			t.Fatalf("%s\nSQLite %d rows, PostgreSQL %d rows", q, len(a), len(b))
		}
	}

	// The planner knows the tables are full (ANALYZE ran): a new table counts -1 rows.
	if got := rowsOf(t, dstSQL, `SELECT CAST(reltuples AS TEXT) FROM pg_class
		WHERE oid = CAST('dossiers' AS regclass)`); got[0] == "-1" || got[0] == "0" {
		t.Fatalf("the copy left dossiers without statistics: reltuples %s", got[0])
	}

	// The copy serves: the next dossiers take new ids and the next numbers of the day.
	var maxID int64
	if err := dstSQL.QueryRow(`SELECT MAX(id) FROM dossiers`).Scan(&maxID); err != nil {
		t.Fatal(err)
	}
	dst, err := sqlstore.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer dst.Close()
	srv, err := web.New(ctx, dst, quiet, web.Config{})
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(srv.Handler())
	defer hs.Close()
	c := loadgen.NewClient(hs.URL, 2)
	in, err := loadgen.SignIn(ctx, c, "congdan", "tiepnhan", demo.Password)
	if err != nil {
		t.Fatalf("the copied accounts do not sign in: %v", err)
	}
	for i := range 3 {
		id, r, err := in.Run(ctx, func(loadgen.Step) *loadgen.Client { return c }, fmt.Sprintf("after-copy-%d", i))
		if err != nil {
			t.Fatal(err)
		}
		if id <= maxID {
			t.Fatalf("a new dossier took id %d, not past the copied %d", id, maxID)
		}
		if r.Code == "" {
			t.Fatal("a receipt after the copy has no code")
		}
	}
	codes := rowsOf(t, dstSQL, `SELECT code FROM dossiers WHERE code IS NOT NULL`)
	seen := map[string]bool{}
	for _, c := range codes {
		if seen[c] {
			t.Fatalf("code %s twice after the copy", c)
		}
		seen[c] = true
	}
}

// openSQL opens a database with its driver alone, to read it as it is.
func openSQL(t *testing.T, driver, dsn string) *sql.DB {
	t.Helper()
	db, err := sql.Open(driver, dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// rowsOf reads one text column of every row q returns.
func rowsOf(t *testing.T, db *sql.DB, q string) []string {
	t.Helper()
	rows, err := db.Query(q)
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			t.Fatal(err)
		}
		out = append(out, s)
	}
	return out
}
