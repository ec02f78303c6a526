package sqlstore

import (
	"database/sql"
	"time"
)

// SetConnTimesForTest replaces how long PostgreSQL connections may idle and live, for the
// pools opened after it; it returns a function that puts the defaults back.
func SetConnTimesForTest(idle, life time.Duration) (restore func()) {
	i, l := connIdleTime, connLifetime
	connIdleTime, connLifetime = idle, life
	return func() { connIdleTime, connLifetime = i, l }
}

// PoolStatsForTest is the primary pool's figures.
func (db *DB) PoolStatsForTest() sql.DBStats { return db.write.Stats() }
