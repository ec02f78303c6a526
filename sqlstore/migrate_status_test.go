package sqlstore_test

import (
	"context"
	"strings"
	"testing"

	"github.com/motcua/motcua/sqlstore"
	"github.com/motcua/motcua/sqlstore/sqlstoretest"
)

// TestMigrationStatusNamesNewerMigrations: a database a newer build migrated reports the
// migrations this build does not know; this build still opens and migrates it (nothing
// to do), and refuses to copy it.
func TestMigrationStatusNamesNewerMigrations(t *testing.T) {
	sqlstoretest.EachDB(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		all, err := sqlstore.Migrations(db.Engine)
		if err != nil {
			t.Fatal(err)
		}
		st, err := db.MigrationStatus(ctx)
		if err != nil || len(st.Applied) != len(all) || len(st.Pending) != 0 || len(st.Newer) != 0 {
			t.Fatalf("a database of this build: %+v %v", st, err)
		}
		if err := db.ExecForTest(ctx, `INSERT INTO schema_migrations (version, name, applied_at)
			VALUES (9998, 'from_a_newer_build', 0), (9999, 'and_another', 0)`); err != nil {
			t.Fatal(err)
		}
		st, err = db.MigrationStatus(ctx)
		if err != nil || len(st.Applied) != len(all) || len(st.Pending) != 0 ||
			len(st.Newer) != 2 || st.Newer[0].String() != "9998_from_a_newer_build" || st.Newer[1].String() != "9999_and_another" {
			t.Fatalf("a database a newer build migrated: %+v %v", st, err)
		}
		if err := db.Migrate(ctx); err != nil {
			t.Fatalf("migrating a newer database: %v", err)
		}
		if db.Engine != sqlstore.SQLite || sqlstoretest.PostgresURL() == "" {
			return
		}
		dst := sqlstoretest.Open(t, sqlstoretest.PostgresDSN(t))
		if _, err := db.CopyInto(ctx, dst); err == nil || !strings.Contains(err.Error(), "9998_from_a_newer_build") {
			t.Fatalf("copying a newer database: %v, want a refusal naming the migration", err)
		}
	})
}
