package sqlstore

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
)

// A migration named for one engine is that engine's alone, the shared ones are both's,
// and the files load in number order.
func TestMigrationsForEachEngine(t *testing.T) {
	files := fstest.MapFS{
		"migrations/0002_both.sql":           {Data: []byte("-- 2")},
		"migrations/0001_first.sql":          {Data: []byte("-- 1")},
		"migrations/0003_lean.postgres.sql":  {Data: []byte("-- 3 pg")},
		"migrations/0004_rebuild.sqlite.sql": {Data: []byte("-- 4 sqlite")},
		"migrations/0005_last.sql":           {Data: []byte("-- 5")},
	}
	want := map[Engine]string{SQLite: "[1 first 2 both 4 rebuild 5 last]", Postgres: "[1 first 2 both 3 lean 5 last]"}
	for engine, w := range want {
		migs, err := loadMigrations(files, engine)
		if err != nil {
			t.Fatal(err)
		}
		var got []any
		for _, m := range migs {
			got = append(got, m.version, m.name)
		}
		if fmt.Sprint(got) != w {
			t.Errorf("%s applies %v, want %s", engine, got, w)
		}
	}
	if _, err := loadMigrations(migrationFiles, Postgres); err != nil {
		t.Errorf("the project's own migrations: %v", err)
	}
}

// A file naming an engine that does not exist, or two files with one number for the same
// engine, stop the migration before anything runs.
func TestMigrationNamesChecked(t *testing.T) {
	for name, files := range map[string]fstest.MapFS{
		"unknown engine": {"migrations/0001_x.mysql.sql": {Data: []byte("--")}},
		"no number":      {"migrations/first.sql": {Data: []byte("--")}},
		"same number": {"migrations/0001_a.sql": {Data: []byte("--")},
			"migrations/0001_b.postgres.sql": {Data: []byte("--")}},
		"shared migration outside a transaction": {"migrations/0001_a.sql": {Data: []byte(noTransaction + "SELECT 1")}},
		"SQLite migration outside a transaction": {"migrations/0001_a.sqlite.sql": {Data: []byte(noTransaction + "SELECT 1")}},
	} {
		if _, err := loadMigrations(files, Postgres); err == nil {
			t.Errorf("%s: loaded", name)
		}
	}
}

// Every PostgreSQL migration from 0013 on that builds an index on a table that may be large
// builds it CONCURRENTLY, outside a transaction, and drops a half-built one first: an
// index built in a transaction holds back the table's writes until it is done.
func TestNewIndexesBuildConcurrently(t *testing.T) {
	migs, err := loadMigrations(migrationFiles, Postgres)
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, m := range migs {
		if m.version < 13 {
			continue
		}
		for _, stmt := range splitStatements(m.sql) {
			upper := strings.ToUpper(stmt)
			if !strings.HasPrefix(upper, "CREATE INDEX") && !strings.HasPrefix(upper, "CREATE UNIQUE INDEX") {
				continue
			}
			checked++
			fields := strings.Fields(stmt)
			name := fields[3]
			if strings.EqualFold(fields[1], "UNIQUE") {
				name = fields[4]
			}
			if !m.outsideTx || !strings.Contains(upper, " CONCURRENTLY ") ||
				!strings.Contains(strings.ToUpper(m.sql), "DROP INDEX CONCURRENTLY IF EXISTS "+strings.ToUpper(name)) {
				t.Errorf("migration %04d_%s: %q is not built concurrently after dropping a half-built one", m.version, m.name, stmt)
			}
		}
	}
	if checked == 0 {
		t.Fatal("no index built from migration 0013 on: nothing checked")
	}
}
