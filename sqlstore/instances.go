package sqlstore

import (
	"context"
	"time"
)

// Instance is one motcua process serving on this database, as it last said it was alive.
type Instance struct {
	ID        string // chosen at random when the process starts
	Host      string
	PID       int
	Addr      string // the address it listens on
	Revision  string // its build (motcua.BuildInfo.String)
	Migration string // the newest migration its build knows
	MaxConns  int    // the connections to the PostgreSQL server it may hold (0 on SQLite)
	Started   time.Time
	Seen      time.Time // its last heartbeat
	// ClockSkew is how far its clock was ahead of the database server's (behind when
	// negative), to within half a round trip, as the heartbeat before its last measured it.
	ClockSkew time.Duration
}

// Heartbeat records that in is alive at now: its row is written the first time, and its
// last-seen time and clock skew after that. It answers the database server's clock as the
// row was written, for the instance to measure its skew against.
func (db *DB) Heartbeat(ctx context.Context, in Instance, now time.Time) (server time.Time, err error) {
	var ms int64
	err = db.writeRow(ctx, `INSERT INTO instances (id, host, pid, addr, revision, migration, max_conns, started_at, seen_at,
		clock_skew_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET seen_at = excluded.seen_at, clock_skew_ms = excluded.clock_skew_ms
		RETURNING `+db.clockMillis(),
		in.ID, in.Host, in.PID, in.Addr, in.Revision, in.Migration, in.MaxConns, in.Started.UnixMilli(), now.UnixMilli(),
		in.ClockSkew.Milliseconds()).Scan(&ms)
	return time.UnixMilli(ms), err
}

// Instances lists the instances seen at since or later, the longest running first.
func (db *DB) Instances(ctx context.Context, since time.Time) ([]Instance, error) {
	rows, err := db.query(ctx, `SELECT id, host, pid, addr, revision, migration, max_conns, started_at, seen_at,
		clock_skew_ms FROM instances WHERE seen_at >= ? ORDER BY started_at, id`, since.UnixMilli())
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Instance
	for rows.Next() {
		var in Instance
		var started, seen, skew int64
		if err := rows.Scan(&in.ID, &in.Host, &in.PID, &in.Addr, &in.Revision, &in.Migration, &in.MaxConns,
			&started, &seen, &skew); err != nil {
			return nil, err
		}
		in.Started, in.Seen, in.ClockSkew = time.UnixMilli(started), time.UnixMilli(seen), time.Duration(skew)*time.Millisecond
		out = append(out, in)
	}
	return out, rows.Err()
}

// Retire removes instance id, which is stopping.
func (db *DB) Retire(ctx context.Context, id string) error {
	_, err := db.exec(ctx, `DELETE FROM instances WHERE id = ?`, id)
	return err
}

// PurgeInstances forgets the instances last seen before cutoff: processes that were
// killed and never said goodbye.
func (db *DB) PurgeInstances(ctx context.Context, cutoff time.Time) (int64, error) {
	res, err := db.exec(ctx, `DELETE FROM instances WHERE seen_at < ?`, cutoff.UnixMilli())
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

// ServerConnections is how many connections the PostgreSQL server takes from clients that
// are not superusers: max_connections less those it reserves (0 on SQLite). Instances
// whose pools may together open more fail to connect under load.
func (db *DB) ServerConnections(ctx context.Context) (int, error) {
	if db.Engine != Postgres {
		return 0, nil
	}
	var n int
	err := db.write.QueryRowContext(ctx, `SELECT current_setting('max_connections')::int
		- current_setting('superuser_reserved_connections')::int
		- COALESCE(NULLIF(current_setting('reserved_connections', true), ''), '0')::int`).Scan(&n)
	return n, err
}

// MaxConns is how many connections to the PostgreSQL primary this instance may hold (see
// SetMaxConns); 0 on SQLite.
func (db *DB) MaxConns() int {
	if db.Engine != Postgres {
		return 0
	}
	return db.conns()
}

// clockMillis is the SQL expression of the server's clock in Unix milliseconds, rounded
// down. On SQLite that is this machine's own.
func (db *DB) clockMillis() string {
	if db.Engine == Postgres {
		return `CAST(FLOOR(EXTRACT(EPOCH FROM clock_timestamp()) * 1000) AS BIGINT)`
	}
	return `CAST(unixepoch('subsec') * 1000 AS INTEGER)`
}
