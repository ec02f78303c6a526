package sqlstore

import "context"

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
