package sqlstore

import "context"

// Analyze refreshes PostgreSQL's statistics of every table of the system's schema, as
// autovacuum would within a minute or so: after a bulk load (copy-db, a seeded benchmark)
// the planner would otherwise plan for tables it still thinks empty. SQLite plans without
// statistics and is left as it is.
func (db *DB) Analyze(ctx context.Context) error {
	if db.Engine != Postgres {
		return nil
	}
	rows, err := db.write.QueryContext(ctx, `SELECT tablename FROM pg_tables WHERE schemaname = current_schema()`)
	tables, err := scanTexts(rows, err)
	if err != nil {
		return err
	}
	for _, t := range tables {
		if _, err := db.write.ExecContext(ctx, `ANALYZE `+t); err != nil {
			return err
		}
	}
	return nil
}
