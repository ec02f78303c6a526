package sqlstore_test

import (
	"context"
	"strings"
	"testing"

	"github.com/motcua/motcua/sqlstore/sqlstoretest"
)

// TestMigrationOutsideTransaction: on PostgreSQL a migration run outside a transaction
// builds its indexes valid and is recorded; one that fails part way is not recorded, and
// runs whole again at the next try.
func TestMigrationOutsideTransaction(t *testing.T) {
	db := sqlstoretest.Open(t, sqlstoretest.PostgresDSN(t))
	ctx := context.Background()
	valid, err := db.QueryForTest(ctx, `SELECT c.relname || ' ' || CAST(i.indisvalid AS TEXT) FROM pg_index i
		JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relname IN ('dossier_documents_idempotency', 'outbox_failed')
		AND c.relnamespace = CAST(current_schema() AS regnamespace) ORDER BY 1`)
	if err != nil || strings.Join(valid, ", ") != "dossier_documents_idempotency true, outbox_failed true" {
		t.Fatalf("the indexes of migrations 0013 and 0014: %v %v", valid, err)
	}

	recorded := func(v string) bool {
		got, err := db.QueryForTest(ctx, `SELECT CAST(COUNT(*) AS TEXT) FROM schema_migrations WHERE version = `+v)
		if err != nil {
			t.Fatal(err)
		}
		return got[0] == "1"
	}
	broken := "CREATE TABLE IF NOT EXISTS probe (n INT);\nDROP INDEX CONCURRENTLY IF EXISTS probe_n;\n" +
		"CREATE INDEX CONCURRENTLY probe_n ON probe(n);\nSELEC 1;\n"
	if err := db.MigrateOutsideTxForTest(ctx, 9001, broken); err == nil || recorded("9001") {
		t.Fatalf("a failed migration: %v, recorded %v", err, recorded("9001"))
	}
	fixed := strings.Replace(broken, "SELEC 1", "INSERT INTO probe VALUES (1)", 1)
	for range 2 { // the second run finds it recorded and does nothing
		if err := db.MigrateOutsideTxForTest(ctx, 9001, fixed); err != nil {
			t.Fatal(err)
		}
	}
	rows, err := db.QueryForTest(ctx, `SELECT CAST(COUNT(*) AS TEXT) FROM probe`)
	if err != nil || rows[0] != "1" || !recorded("9001") {
		t.Fatalf("after the fixed migration: %v rows %v, recorded %v", rows, err, recorded("9001"))
	}
}
