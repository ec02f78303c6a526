package sqlstore_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/motcua/motcua/org"
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
