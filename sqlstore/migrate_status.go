package sqlstore

import (
	"context"
	"errors"
	"fmt"
	"slices"
)

// Migration names one migration of this build: its number and name.
type Migration struct {
	Version int
	Name    string
}

func (m Migration) String() string { return fmt.Sprintf("%04d_%s", m.Version, m.Name) }

// Migrations lists this build's migrations for engine, in order.
func Migrations(engine Engine) ([]Migration, error) {
	migs, err := loadMigrations(migrationFiles, engine)
	out := make([]Migration, len(migs))
	for i, m := range migs {
		out[i] = Migration{m.version, m.name}
	}
	return out, err
}

// NewestMigration is the last of this build's migrations for engine.
func NewestMigration(engine Engine) (Migration, error) {
	migs, err := Migrations(engine)
	if err == nil && len(migs) == 0 {
		err = errors.New("sqlstore: no migrations")
	}
	if err != nil {
		return Migration{}, err
	}
	return migs[len(migs)-1], nil
}

// MigrationNames names each of ms, as Migration.String does.
func MigrationNames(ms []Migration) []string {
	names := make([]string, len(ms))
	for i, m := range ms {
		names[i] = m.String()
	}
	return names
}

// MigrationState compares what a database has applied with this build's migrations.
type MigrationState struct {
	Applied, Pending []Migration
	// Newer are migrations the database has and this build does not know: a newer build
	// applied them. A build runs on such a schema, as the build before an upgrade must,
	// but should not be the one left serving it for long.
	Newer []Migration
}

// MigrationStatus reads what the database has applied, without changing anything.
func (db *DB) MigrationStatus(ctx context.Context) (MigrationState, error) {
	var st MigrationState
	migs, err := loadMigrations(migrationFiles, db.Engine)
	if err != nil {
		return st, err
	}
	done := map[int]bool{}
	rows, err := db.write.QueryContext(ctx, `SELECT version, name FROM schema_migrations ORDER BY version`)
	if err == nil {
		defer rows.Close()
		for rows.Next() {
			var m Migration
			if err := rows.Scan(&m.Version, &m.Name); err != nil {
				return st, err
			}
			done[m.Version] = true
			st.Newer = append(st.Newer, m)
		}
		if err := rows.Err(); err != nil {
			return st, err
		}
	} else if exists, xerr := db.hasMigrationsTable(ctx); xerr != nil || exists {
		return st, errors.Join(err, xerr) // the table is there but did not read
	}
	known := map[int]bool{}
	for _, m := range migs {
		known[m.version] = true
		if done[m.version] {
			st.Applied = append(st.Applied, Migration{m.version, m.name})
		} else {
			st.Pending = append(st.Pending, Migration{m.version, m.name})
		}
	}
	st.Newer = slices.DeleteFunc(st.Newer, func(m Migration) bool { return known[m.Version] })
	return st, nil
}

// hasMigrationsTable reports whether schema_migrations exists where the database looks.
func (db *DB) hasMigrationsTable(ctx context.Context) (bool, error) {
	q := `SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'`
	if db.Engine == Postgres {
		q = `SELECT COUNT(*) FROM pg_tables WHERE schemaname = current_schema() AND tablename = 'schema_migrations'`
	}
	var n int
	err := db.write.QueryRowContext(ctx, q).Scan(&n)
	return n > 0, err
}
