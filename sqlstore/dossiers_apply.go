package sqlstore

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/motcua/motcua/dossier"
	"github.com/motcua/motcua/report"
)

// DossierTx is what a move may do in the store besides changing the dossier: take a code
// number and queue a message. Both happen in the move's transaction, so they exist only if
// the move does.
type DossierTx struct {
	ctx  context.Context
	tx   *Tx
	id   int64
	fact storedFact // the dossier's report fact as the move found it
	// newFact is the fact PutReportFact keeps, written with the dossier's row (finish).
	newFact *report.Fact
	// outbox holds the messages Enqueue took, written by finish.
	outbox []OutboxMessage
	// docs are the dossier's documents, read with it when haveDocs is set.
	docs     []Document
	haveDocs bool
}

// finish writes the queued messages and, for work that does not store the dossier itself
// (a move stores it with the dossier), the report fact PutReportFact kept.
func (t *DossierTx) finish(storesDossier bool) error {
	if err := t.tx.EnqueueAll(t.ctx, t.outbox); err != nil {
		return err
	}
	t.outbox = nil
	if t.newFact == nil || storesDossier {
		return nil
	}
	return t.tx.writeReportFact(t.ctx, t.id, *t.newFact)
}

// Enqueue queues a message in the move's transaction (see Tx.Enqueue). The move's messages
// are written together, in one statement, when the move is stored.
func (t *DossierTx) Enqueue(topic, key string, payload []byte) error {
	t.outbox = append(t.outbox, OutboxMessage{topic, key, payload})
	return nil
}

// Documents lists the dossier's documents (without content), as Documents does, read in
// the move's transaction: with the locked dossier if the move asked for them
// (ApplyDossierSeen), or else now.
func (t *DossierTx) Documents() ([]Document, error) {
	if t.haveDocs {
		return t.docs, nil
	}
	if t.tx.conn != nil {
		// After the queued writes (a claim among them), in one round trip.
		var docs []Document
		err := t.tx.send(t.ctx, documentsRead(t.id, &docs))
		return docs, err
	}
	return scanDocuments(t.tx.Query(t.ctx, documentsQuery, t.id))
}

// HasDocuments reports whether every SHA-256 in hashes is a document of the dossier.
func (t *DossierTx) HasDocuments(hashes []string) (bool, error) {
	for _, h := range hashes {
		var n int
		if err := t.tx.QueryRow(t.ctx, `SELECT COUNT(*) FROM dossier_documents WHERE dossier_id = ? AND sha256 = ?`,
			t.id, h).Scan(&n); err != nil {
			return false, err
		}
		if n == 0 {
			return false, nil
		}
	}
	return true, nil
}

// ApplyDossier runs one move in one transaction: it loads the dossier (locking its row on
// PostgreSQL), lets fn apply a command to it, appends the event fn returns and stores the
// dossier. If fn or any write fails, nothing changes — not the dossier, not its history,
// not the code sequence, not the outbox.
func (db *DB) ApplyDossier(ctx context.Context, id int64,
	fn func(d *dossier.Dossier, tx *DossierTx) (dossier.Event, error)) (*dossier.Dossier, dossier.Event, error) {
	return db.ApplyDossierSeen(ctx, id, nil, false, fn)
}

// ApplyDossierSeen is ApplyDossier for a caller that read the dossier just before (seen,
// from DossierSnapshot, may be nil): if the dossier is unchanged, seen is taken over and
// handed to fn rather than decoded again inside the transaction. With docs set, the
// dossier's documents are read with it, for DossierTx.Documents, in one round trip.
// Without, a copy this handle kept is claimed rather than read back (dossiers_claim.go).
// fn changes seen's dossier, so a conflict (Conflicted) is not tried again here: the
// caller does, from a new snapshot.
func (db *DB) ApplyDossierSeen(ctx context.Context, id int64, seen *Snapshot, docs bool,
	fn func(d *dossier.Dossier, tx *DossierTx) (dossier.Event, error)) (*dossier.Dossier, dossier.Event, error) {
	var out *dossier.Dossier
	var ev dossier.Event
	var body string
	var fact storedFact
	err := db.inTxOnce(ctx, func(tx *Tx) error {
		dt := &DossierTx{ctx: ctx, tx: tx, id: id}
		var d *dossier.Dossier
		var err error
		if tx.mayClaim(id, seen, docs) {
			d, dt.fact, err = tx.claimKept(ctx, id, seen)
		} else {
			var read *[]Document
			if docs {
				read, dt.haveDocs = &dt.docs, true
			}
			d, dt.fact, err = tx.lockSeen(ctx, id, seen, read)
		}
		if err != nil {
			return err
		}
		seq, known := d.LastSeq, unitsOf(d)
		e, err := fn(d, dt)
		if err != nil {
			// A refusal must come from the dossier as it is: a claimed copy is checked first.
			if cerr := tx.sendClaim(ctx); cerr != nil {
				return cerr
			}
			return err
		}
		if e.Seq != seq+1 || d.LastSeq != e.Seq || d.LastHash != e.Hash {
			return fmt.Errorf("sqlstore: dossier %d: event %d does not follow %d", id, e.Seq, seq)
		}
		d.ID = id
		if err := dt.finish(true); err != nil {
			return err
		}
		if err := tx.appendEvent(ctx, id, e); err != nil {
			return err
		}
		if body, fact, err = tx.writeDossier(ctx, d, dt.newFact, dt.fact, known); err != nil {
			return err
		}
		out, ev = d, e
		return nil
	})
	if err != nil {
		return nil, dossier.Event{}, err
	}
	db.recent.keep(out, body, fact)
	return out, ev, nil
}

func (t *Tx) appendEvent(ctx context.Context, id int64, e dossier.Event) error {
	body, err := json.Marshal(e)
	if err != nil {
		return err
	}
	return t.Later(ctx, `INSERT INTO dossier_events (dossier_id, seq, at, actor_id, action, from_status, to_status,
		hash, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, id, e.Seq, e.At.UnixMilli(), e.ActorID, string(e.Action),
		int(e.From), int(e.To), e.Hash, string(body))
}

// DossierEvents returns a dossier's history in order.
func (db *DB) DossierEvents(ctx context.Context, id int64) ([]dossier.Event, error) {
	return db.events(ctx, db.reader(ctx), id)
}

func (db *DB) events(ctx context.Context, q rowsSource, id int64) ([]dossier.Event, error) {
	rows, err := q.QueryContext(ctx, db.bind(`SELECT body FROM dossier_events WHERE dossier_id = ? ORDER BY seq`), id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []dossier.Event
	for rows.Next() {
		var body string
		if err := rows.Scan(&body); err != nil {
			return nil, err
		}
		var e dossier.Event
		if err := json.Unmarshal([]byte(body), &e); err != nil {
			return nil, fmt.Errorf("sqlstore: dossier %d event: %w", id, err)
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// VerifyAllChains checks every dossier's history against its hashes and against the head
// the dossier records, calling broken for each dossier whose chain fails with the first
// bad sequence number. It returns an error only when the database cannot be read.
func (db *DB) VerifyAllChains(ctx context.Context, broken func(dossierID int64, code string, firstBad int, err error)) error {
	after := int64(0)
	for {
		rows, err := db.query(ctx, `SELECT id, COALESCE(code, ''), body FROM dossiers WHERE id > ? ORDER BY id LIMIT 500`, after)
		if err != nil {
			return err
		}
		type head struct {
			id         int64
			code, body string
		}
		var page []head
		for rows.Next() {
			var h head
			if err := rows.Scan(&h.id, &h.code, &h.body); err != nil {
				rows.Close()
				return err
			}
			page = append(page, h)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		if len(page) == 0 {
			return nil
		}
		for _, h := range page {
			after = h.id
			var d dossier.Dossier
			if err := json.Unmarshal([]byte(h.body), &d); err != nil {
				broken(h.id, h.code, 1, fmt.Errorf("hồ sơ không đọc được / unreadable dossier: %w", err))
				continue
			}
			events, err := db.DossierEvents(ctx, h.id)
			var syntax *json.SyntaxError
			var typ *json.UnmarshalTypeError
			if errors.As(err, &syntax) || errors.As(err, &typ) {
				broken(h.id, h.code, 1, fmt.Errorf("lịch sử không đọc được / unreadable history: %w", err))
				continue
			}
			if err != nil {
				return err
			}
			if bad, err := dossier.VerifyHead(&d, events); err != nil {
				broken(h.id, h.code, bad, err)
			}
		}
	}
}

// DossierTimeline returns the outline of a dossier's history — when, which action and
// the status it led to — from the indexed columns, without decoding the full events. The
// public tracking page needs no more.
func (db *DB) DossierTimeline(ctx context.Context, id int64) ([]dossier.Event, error) {
	rows, err := db.query(ctx, `SELECT seq, at, action, from_status, to_status FROM dossier_events
		WHERE dossier_id = ? ORDER BY seq`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []dossier.Event
	for rows.Next() {
		var e dossier.Event
		var at int64
		if err := rows.Scan(&e.Seq, &at, &e.Action, &e.From, &e.To); err != nil {
			return nil, err
		}
		e.At = time.UnixMilli(at)
		out = append(out, e)
	}
	return out, rows.Err()
}
