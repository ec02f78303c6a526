package sqlstore

import (
	"context"
	"errors"
	"time"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/motcua/motcua/dossier"
)

// On PostgreSQL a move from the copy this handle kept need not read its dossier back: it
// claims the row instead. The claim locks the row if it still holds what the copy was
// stored as (body, report fact, portal sync) and fails the transaction otherwise. It is
// queued behind the BEGIN, so it is the transaction's first statement and goes to the
// server with the move's writes and COMMIT: a submission costs one round trip, not two.
// A claim that fails has written nothing, and the move answers ErrStaleSnapshot.

// claimKeptRow fails (division by zero, SQLSTATE 22012, as moveCodeNumber) unless the
// row is as kept; FOR UPDATE waits for a transaction moving it meanwhile and then looks at
// the row that transaction left.
const claimKeptRow = `WITH kept AS (SELECT 1 FROM dossiers WHERE id = ? AND body = ?
	AND report_fact IS NOT DISTINCT FROM ? AND synced_at IS NOT DISTINCT FROM ? FOR UPDATE)
	SELECT 1 / COUNT(*) FROM kept`

// mayClaim reports whether a move of dossier id may claim seen rather than lock and read
// the row: on PostgreSQL, for a copy this handle kept, when nothing else is read with the
// row (docs).
func (t *Tx) mayClaim(id int64, seen *Snapshot, docs bool) bool {
	return t.conn != nil && !t.sent && !docs && seen != nil && seen.kept && seen.D != nil && seen.D.ID == id
}

// claimKept queues the claim of dossier id as seen holds it and hands over seen's copy.
func (t *Tx) claimKept(ctx context.Context, id int64, seen *Snapshot) (*dossier.Dossier, storedFact, error) {
	if err := t.Later(ctx, claimKeptRow, id, seen.body, seen.fact.raw, seen.fact.synced); err != nil {
		return nil, seen.fact, err
	}
	t.claimed = id
	d := seen.D
	seen.D = nil
	return d, seen.fact, nil
}

// sendClaim sends a claim still queued, and waits for it: what comes next needs the row
// held, not just asked for.
func (t *Tx) sendClaim(ctx context.Context) error {
	if t.claimed == 0 || t.sent {
		return nil
	}
	return t.send(ctx)
}

// moveError names the reason a PostgreSQL move's transaction failed with a division by
// zero: the code number it was dealt was taken (ErrCodeTaken), or the row it claimed had
// changed (ErrStaleSnapshot; the kept copy is dropped). A claim goes to the server before
// any number is dealt (takeNumber), so the two cannot both be in question.
func (t *Tx) moveError(err error) error {
	var pg *pgconn.PgError
	if !errors.As(err, &pg) || pg.Code != "22012" {
		return err
	}
	if k := t.number; k != nil && k.dealt {
		t.db.codes.taken.Add(1)
		k.seq.takenElsewhere(time.Now())
		return ErrCodeTaken
	}
	if t.claimed != 0 {
		t.db.recent.forget(t.claimed)
		return ErrStaleSnapshot
	}
	return err
}
