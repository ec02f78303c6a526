package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/motcua/motcua"
	"github.com/motcua/motcua/dossier"
	"github.com/motcua/motcua/report"
)

// Dossiers are stored whole as JSON in dossiers.body; every write also refreshes the
// columns that lookups and the officers' queues use, so the two never disagree.

func errNoDossier() error {
	return motcua.NotFound("không có hồ sơ này", "no such dossier")
}

// CreateDossierDraft stores a new draft filed by the account filedBy (the applicant, or
// the officer at the counter for a walk-in). A draft with the same idempotency key from
// the same account is not created twice: its id comes back with existed set.
func (db *DB) CreateDossierDraft(ctx context.Context, d *dossier.Dossier, filedBy int64) (id int64, existed bool, err error) {
	if d.Status != dossier.Draft {
		return 0, false, errors.New("sqlstore: CreateDossierDraft needs a draft")
	}
	body, err := json.Marshal(d)
	if err != nil {
		return 0, false, err
	}
	// The conflict target names the index's condition: on PostgreSQL the idempotency key's
	// unique index is partial (migrations/0011_lean_dossier_rows.postgres.sql).
	err = db.writeRow(ctx, `INSERT INTO dossiers (status, procedure_code, procedure_name, version_number, channel,
		owner_account_id, created_by, idempotency_key, applicant_name, applicant_id_number, applicant_phone,
		created_at, updated_at, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (created_by, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING RETURNING id`,
		int(d.Status), d.ProcedureCode, d.ProcedureName, d.VersionNumber, int(d.Channel),
		nullID(d.OwnerAccountID), filedBy, nullText(d.IdempotencyKey), d.Applicant.Name, d.Applicant.IDNumber,
		d.Applicant.Phone, d.CreatedAt.UnixMilli(), d.UpdatedAt.UnixMilli(), string(body)).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		// Filed before with this key: that draft is committed, so a read finds it.
		existed = true
		err = db.queryRow(ctx, draftByKey, filedBy, d.IdempotencyKey).Scan(&id)
	}
	if err == nil && !existed {
		d.ID = id
		db.recent.keep(d, string(body), storedFact{}) // a new row has neither fact nor sync
	}
	return id, existed, err
}

// Dossier loads one dossier.
func (db *DB) Dossier(ctx context.Context, id int64) (*dossier.Dossier, error) {
	return scanDossier(db.queryRow(ctx, `SELECT id, body FROM dossiers WHERE id = ?`, id))
}

// DossierByCode loads the dossier with the given code.
func (db *DB) DossierByCode(ctx context.Context, code string) (*dossier.Dossier, error) {
	code = strings.TrimSpace(code)
	if code == "" {
		return nil, errNoDossier()
	}
	return scanDossier(db.queryRow(ctx, dossierByCode, code))
}

// The lookups by a dossier's code and by a draft's idempotency key.
const (
	dossierByCode = `SELECT id, body FROM dossiers WHERE code = ?`
	draftByKey    = `SELECT id FROM dossiers WHERE created_by = ? AND idempotency_key = ?`
)

// Snapshot is a dossier as read outside a transaction, with the stored text it came from.
// A move given a snapshot (ApplyDossierSeen) uses it if the dossier has not changed since.
type Snapshot struct {
	D    *dossier.Dossier
	body string
	// kept is set for a snapshot from the dossiers this handle stored last rather than
	// from the database, with the report fact the row held then; a move finding it stale
	// answers ErrStaleSnapshot.
	kept bool
	fact storedFact
}

// DossierSnapshot returns a dossier for a move to come: the copy this handle stored last,
// if it still keeps it, or else the dossier as read from the database.
func (db *DB) DossierSnapshot(ctx context.Context, id int64) (*Snapshot, error) {
	if s, ok := db.recent.snapshot(id); ok {
		return s, nil
	}
	var body string
	err := db.queryRow(ctx, `SELECT body FROM dossiers WHERE id = ?`, id).Scan(&body)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, errNoDossier()
	} else if err != nil {
		return nil, err
	}
	d, err := decodeDossier(id, body)
	if err != nil {
		return nil, err
	}
	return &Snapshot{D: d, body: body}, nil
}

// StoredText returns the JSON text dossier id was stored as by this handle, if the last
// copy it stored is the one whose last event is seq: an answer that carries the dossier
// can send that text rather than encode the dossier again.
func (db *DB) StoredText(id int64, seq int) (string, bool) {
	return db.recent.text(id, seq)
}

// scanDossier reads a row of id and body.
func scanDossier(row interface{ Scan(...any) error }) (*dossier.Dossier, error) {
	var id int64
	var body string
	if err := row.Scan(&id, &body); errors.Is(err, sql.ErrNoRows) {
		return nil, errNoDossier()
	} else if err != nil {
		return nil, err
	}
	return decodeDossier(id, body)
}

func decodeDossier(id int64, body string) (*dossier.Dossier, error) {
	d := new(dossier.Dossier)
	if err := json.Unmarshal([]byte(body), d); err != nil {
		return nil, fmt.Errorf("sqlstore: dossier %d: %w", id, err)
	}
	d.ID = id
	return d, nil
}

// UpdateDraft lets fn change a draft (applicant, summary…) and stores it. Only drafts can
// be edited this way; every later change is a move with its event (ApplyDossier).
func (db *DB) UpdateDraft(ctx context.Context, id int64, fn func(d *dossier.Dossier) error) (*dossier.Dossier, error) {
	var out *dossier.Dossier
	var body string
	var fact storedFact
	err := db.InTx(ctx, func(tx *Tx) error {
		d, was, err := tx.lockDossier(ctx, id)
		if err != nil {
			return err
		}
		if d.Status != dossier.Draft {
			return motcua.Conflict("chỉ sửa được hồ sơ đang soạn", "only a draft can be edited")
		}
		if err := fn(d); err != nil {
			return err
		}
		d.ID, d.Status = id, dossier.Draft
		out = d
		body, fact, err = tx.writeDossier(ctx, d, nil, was, nil)
		return err
	})
	if err == nil {
		db.recent.keep(out, body, fact)
	}
	return out, err
}

// lockDossier loads a dossier, with its report fact, inside a write transaction.
// PostgreSQL locks the row until the transaction ends; on SQLite the single writer already
// excludes every other change.
func (t *Tx) lockDossier(ctx context.Context, id int64) (*dossier.Dossier, storedFact, error) {
	return t.lockSeen(ctx, id, nil, nil)
}

// lockSeen is lockDossier for a caller that has read the dossier before: while the stored
// text is still what seen was decoded from, seen itself is used (and taken over) instead
// of decoding it again, which keeps that work out of the transaction. A kept snapshot
// (see recentDossiers) that is no longer current is refused with ErrStaleSnapshot: the
// caller prepared the move from it and must start again from the database. With docs
// set, the dossier's documents are read too, after the lock, in the same round trip.
func (t *Tx) lockSeen(ctx context.Context, id int64, seen *Snapshot, docs *[]Document) (*dossier.Dossier, storedFact, error) {
	q := `SELECT body, report_fact, synced_at FROM dossiers WHERE id = ?`
	if t.db.Engine == Postgres {
		q += ` FOR UPDATE`
	}
	var f storedFact
	var body string
	var err error
	if docs != nil && t.conn != nil {
		err = t.send(ctx, rowRead(q, []any{id}, &body, &f.raw, &f.synced), documentsRead(id, docs))
	} else if err = t.QueryRow(ctx, q, id).Scan(&body, &f.raw, &f.synced); err == nil && docs != nil {
		*docs, err = scanDocuments(t.Query(ctx, documentsQuery, id))
	}
	if errors.Is(err, sql.ErrNoRows) {
		return nil, f, errNoDossier()
	} else if err != nil {
		return nil, f, err
	}
	if seen != nil && seen.D != nil && seen.D.ID == id {
		if seen.body == body {
			d := seen.D
			seen.D = nil
			return d, f, nil
		}
		if seen.kept {
			t.db.recent.forget(id)
			return nil, f, ErrStaleSnapshot
		}
	}
	d, err := decodeDossier(id, body)
	return d, f, err
}

// writeDossier stores d's body and refreshes the columns derived from it, with the report
// fact when f is set (one row write), and records the units that have dealt with it
// beyond those known to be recorded already. It returns the stored text, and the fact the
// row now holds: f, or else was, the fact it held.
func (t *Tx) writeDossier(ctx context.Context, d *dossier.Dossier, f *report.Fact, was storedFact,
	known map[string]bool) (string, storedFact, error) {
	raw, err := json.Marshal(d)
	if err != nil {
		return "", was, err
	}
	body := string(raw)
	var stepUnit, stepRole string
	var assignee int64
	if n := len(d.Steps); n > 0 && d.Steps[n-1].Open() && !d.Status.Terminal() {
		s := d.Steps[n-1]
		stepUnit, stepRole, assignee = s.UnitCode, string(s.Role), s.AssigneeID
	}
	set := `code = ?, status = ?, receiving_unit = ?, step_unit = ?, step_role = ?,
		step_assignee_id = ?, applicant_name = ?, applicant_id_number = ?, applicant_phone = ?, submitted_at = ?,
		received_at = ?, appointment_at = ?, finished_at = ?, last_seq = ?, updated_at = ?, body = ?`
	args := []any{nullText(d.Code), int(d.Status), d.ReceivingUnit, stepUnit, stepRole, assignee, d.Applicant.Name,
		d.Applicant.IDNumber, d.Applicant.Phone, nullMillis(d.SubmittedAt), nullMillis(d.ReceivedAt),
		nullMillis(d.AppointmentAt), nullMillis(d.FinishedAt), d.LastSeq, d.UpdatedAt.UnixMilli(), body}
	if f != nil {
		cols, err := factColumns(*f)
		if err != nil {
			return "", was, err
		}
		set += ", " + factSet
		args = append(args, cols...)
		was.raw = sql.NullString{String: cols[0].(string), Valid: true} // the fact's text (factColumns)
	}
	// The row was read in this transaction (and locked on PostgreSQL), so it is there.
	if err := t.laterCoded(ctx, `UPDATE dossiers SET `+set+` WHERE id = ?`, append(args, d.ID)...); err != nil {
		return "", was, err
	}
	for u := range unitsOf(d) {
		if known[u] {
			continue
		}
		if err := t.Later(ctx, `INSERT INTO dossier_units (unit_code, dossier_id) VALUES (?, ?)
			ON CONFLICT (unit_code, dossier_id) DO NOTHING`, u, d.ID); err != nil {
			return "", was, err
		}
	}
	return body, was, nil
}

// unitsOf are the units that have dealt with d: the receiving unit and every step's.
// Every stored dossier has them recorded in dossier_units.
func unitsOf(d *dossier.Dossier) map[string]bool {
	units := map[string]bool{}
	if d.ReceivingUnit != "" {
		units[d.ReceivingUnit] = true
	}
	for _, s := range d.Steps {
		if s.UnitCode != "" {
			units[s.UnitCode] = true
		}
	}
	return units
}

func nullText(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

func nullMillis(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UnixMilli()
}

func fromMillis(ms sql.NullInt64) time.Time {
	if !ms.Valid {
		return time.Time{}
	}
	return time.UnixMilli(ms.Int64)
}

// DossierHead returns a dossier's id and the sequence number of its last event by code,
// without reading its body: callers that keep decoded dossiers compare the sequence to
// know whether theirs is current.
func (db *DB) DossierHead(ctx context.Context, code string) (id int64, lastSeq int, err error) {
	err = db.queryRow(ctx, `SELECT id, last_seq FROM dossiers WHERE code = ?`, code).Scan(&id, &lastSeq)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, 0, errNoDossier()
	}
	return id, lastSeq, err
}
