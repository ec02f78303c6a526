package sqlstore_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/motcua/motcua/org"
	"github.com/motcua/motcua/sqlstore"
	"github.com/motcua/motcua/sqlstore/sqlstoretest"
)

func TestBackupIsAConsistentCopy(t *testing.T) {
	ctx := context.Background()
	db := sqlstoretest.Open(t, sqlstoretest.SQLiteDSN(t))
	if err := db.PutUnit(ctx, desk); err != nil {
		t.Fatal(err)
	}
	hash, _ := org.HashPassword("secret")
	if _, err := db.CreateAccount(ctx, org.Account{Username: "a", Role: org.RoleCitizen}, hash); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "backup.db")
	if err := db.Backup(ctx, path); err != nil {
		t.Fatal(err)
	}
	if err := db.Backup(ctx, path); err == nil {
		t.Fatal("backup overwrote an existing file")
	}
	copyDB := sqlstoretest.Open(t, path)
	if v, err := copyDB.Check(ctx); err != nil || v < 2 {
		t.Fatalf("check: %d %v", v, err)
	}
	if _, _, err := copyDB.AccountByUsername(ctx, "a"); err != nil {
		t.Fatalf("account missing from the backup: %v", err)
	}
}

// TestPostgresToolsKeepTheURL: the tools get the URL without search_path, which libpq does
// not take, and with everything else as given: password, TLS settings, options.
func TestPostgresToolsKeepTheURL(t *testing.T) {
	in := "postgres://motcua:p%40ss@db.internal:5432/motcua?sslmode=verify-full&sslrootcert=%2Fetc%2Fmotcua%2Fca.pem&search_path=sct&connect_timeout=5"
	target, schema, err := sqlstore.PostgresTools(context.Background(), in)
	want := "postgres://motcua:p%40ss@db.internal:5432/motcua?connect_timeout=5&sslmode=verify-full&sslrootcert=%2Fetc%2Fmotcua%2Fca.pem"
	if err != nil || target != want || schema != "sct" {
		t.Fatalf("PostgresTools: %q %q %v\nwant %q, schema sct", target, schema, err, want)
	}
}
