package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/motcua/motcua/sqlstore"
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
