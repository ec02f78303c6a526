package sqlstore

import (
	"context"

	"github.com/motcua/motcua/dossier"
)

// UnreportedDossiers lists, by id after after, up to limit dossiers out of draft whose
// figures were never recorded: those stored before the figures existed. A backfill
// records them with WithDossier.
func (db *DB) UnreportedDossiers(ctx context.Context, after int64, limit int) ([]int64, error) {
	rows, err := db.query(ctx, `SELECT id FROM dossiers WHERE report_fact IS NULL AND status <> 0 AND id > ?
		ORDER BY id LIMIT ?`, after, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

// WithDossier runs fn on dossier id, locked, in one write transaction, without a move: for
// work beside the dossier (its figures) that changes neither the dossier nor its history.
// fn may be called again, with the dossier read afresh, after a conflict (see InTx).
func (db *DB) WithDossier(ctx context.Context, id int64, fn func(d *dossier.Dossier, tx *DossierTx) error) error {
	return db.InTx(ctx, func(tx *Tx) error {
		d, fact, err := tx.lockDossier(ctx, id)
		if err != nil {
			return err
		}
		dt := &DossierTx{ctx: ctx, tx: tx, id: id, fact: fact}
		if err := fn(d, dt); err != nil {
			return err
		}
		return dt.finish(false)
	})
}
