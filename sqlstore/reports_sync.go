package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/motcua/motcua"
)

// OutboxDoneSynced marks a national portal message sent, as OutboxDone does, and in the
// same transaction records that the portal now holds the dossier dossierCode: synced_at
// is set the first time, and the dossier's fact turns Synced, which moves its receipt
// day's synced counter (report.Diff). The portal worker calls it, through its outbox
// adapter, when a dossier record (DongBoHoSoMC) was accepted.
func (db *DB) OutboxDoneSynced(ctx context.Context, id int64, worker, dossierCode string, at time.Time) error {
	return db.InTx(ctx, func(tx *Tx) error {
		res, err := tx.Exec(ctx, `UPDATE outbox SET sent_at = ?, locked_until = NULL
			WHERE id = ? AND locked_by = ? AND sent_at IS NULL AND failed_at IS NULL`, at.UnixMilli(), id, worker)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return motcua.Conflict("thông báo không còn do tiến trình này giữ", "the message is not leased to this worker")
		}
		return tx.markSynced(ctx, dossierCode, at)
	})
}

func (t *Tx) markSynced(ctx context.Context, code string, at time.Time) error {
	q := `SELECT id, synced_at FROM dossiers WHERE code = ?`
	if t.db.Engine == Postgres {
		q += ` FOR UPDATE`
	}
	var id int64
	var synced sql.NullInt64
	if err := t.QueryRow(ctx, q, code).Scan(&id, &synced); errors.Is(err, sql.ErrNoRows) {
		return nil // not ours any more: nothing to record
	} else if err != nil || synced.Valid {
		return err
	}
	if _, err := t.Exec(ctx, `UPDATE dossiers SET synced_at = ? WHERE id = ?`, at.UnixMilli(), id); err != nil {
		return err
	}
	old, ok, err := t.reportFact(ctx, id)
	if err != nil || !ok || old.Synced {
		return err
	}
	f := old
	f.Synced = true
	return t.moveFact(ctx, id, old, f)
}

// PortalSyncSince is when the national portal first accepted a dossier, zero if never:
// the 766 index measures the synced share only for periods the sync was running in.
func (db *DB) PortalSyncSince(ctx context.Context) (time.Time, error) {
	var at sql.NullInt64
	err := db.queryRow(ctx, `SELECT MIN(synced_at) FROM dossiers WHERE synced_at IS NOT NULL`).Scan(&at)
	return fromMillis(at), err
}
