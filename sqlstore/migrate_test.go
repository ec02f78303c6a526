package sqlstore

import (
	"fmt"
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
	} {
		if _, err := loadMigrations(files, Postgres); err == nil {
			t.Errorf("%s: loaded", name)
		}
	}
}
