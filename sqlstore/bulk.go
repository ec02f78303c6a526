package sqlstore

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/motcua/motcua/dossier"
)

// BulkDossier is one dossier with its whole history, encoded and ready for
// BulkInsertDossiers. Build it with PrepareBulk, which may run on many goroutines.
type BulkDossier struct {
	d         *dossier.Dossier
	events    []dossier.Event
	body      string
	eventBody []string
	createdBy int64
}

// PrepareBulk encodes a dossier and the events that led to it. The events must be the
// dossier's whole history, so that its chain verifies once stored.
func PrepareBulk(d *dossier.Dossier, events []dossier.Event, createdBy int64) (BulkDossier, error) {
	if n := len(events); n != d.LastSeq || (n > 0 && events[n-1].Hash != d.LastHash) {
		return BulkDossier{}, fmt.Errorf("sqlstore: bulk dossier %s: %d events for head %d", d.Code, n, d.LastSeq)
	}
	body, err := json.Marshal(d)
	if err != nil {
		return BulkDossier{}, err
	}
	b := BulkDossier{d: d, events: events, body: string(body), createdBy: createdBy}
	for _, e := range events {
		raw, err := json.Marshal(e)
		if err != nil {
			return BulkDossier{}, err
		}
		b.eventBody = append(b.eventBody, string(raw))
	}
	return b, nil
}

// bulkRows is how many rows one multi-row INSERT carries: far below SQLite's and
// PostgreSQL's limits on bound parameters (32,766 and 65,535) at 25 columns.
const bulkRows = 400

// BulkInsertDossiers stores many dossiers in one transaction with multi-row INSERTs, for
// seeding large databases (benchmarks, load tests, migrations from another system). It
// writes the same columns as the single-dossier path and raises the daily code sequences
// past every code it stores, so receipts made afterwards never reuse a number. Requests
// never come through here.
func (db *DB) BulkInsertDossiers(ctx context.Context, ds []BulkDossier) error {
	if len(ds) == 0 {
		return nil
	}
	return db.InTx(ctx, func(tx *Tx) error {
		var first int64
		if err := tx.QueryRow(ctx, `SELECT COALESCE(MAX(id), 0) + 1 FROM dossiers`).Scan(&first); err != nil {
			return err
		}
		for i := range ds {
			ds[i].d.ID = first + int64(i)
		}
		for start := 0; start < len(ds); start += bulkRows {
			part := ds[start:min(start+bulkRows, len(ds))]
			if err := tx.bulkDossiers(ctx, part); err != nil {
				return err
			}
			if err := tx.bulkEvents(ctx, part); err != nil {
				return err
			}
			if err := tx.bulkUnits(ctx, part); err != nil {
				return err
			}
		}
		if err := tx.raiseSequences(ctx, ds); err != nil {
			return err
		}
		if db.Engine == Postgres {
			_, err := tx.Exec(ctx, `SELECT setval(pg_get_serial_sequence('dossiers', 'id'), (SELECT MAX(id) FROM dossiers))`)
			return err
		}
		return nil
	})
}

func (t *Tx) bulkDossiers(ctx context.Context, part []BulkDossier) error {
	const cols = 25
	args := make([]any, 0, cols*len(part))
	for _, b := range part {
		d := b.d
		step := openStep(d)
		args = append(args, d.ID, nullText(d.Code), int(d.Status), d.ProcedureCode, d.ProcedureName, d.VersionNumber,
			int(d.Channel), nullID(d.OwnerAccountID), b.createdBy, nullText(d.IdempotencyKey), d.ReceivingUnit,
			step.UnitCode, string(step.Role), step.AssigneeID, d.Applicant.Name, d.Applicant.IDNumber, d.Applicant.Phone,
			nullMillis(d.SubmittedAt), nullMillis(d.ReceivedAt), nullMillis(d.AppointmentAt), nullMillis(d.FinishedAt),
			d.LastSeq, d.CreatedAt.UnixMilli(), d.UpdatedAt.UnixMilli(), b.body)
	}
	_, err := t.Exec(ctx, `INSERT INTO dossiers (id, code, status, procedure_code, procedure_name, version_number,
		channel, owner_account_id, created_by, idempotency_key, receiving_unit, step_unit, step_role, step_assignee_id,
		applicant_name, applicant_id_number, applicant_phone, submitted_at, received_at, appointment_at, finished_at,
		last_seq, created_at, updated_at, body) VALUES `+valuesList(len(part), cols), args...)
	return err
}

// openStep is the step the officers' queues show: the last one, while it is open and the
// dossier is not closed (as writeDossier derives it).
func openStep(d *dossier.Dossier) dossier.Step {
	if n := len(d.Steps); n > 0 && d.Steps[n-1].Open() && !d.Status.Terminal() {
		return d.Steps[n-1]
	}
	return dossier.Step{}
}

func (t *Tx) bulkEvents(ctx context.Context, part []BulkDossier) error {
	const cols = 9
	var args []any
	rows := 0
	flush := func() error {
		if rows == 0 {
			return nil
		}
		_, err := t.Exec(ctx, `INSERT INTO dossier_events (dossier_id, seq, at, actor_id, action, from_status,
			to_status, hash, body) VALUES `+valuesList(rows, cols), args...)
		args, rows = args[:0], 0
		return err
	}
	for _, b := range part {
		for i, e := range b.events {
			args = append(args, b.d.ID, e.Seq, e.At.UnixMilli(), e.ActorID, string(e.Action), int(e.From), int(e.To),
				e.Hash, b.eventBody[i])
			if rows++; rows == bulkRows {
				if err := flush(); err != nil {
					return err
				}
			}
		}
	}
	return flush()
}

func (t *Tx) bulkUnits(ctx context.Context, part []BulkDossier) error {
	var args []any
	for _, b := range part {
		for u := range unitsOf(b.d) {
			args = append(args, u, b.d.ID)
		}
	}
	if len(args) == 0 {
		return nil
	}
	// At most a handful of units per dossier: split so one statement stays under the limits.
	for len(args) > 0 {
		n := min(len(args), 2*bulkRows*4)
		if _, err := t.Exec(ctx, `INSERT INTO dossier_units (unit_code, dossier_id) VALUES `+valuesList(n/2, 2)+
			` ON CONFLICT (unit_code, dossier_id) DO NOTHING`, args[:n]...); err != nil {
			return err
		}
		args = args[n:]
	}
	return nil
}

// raiseSequences sets each unit's daily sequence to at least the highest number stored.
func (t *Tx) raiseSequences(ctx context.Context, ds []BulkDossier) error {
	type key struct{ unit, day string }
	high := map[key]int{}
	for _, b := range ds {
		if b.d.Code == "" {
			continue
		}
		c, err := dossier.ParseCode(b.d.Code)
		if err != nil {
			return fmt.Errorf("sqlstore: bulk dossier: %w", err)
		}
		k := key{c.Unit, c.Day.String()}
		high[k] = max(high[k], c.Seq)
	}
	for k, last := range high {
		if _, err := t.Exec(ctx, `INSERT INTO code_sequences (unit, day, last) VALUES (?, ?, ?)
			ON CONFLICT (unit, day) DO UPDATE SET last = CASE WHEN code_sequences.last > excluded.last
			THEN code_sequences.last ELSE excluded.last END`, k.unit, k.day, last); err != nil {
			return err
		}
		t.db.codes.forget(k.unit, k.day)
	}
	return nil
}

// valuesList is "(?, ?), (?, ?)" for rows rows of cols columns.
func valuesList(rows, cols int) string {
	one := "(" + placeholders(cols) + ")"
	var b strings.Builder
	b.Grow(rows * (len(one) + 2))
	for i := range rows {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(one)
	}
	return b.String()
}
