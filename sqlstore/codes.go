package sqlstore

import (
	"context"
	"errors"
	"time"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/motcua/motcua/calendar"
	"github.com/motcua/motcua/dossier"
)

// Dossier codes are numbered without gaps per unit and day (code_sequences). A receipt's
// number is part of everything the receipt writes (its event's hash, the stored dossier,
// the e-mail, the portal record), so it is known before those are built, and it is taken
// in the receipt's own transaction, so a receipt that rolls back gives it back.
//
// On SQLite the single writer runs one transaction at a time and simply takes the next
// number. On PostgreSQL, taking the number with a locking upsert would make every other
// receipt of the unit wait on the sequence row while the holder builds its writes and
// sends them back: two round trips per receipt, one receipt at a time. So each instance
// deals numbers itself (codeDealer). Once it knows the unit's last number, it hands the
// next receipt the number after it, in turn, and the receipt's last batch, which carries
// its writes and its COMMIT, also moves the sequence from the number before to its own,
// and fails if the sequence is elsewhere. The row is then held only while the server runs
// that batch. Batches of consecutive numbers could reach the server out of order, so each
// first waits for the transaction of the receipt that took the number before, if it is still
// open, by locking that receipt's dossier row, which the receipt has held from its first
// statement on. The database still decides: a number is spent only by the transaction that
// moves the sequence onto it, so codes stay unique and gap-free whatever the instances
// believe. A receipt whose number was taken elsewhere (by another instance, or after a
// failed receipt before it) fails with ErrCodeTaken and is tried again; a dealer that
// does not know the last number, or a receipt told not to guess, takes the number with
// the locking upsert, and the dealer learns it. Once a dealt number was found taken, the
// unit's numbers are taken under lock for a second: while several instances receive for
// one unit at once, most of their dealt numbers would be taken.

// ErrCodeTaken is what a PostgreSQL receipt answers when the number its instance dealt it
// was no longer the next one when its transaction ran. Nothing was written; the receipt
// may be tried again, and IssueCode with guess unset then takes the number under lock.
var ErrCodeTaken = errors.New("sqlstore: the dossier code number was taken meanwhile")

// IssueCode takes the next number of the unit's daily sequence and formats the dossier
// code <unit identifier>-YYMMDD-NNNN. Numbers are never shared, and a receipt that rolls
// back returns its number. On PostgreSQL, guess lets the number come from this
// instance's dealer rather than a locking read (see above); the transaction may then end
// in ErrCodeTaken.
func (t *DossierTx) IssueCode(unitIdentifier string, day calendar.Date, guess bool) (string, error) {
	if unitIdentifier == "" {
		return "", errors.New("sqlstore: IssueCode needs the unit identifier")
	}
	n, err := t.tx.takeNumber(t.ctx, t.id, unitIdentifier, day.String(), guess)
	if err != nil {
		return "", err
	}
	return dossier.FormatCode(unitIdentifier, day, n), nil
}

const upsertCodeNumber = `INSERT INTO code_sequences (unit, day, last) VALUES (?, ?, 1)
	ON CONFLICT (unit, day) DO UPDATE SET last = code_sequences.last + 1 RETURNING last`

// moveCodeNumber moves the sequence from one number to the next, and fails the
// transaction if the sequence was not on the number before: plain SQL has no RAISE, so
// the failure is a division by zero (SQLSTATE 22012), which codeTakenError recognises.
const moveCodeNumber = `WITH moved AS (UPDATE code_sequences SET last = ? WHERE unit = ? AND day = ? AND last = ?
	RETURNING 1) SELECT 1 / COUNT(*) FROM moved`

func (t *Tx) takeNumber(ctx context.Context, dossierID int64, unit, day string, guess bool) (int, error) {
	if t.conn == nil {
		// SQLite: the writer runs one transaction at a time.
		var n int
		err := t.QueryRow(ctx, upsertCodeNumber, unit, day).Scan(&n)
		return n, err
	}
	if t.seq != nil {
		return 0, errors.New("sqlstore: one code number per transaction")
	}
	s := t.db.codes.sequence(unit, day)
	if err := s.take(ctx); err != nil {
		return 0, err
	}
	t.seq = s
	if gen, last, known, before := s.state(); guess && known && !s.contended(time.Now()) {
		n := last + 1
		var err error
		if before != 0 {
			// The receipt that took the number before may not have reached the server yet,
			// or may have created the day's row, unseen until it commits: wait for its
			// transaction, which has held its dossier since it began.
			err = t.Later(ctx, `SELECT 1 FROM dossiers WHERE id = ? FOR KEY SHARE`, before)
		}
		if err == nil {
			err = t.Later(ctx, moveCodeNumber, n, unit, day, last)
		}
		if err != nil {
			t.seq = nil
			s.give()
			return 0, err
		}
		s.dealt(n, dossierID)
		t.seqDossier = dossierID
		t.db.codes.dealt.Add(1)
		t.seqGen, t.seqGuessed, t.seqHeld = gen, true, true
		return n, nil // the turn passes on once the move goes to the server (sentCodeNumber)
	}
	var n int
	if err := t.QueryRow(ctx, upsertCodeNumber, unit, day).Scan(&n); err != nil {
		t.seq = nil
		s.give()
		return 0, err
	}
	// The row stays locked until this transaction ends: a number dealt after this one
	// waits for the outcome.
	t.seqGen, t.seqDossier = s.learn(n, dossierID), dossierID
	t.db.codes.locked.Add(1)
	s.give()
	return n, nil
}

// sentCodeNumber passes the turn on once the batch carrying a dealt number's move has
// gone to the server: the next receipt's move reaches the server after it.
func (t *Tx) sentCodeNumber() {
	if t.seq != nil && t.seqGuessed && t.seqHeld {
		t.seqHeld = false
		t.seq.give()
	}
}

// endCodeNumber settles the dealer when the transaction ends: if it did not commit, the
// dealer no longer knows the last number.
func (t *Tx) endCodeNumber(committed bool) {
	s := t.seq
	if s == nil {
		return
	}
	s.settled(t.seqDossier)
	if t.seqGuessed && t.seqHeld {
		// Never sent: the dealt number is free again, and the dealer must not count it.
		t.seqHeld = false
		s.forget(t.seqGen)
		s.give()
	} else if !committed {
		s.forget(t.seqGen)
	}
	t.seq = nil
}

// codeTakenError recognises the failed move of a dealt number in err, the outcome of a
// transaction that moved one.
func (t *Tx) codeTakenError(err error) error {
	var pg *pgconn.PgError
	if t.seqGuessed && errors.As(err, &pg) && pg.Code == "22012" {
		t.db.codes.taken.Add(1)
		t.seq.takenElsewhere(time.Now())
		return ErrCodeTaken
	}
	return err
}
