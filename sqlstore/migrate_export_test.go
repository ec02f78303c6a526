package sqlstore

import "context"

// MigrateOutsideTxForTest applies one made-up migration outside a transaction, as
// migrateOutsideTx does a file that begins with noTransaction.
func (db *DB) MigrateOutsideTxForTest(ctx context.Context, version int, sql string) error {
	_, err := db.migrateOutsideTx(ctx, migration{version: version, name: "test", sql: sql, outsideTx: true})
	return err
}
