package main

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/motcua/motcua"
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
	_, schema, err := sqlstore.PostgresTools(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	admin, err := sql.Open("pgx", sqlstoretest.PostgresURL())
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()

	// pg_restore writes into the dump's own schema: another schema's URL is refused, and
	// neither schema changes.
	other := sqlstoretest.PostgresDSN(t)
	err = run([]string{"restore", "--db", other, dump}, &out)
	var me *motcua.Error
	if !errors.As(err, &me) || me.Field != "db" || !strings.Contains(me.EN, schema) {
		t.Fatalf("restore into another schema: %v, want a refusal naming db and %s", err, schema)
	}
	tables := func(schema string) int {
		var n int
		if err := admin.QueryRow(`SELECT COUNT(*) FROM pg_tables WHERE schemaname = $1`, schema).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	if _, otherSchema, _ := sqlstore.PostgresTools(context.Background(), other); tables(otherSchema) != 0 {
		t.Fatalf("the refused restore wrote %d tables into %s", tables(otherSchema), otherSchema)
	}

	// A dump of something else is refused before pg_restore drops anything.
	foreign := filepath.Join(t.TempDir(), "foreign.dump")
	if _, err := admin.Exec(`CREATE TABLE ` + schema + `_x (n int)`); err != nil {
		t.Fatal(err)
	}
	defer admin.Exec(`DROP TABLE ` + schema + `_x`)
	base, _, _ := sqlstore.PostgresTools(context.Background(), dsn)
	if msg, err := exec.Command("pg_dump", "--format=custom", "--file", foreign, "--table", "public."+schema+"_x", base).CombinedOutput(); err != nil {
		t.Fatalf("pg_dump: %v %s", err, msg)
	}
	err = run([]string{"restore", "--db", dsn, foreign}, &out)
	if !errors.As(err, &me) || me.Field != "backup" {
		t.Fatalf("restore of a foreign dump: %v, want a refusal naming backup", err)
	}

	if _, err := admin.Exec(`DROP SCHEMA ` + schema + ` CASCADE; CREATE SCHEMA ` + schema); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	if err := run([]string{"restore", "--db", dsn, dump}, &out); err != nil {
		t.Fatalf("restore: %v\n%s", err, out.String())
	}
	if !strings.Contains(out.String(), "restored schema "+schema+" (migration ") {
		t.Fatalf("restore said %q", out.String())
	}
	out.Reset()
	if err := run([]string{"export", "--db", dsn}, &out); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(out.String(), `"code":`); n < 41 {
		t.Fatalf("restored catalog has %d codes, want 41", n)
	}
}

// TestBackupOverTLS: backup and restore hand pg_dump and pg_restore the URL's TLS settings:
// with sslmode=verify-full they fail unless they also get its CA.
func TestBackupOverTLS(t *testing.T) {
	dsn := sqlstoretest.PostgresTLS(t, sqlstoretest.PostgresDSN(t), "")
	dump := filepath.Join(t.TempDir(), "motcua.dump")
	var out bytes.Buffer
	if err := run([]string{"import", "--db", dsn, filepath.Join("..", "..", "demo", "sct-procedures.csv")}, &out); err != nil {
		t.Fatal(err)
	}
	if err := run([]string{"backup", "--db", dsn, dump}, &out); err != nil {
		t.Fatalf("backup over TLS: %v\n%s", err, out.String())
	}
	if err := run([]string{"restore", "--db", dsn, dump}, &out); err != nil {
		t.Fatalf("restore over TLS: %v\n%s", err, out.String())
	}
	if strings.Contains(out.String(), "mat-khau-bi-mat") {
		t.Fatalf("the password was printed:\n%s", out.String())
	}
}
