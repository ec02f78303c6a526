package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"time"
)

// AuditEntry is one line of the audit trail: who changed what, when.
type AuditEntry struct {
	ID        int64     `json:"id"`
	At        time.Time `json:"at"`
	AccountID int64     `json:"account_id"`
	Username  string    `json:"username"`
	Action    string    `json:"action"`
	Object    string    `json:"object"`
	Detail    string    `json:"detail"`
}

// audit appends an entry inside a transaction so the change and its record land together.
func (t *Tx) audit(ctx context.Context, e AuditEntry) error {
	if e.At.IsZero() {
		e.At = time.Now()
	}
	_, err := t.Exec(ctx, `INSERT INTO audit_log (at, account_id, username, action, object, detail) VALUES (?, ?, ?, ?, ?, ?)`,
		e.At.UnixMilli(), e.AccountID, e.Username, e.Action, e.Object, e.Detail)
	return err
}

// Audit lists the newest entries about objects starting with prefix, newest first, paged
// by id (before = 0 for the first page).
func (db *DB) Audit(ctx context.Context, prefix string, before int64, limit int) ([]AuditEntry, error) {
	if before <= 0 {
		before = 1 << 62
	}
	rows, err := db.query(ctx, `SELECT id, at, COALESCE(account_id, 0), username, action, object, detail FROM audit_log
		WHERE object LIKE ? AND id < ? ORDER BY id DESC LIMIT ?`, prefix+"%", before, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []AuditEntry
	for rows.Next() {
		var e AuditEntry
		var at int64
		if err := rows.Scan(&e.ID, &at, &e.AccountID, &e.Username, &e.Action, &e.Object, &e.Detail); err != nil {
			return nil, err
		}
		e.At = time.UnixMilli(at)
		out = append(out, e)
	}
	return out, rows.Err()
}

// Revision returns the counter name; instances compare it to know when to reload a cache.
func (db *DB) Revision(ctx context.Context, name string) (int64, error) {
	var v int64
	err := db.queryRow(ctx, `SELECT value FROM revisions WHERE name = ?`, name).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	return v, err
}

func (t *Tx) bumpRevision(ctx context.Context, name string) error {
	_, err := t.Exec(ctx, `INSERT INTO revisions (name, value) VALUES (?, 1)
		ON CONFLICT (name) DO UPDATE SET value = revisions.value + 1`, name)
	return err
}
