package main

import (
	"bytes"
	"database/sql"
	"path/filepath"
	"strings"
	"testing"

	"github.com/motcua/motcua/sqlstore"
	"github.com/motcua/motcua/sqlstore/sqlstoretest"
)

func TestBackupAndRestoreRoundTrip(t *testing.T) {
	dir := t.TempDir()
	live := filepath.Join(dir, "live.db")
	backup := filepath.Join(dir, "backup.db")
	restored := filepath.Join(dir, "restored.db")
	csv := filepath.Join("..", "..", "demo", "sct-procedures.csv")
	var out bytes.Buffer
	if err := run([]string{"import", "--db", live, csv}, &out); err != nil {
		t.Fatal(err)
	}
	if err := run([]string{"backup", "--db", live, backup}, &out); err != nil {
		t.Fatal(err)
	}
	if err := run([]string{"restore", "--db", live, backup}, &out); err == nil {
		t.Fatal("restore over an existing database without --force")
	}
	if err := run([]string{"restore", "--db", restored, filepath.Join(dir, "missing.db")}, &out); err == nil {
		t.Fatal("restore from a missing file")
	}
	if err := run([]string{"restore", "--db", restored, backup}, &out); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	if err := run([]string{"export", "--db", restored}, &out); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(out.String(), `"code":`); n < 41 {
		t.Fatalf("restored catalog has %d codes, want 41", n)
	}
}

// TestBackupAndRestorePostgres: pg_dump copies the database's schema while it runs, and
// pg_restore brings it back after it was lost.
func TestBackupAndRestorePostgres(t *testing.T) {
	dsn := sqlstoretest.PostgresDSN(t)
	dump := filepath.Join(t.TempDir(), "motcua.dump")
	csv := filepath.Join("..", "..", "demo", "sct-procedures.csv")
	var out bytes.Buffer
	if err := run([]string{"import", "--db", dsn, csv}, &out); err != nil {
		t.Fatal(err)
	}
	if err := run([]string{"backup", "--db", dsn, dump}, &out); err != nil {
		t.Fatalf("backup: %v\n%s", err, out.String())
	}
	_, schema, err := sqlstore.PostgresTools(dsn)
	if err != nil {
		t.Fatal(err)
	}
	admin, err := sql.Open("pgx", sqlstoretest.PostgresURL())
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	if _, err := admin.Exec(`DROP SCHEMA ` + schema + ` CASCADE; CREATE SCHEMA ` + schema); err != nil {
		t.Fatal(err)
	}
	if err := run([]string{"restore", "--db", dsn, dump}, &out); err != nil {
		t.Fatalf("restore: %v\n%s", err, out.String())
	}
	out.Reset()
	if err := run([]string{"export", "--db", dsn}, &out); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(out.String(), `"code":`); n < 41 {
		t.Fatalf("restored catalog has %d codes, want 41", n)
	}
}
