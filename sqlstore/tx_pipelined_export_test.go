package sqlstore

import (
	"context"
	"errors"

	"github.com/jackc/pgx/v5/stdlib"
)

// AbortedTxStatusForTest begins a PostgreSQL transaction as InTx does, makes the server
// abort it, ends it as InTx does when its work fails, and reports the connection's
// transaction status then: 'I' (idle) when nothing is left open.
func (db *DB) AbortedTxStatusForTest(ctx context.Context) (byte, error) {
	conn, err := db.write.Conn(ctx)
	if err != nil {
		return 0, err
	}
	defer conn.Close()
	t := beginPipelined(db, conn)
	var n int
	if err := t.QueryRow(ctx, `SELECT 1 / (count(*) - count(*)) FROM dossiers`).Scan(&n); err == nil {
		return 0, errors.New("a query of a missing column succeeded")
	}
	t.rollbackPipelined()
	var status byte
	err = conn.Raw(func(dc any) error {
		status = dc.(*stdlib.Conn).Conn().PgConn().TxStatus()
		return nil
	})
	return status, err
}
