package sqlstore

import (
	"context"
	"errors"
	"time"

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
// the failure is a division by zero (SQLSTATE 22012), which moveError recognises.
const moveCodeNumber = `WITH moved AS (UPDATE code_sequences SET last = ? WHERE unit = ? AND day = ? AND last = ?
	RETURNING 1) SELECT 1 / COUNT(*) FROM moved`

// takenNumber is the code number a PostgreSQL transaction took: from seq, by the receipt
// of dossier, while its dealer's knowledge was gen. dealt is set for a number dealt rather
// than taken under lock, holdsTurn while the sequence's turn is still this transaction's.
type takenNumber struct {
	seq              *codeSequence
	gen              int
	dossier          int64
	dealt, holdsTurn bool
}

func (t *Tx) takeNumber(ctx context.Context, dossierID int64, unit, day string, guess bool) (int, error) {
	var n int
	if t.conn == nil {
		// SQLite: the writer runs one transaction at a time.
		err := t.QueryRow(ctx, upsertCodeNumber, unit, day).Scan(&n)
		return n, err
	}
	if t.number != nil {
		return 0, errors.New("sqlstore: one code number per transaction")
	}
	// A number dealt after this one waits for this transaction by its dossier's row:
	// the row must be held before the number is dealt.
	if err := t.sendClaim(ctx); err != nil {
		return 0, err
	}
	s := t.db.codes.sequence(unit, day)
	if err := s.take(ctx); err != nil {
		return 0, err
	}
	if gen, last, deal, before := s.state(time.Now()); guess && deal {
		n = last + 1
		var err error
		if before != 0 {
			// The receipt that took the number before may not have reached the server yet,
			// or may have created the day's row, unseen until it commits: wait for its
			// transaction, which has held its dossier since it began.
			err = t.LaterContended(ctx, `SELECT 1 FROM dossiers WHERE id = ? FOR KEY SHARE`, before)
		}
		if err == nil {
			err = t.LaterContended(ctx, moveCodeNumber, n, unit, day, last)
		}
		if err != nil {
			s.give()
			return 0, err
		}
		s.dealt(n, dossierID)
		t.db.codes.dealt.Add(1)
		// The turn passes on once the move goes to the server (sentCodeNumber).
		t.number = &takenNumber{seq: s, gen: gen, dossier: dossierID, dealt: true, holdsTurn: true}
		return n, nil
	}
	if err := t.QueryRow(ctx, upsertCodeNumber, unit, day).Scan(&n); err != nil {
		s.give()
		return 0, err
	}
	// The row stays locked until this transaction ends: a number dealt after this one
	// waits for the outcome.
	t.number = &takenNumber{seq: s, gen: s.learn(n, dossierID), dossier: dossierID}
	t.db.codes.locked.Add(1)
	s.give()
	return n, nil
}

// laterCoded queues a write that may carry the transaction's code number under a unique
// key: the dossier's row (its code) or its messages (the national portal's are keyed by
// the code). A dealt number is another dossier's if its move fails; written before the
// move, the key would make that dossier's transaction, which holds the sequence, wait for
// this one, which waits for the sequence. So after a dealt number, such writes go after
// its move (LaterContended).
func (t *Tx) laterCoded(ctx context.Context, q string, args ...any) error {
	k := t.number
	return t.later(ctx, k != nil && k.dealt, q, args)
}

// sentCodeNumber passes the turn on once the batch carrying a dealt number's move has
// gone to the server: the next receipt's move reaches the server after it.
func (t *Tx) sentCodeNumber() {
	if k := t.number; k != nil && k.holdsTurn {
		k.holdsTurn = false
		k.seq.give()
	}
}

// endCodeNumber settles the dealer when the transaction ends: if it did not commit, the
// dealer no longer knows the last number.
func (t *Tx) endCodeNumber(committed bool) {
	k := t.number
	if k == nil {
		return
	}
	t.number = nil
	k.seq.settled(k.dossier)
	if !committed {
		// Never sent, or sent by a transaction that failed: the number is free again, and
		// the dealer must not count it.
		k.seq.forget(k.gen)
	}
	if k.holdsTurn { // never sent
		k.seq.give()
	}
}
