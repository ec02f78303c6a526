package sqlstore

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/motcua/motcua"
	"github.com/motcua/motcua/calendar"
	"github.com/motcua/motcua/catalog"
	"github.com/motcua/motcua/org"
)

// RevisionCatalog is bumped by every catalog change so that each instance reloads its
// search index.
const RevisionCatalog = "catalog"

// Procedure loads one procedure with all its versions.
func (db *DB) Procedure(ctx context.Context, code string) (catalog.Procedure, error) {
	ps, err := db.loadProcedures(ctx, db.read, code)
	if err != nil {
		return catalog.Procedure{}, err
	}
	if len(ps) == 0 {
		return catalog.Procedure{}, motcua.NotFound("không có thủ tục "+code, "no procedure "+code)
	}
	return ps[0], nil
}

// Procedures loads every procedure with its versions, ordered by code.
func (db *DB) Procedures(ctx context.Context) ([]catalog.Procedure, error) {
	return db.loadProcedures(ctx, db.read, "")
}

func (db *DB) loadProcedures(ctx context.Context, q rowsSource, code string) ([]catalog.Procedure, error) {
	query := `SELECT p.code, COALESCE(p.abolished_from, ''), p.abolished_by, v.body
		FROM procedures p JOIN procedure_versions v ON v.procedure_code = p.code`
	args := []any{}
	if code != "" {
		query += ` WHERE p.code = ?`
		args = append(args, code)
	}
	query += ` ORDER BY p.code, v.number`
	rows, err := q.QueryContext(ctx, db.bind(query), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []catalog.Procedure
	for rows.Next() {
		var pcode, abolished, abolishedBy, body string
		if err := rows.Scan(&pcode, &abolished, &abolishedBy, &body); err != nil {
			return nil, err
		}
		if len(out) == 0 || out[len(out)-1].Code != pcode {
			p := catalog.Procedure{Code: pcode, AbolishedBy: abolishedBy}
			if abolished != "" {
				d, err := calendar.ParseDate(abolished)
				if err != nil {
					return nil, err
				}
				p.AbolishedFrom = &d
			}
			out = append(out, p)
		}
		var v catalog.Version
		if err := json.Unmarshal([]byte(body), &v); err != nil {
			return nil, fmt.Errorf("sqlstore: procedure %s: %w", pcode, err)
		}
		out[len(out)-1].Versions = append(out[len(out)-1].Versions, v)
	}
	return out, rows.Err()
}

// writeProcedure replaces the stored state of p with p.
func (t *Tx) writeProcedure(ctx context.Context, p catalog.Procedure) error {
	var abolished any
	if p.AbolishedFrom != nil {
		abolished = p.AbolishedFrom.String()
	}
	now := time.Now().UnixMilli()
	if _, err := t.Exec(ctx, `INSERT INTO procedures (code, abolished_from, abolished_by, updated_at) VALUES (?, ?, ?, ?)
		ON CONFLICT (code) DO UPDATE SET abolished_from = excluded.abolished_from,
		abolished_by = excluded.abolished_by, updated_at = excluded.updated_at`,
		p.Code, abolished, p.AbolishedBy, now); err != nil {
		return err
	}
	if _, err := t.Exec(ctx, `DELETE FROM procedure_versions WHERE procedure_code = ?`, p.Code); err != nil {
		return err
	}
	for _, v := range p.Versions {
		body, err := json.Marshal(v)
		if err != nil {
			return err
		}
		var published any
		if v.PublishedAt != nil {
			published = v.PublishedAt.UnixMilli()
		}
		if _, err := t.Exec(ctx, `INSERT INTO procedure_versions (procedure_code, number, status, name, field_name,
			published_at, body) VALUES (?, ?, ?, ?, ?, ?, ?)`,
			p.Code, v.Number, string(v.Status), v.Name, v.Field.Name, published, string(body)); err != nil {
			return err
		}
	}
	return nil
}

// ImportProcedures writes every procedure in one transaction: all of them or none.
// Procedures already present are replaced.
func (db *DB) ImportProcedures(ctx context.Context, ps []catalog.Procedure, by org.Account, source string) error {
	return db.InTx(ctx, func(tx *Tx) error {
		for _, p := range ps {
			if err := tx.writeProcedure(ctx, p); err != nil {
				return fmt.Errorf("procedure %s: %w", p.Code, err)
			}
		}
		if err := tx.audit(ctx, AuditEntry{AccountID: by.ID, Username: by.Username, Action: "catalog.import",
			Object: "catalog", Detail: fmt.Sprintf("%d procedures from %s", len(ps), source)}); err != nil {
			return err
		}
		return tx.bumpRevision(ctx, RevisionCatalog)
	})
}

// UpdateProcedure reads a procedure, lets fn change it, and writes it back with an audit
// entry, all in one transaction. A procedure that does not exist yet is passed to fn empty
// when create is true. fn may be called again, with the procedure read afresh, if
// PostgreSQL rolls the transaction back to break a deadlock (see InTx).
func (db *DB) UpdateProcedure(ctx context.Context, code string, create bool, by org.Account, action string,
	fn func(*catalog.Procedure) error) (catalog.Procedure, error) {
	var result catalog.Procedure
	err := db.InTx(ctx, func(tx *Tx) error {
		ps, err := db.loadProcedures(ctx, tx, code)
		if err != nil {
			return err
		}
		var p catalog.Procedure
		switch {
		case len(ps) == 1:
			p = ps[0]
		case create:
			p = catalog.Procedure{Code: code}
		default:
			return motcua.NotFound("không có thủ tục "+code, "no procedure "+code)
		}
		if err := fn(&p); err != nil {
			return err
		}
		if err := tx.writeProcedure(ctx, p); err != nil {
			return err
		}
		if err := tx.audit(ctx, AuditEntry{AccountID: by.ID, Username: by.Username, Action: action,
			Object: "procedure:" + code}); err != nil {
			return err
		}
		result = p
		return tx.bumpRevision(ctx, RevisionCatalog)
	})
	return result, err
}
