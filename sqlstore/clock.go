package sqlstore

import (
	"context"
	"time"
)

// Clock reads the database server's clock, to the millisecond. On SQLite that is this
// machine's own.
func (db *DB) Clock(ctx context.Context) (time.Time, error) {
	q := `SELECT CAST(unixepoch('subsec') * 1000 AS INTEGER)`
	if db.Engine == Postgres {
		q = `SELECT CAST(FLOOR(EXTRACT(EPOCH FROM clock_timestamp()) * 1000) AS BIGINT)`
	}
	var ms int64
	if err := db.queryRow(ctx, q).Scan(&ms); err != nil {
		return time.Time{}, err
	}
	return time.UnixMilli(ms), nil
}
