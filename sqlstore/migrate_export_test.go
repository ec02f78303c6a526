package sqlstore

import (
	"context"
	"hash/fnv"
)

// MigrateOutsideTxForTest applies one made-up migration outside a transaction, as
// migrateOutsideTx does a file that begins with noTransaction.
func (db *DB) MigrateOutsideTxForTest(ctx context.Context, version int, sql string) error {
	_, err := db.migrateOutsideTx(ctx, migration{version: version, name: "test", sql: sql, outsideTx: true})
	return err
}

// MigrateInTxForTest applies one made-up migration in a transaction, as migrateInTx does.
func (db *DB) MigrateInTxForTest(ctx context.Context, version int, sql string) error {
	_, err := db.migrateInTx(ctx, migration{version: version, name: "test", sql: sql})
	return err
}

// JobLockForTest is the advisory lock's two keys that Alone takes for job.
func JobLockForTest(job string) (class, key int32) {
	h := fnv.New32a()
	h.Write([]byte(job))
	return jobLockClass, int32(h.Sum32())
}

// MigrationLockForTest is the migration lock's key.
const MigrationLockForTest = migrationLock
