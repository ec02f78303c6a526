package main

import (
	"bytes"
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/motcua/motcua/sqlstore"
	"github.com/motcua/motcua/sqlstore/sqlstoretest"
)

// TestMigrateStatus: --status lists what a database lacks without creating or changing
// it; migrate applies those and names each; afterwards nothing is left to apply.
func TestMigrateStatus(t *testing.T) {
	db := filepath.Join(t.TempDir(), "motcua.db")
	all, err := sqlstore.Migrations(sqlstore.SQLite)
	if err != nil || len(all) < 13 {
		t.Fatalf("this build's migrations: %v %v", all, err)
	}
	var out bytes.Buffer
	if err := run([]string{"migrate", "--status", "--db", db}, &out); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "to apply: "+strconv.Itoa(len(all))) || !strings.Contains(out.String(), "  "+all[0].String()) {
		t.Fatalf("status of a missing database:\n%s", out.String())
	}
	if _, err := os.Stat(db); !os.IsNotExist(err) {
		t.Fatalf("--status created the database: %v", err)
	}

	out.Reset()
	if err := run([]string{"migrate", "--db", db}, &out); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(out.String(), "applied "); n != len(all) || !strings.Contains(out.String(), "applied "+all[len(all)-1].String()) {
		t.Fatalf("migrate named %d migrations, want %d:\n%s", n, len(all), out.String())
	}

	out.Reset()
	if err := run([]string{"migrate", "--status", "--db", db}, &out); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "applied: "+strconv.Itoa(len(all))+" ("+all[0].String()+" … "+all[len(all)-1].String()+")") ||
		!strings.Contains(out.String(), "to apply: 0") {
		t.Fatalf("status after migrating:\n%s", out.String())
	}
	out.Reset()
	if err := run([]string{"migrate", "--db", db}, &out); err != nil || strings.Contains(out.String(), "applied ") {
		t.Fatalf("a second migrate: %v\n%s", err, out.String())
	}
}

// TestNewerSchemaIsNamed: on a database a newer build migrated, migrate --status lists the
// migrations this build does not know, migrate says so and changes nothing, and serve
// logs a warning naming them.
func TestNewerSchemaIsNamed(t *testing.T) {
	path := filepath.Join(t.TempDir(), "motcua.db")
	var out bytes.Buffer
	if err := run([]string{"migrate", "--db", path}, &out); err != nil {
		t.Fatal(err)
	}
	raw, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	_, err = raw.Exec(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (9999, 'from_a_newer_build', 0)`)
	raw.Close()
	if err != nil {
		t.Fatal(err)
	}
	out.Reset()
	if err := run([]string{"migrate", "--status", "--db", path}, &out); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "newer than this build: 1\n  9999_from_a_newer_build") || !strings.Contains(out.String(), "to apply: 0") {
		t.Fatalf("status of a newer database:\n%s", out.String())
	}
	out.Reset()
	if err := run([]string{"migrate", "--db", path}, &out); err != nil ||
		strings.Contains(out.String(), "applied ") || !strings.Contains(out.String(), "1 migrations newer than this build, from 9999_from_a_newer_build") {
		t.Fatalf("migrate on a newer database: %v\n%s", err, out.String())
	}

	db := sqlstoretest.Open(t, path)
	var logs bytes.Buffer
	warnNewerSchema(context.Background(), db, newLogger(&logs, "info"))
	if !strings.Contains(logs.String(), `"level":"WARN"`) || !strings.Contains(logs.String(), `"newer":"9999_from_a_newer_build"`) {
		t.Fatalf("serve's warning: %s", logs.String())
	}
	logs.Reset()
	warnNewerSchema(context.Background(), sqlstoretest.Open(t, sqlstoretest.SQLiteDSN(t)), newLogger(&logs, "info"))
	if logs.Len() != 0 {
		t.Fatalf("a warning on a database of this build: %s", logs.String())
	}
}
