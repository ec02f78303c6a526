package sqlstore

import (
	"context"
	"errors"
	"fmt"
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

// MigrationStatus lists this build's migrations the database has applied and those it has
// not, in order, without changing anything.
func (db *DB) MigrationStatus(ctx context.Context) (applied, pending []Migration, err error) {
	migs, err := loadMigrations(migrationFiles, db.Engine)
	if err != nil {
		return nil, nil, err
	}
	done := map[int]bool{}
	rows, err := db.write.QueryContext(ctx, `SELECT version FROM schema_migrations`)
	if err == nil {
		defer rows.Close()
		for rows.Next() {
			var v int
			if err := rows.Scan(&v); err != nil {
				return nil, nil, err
			}
			done[v] = true
		}
		if err := rows.Err(); err != nil {
			return nil, nil, err
		}
	} else if exists, xerr := db.hasMigrationsTable(ctx); xerr != nil || exists {
		return nil, nil, errors.Join(err, xerr) // the table is there but did not read
	}
	for _, m := range migs {
		if done[m.version] {
			applied = append(applied, Migration{m.version, m.name})
		} else {
			pending = append(pending, Migration{m.version, m.name})
		}
	}
	return applied, pending, nil
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
