package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/motcua/motcua"
	"github.com/motcua/motcua/org"
)

// PutUnit inserts or updates a unit.
func (db *DB) PutUnit(ctx context.Context, u org.Unit) error {
	if err := u.Validate(); err != nil {
		return motcua.Invalid("unit", err.Error(), err.Error())
	}
	var parent any
	if u.Parent != "" {
		parent = u.Parent
	}
	_, err := db.exec(ctx, `INSERT INTO units (code, identifier, name, kind, parent) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (code) DO UPDATE SET identifier = excluded.identifier, name = excluded.name,
		kind = excluded.kind, parent = excluded.parent`, u.Code, u.Identifier, u.Name, string(u.Kind), parent)
	return err
}

// Units lists every unit by code.
func (db *DB) Units(ctx context.Context) ([]org.Unit, error) {
	rows, err := db.query(ctx, `SELECT code, identifier, name, kind, COALESCE(parent, '') FROM units ORDER BY code`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []org.Unit
	for rows.Next() {
		var u org.Unit
		if err := rows.Scan(&u.Code, &u.Identifier, &u.Name, &u.Kind, &u.Parent); err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

// Unit returns one unit.
func (db *DB) Unit(ctx context.Context, code string) (org.Unit, error) {
	var u org.Unit
	err := db.queryRow(ctx, `SELECT code, identifier, name, kind, COALESCE(parent, '') FROM units WHERE code = ?`, code).
		Scan(&u.Code, &u.Identifier, &u.Name, &u.Kind, &u.Parent)
	if errors.Is(err, sql.ErrNoRows) {
		return u, motcua.NotFound("không có đơn vị "+code, "no unit "+code)
	}
	return u, err
}

// CreateAccount stores a new account with its password hash and returns its id.
func (db *DB) CreateAccount(ctx context.Context, a org.Account, passwordHash string) (int64, error) {
	a.Username = strings.ToLower(strings.TrimSpace(a.Username))
	if a.Username == "" {
		return 0, motcua.Invalid("username", "tên đăng nhập bắt buộc", "username is required")
	}
	if !a.Role.Valid() {
		return 0, motcua.Invalid("role", "vai trò không hợp lệ", "unknown role")
	}
	if a.Role.IsStaff() && a.UnitCode == "" {
		return 0, motcua.Invalid("unit_code", "tài khoản cán bộ phải thuộc một đơn vị", "a staff account must belong to a unit")
	}
	var unit any
	if a.UnitCode != "" {
		unit = a.UnitCode
	}
	var id int64
	err := db.InTx(ctx, func(tx *Tx) error {
		var n int
		if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM accounts WHERE username = ?`, a.Username).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return motcua.Conflict("tên đăng nhập đã có", "username already taken")
		}
		return tx.QueryRow(ctx, `INSERT INTO accounts (username, display_name, role, unit_code, email, phone,
			id_number, password_hash, disabled, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
			a.Username, a.DisplayName, string(a.Role), unit, a.Email, a.Phone, a.IDNumber, passwordHash,
			a.Disabled, time.Now().UnixMilli()).Scan(&id)
	})
	return id, err
}

const accountColumns = `id, username, display_name, role, COALESCE(unit_code, ''), email, phone, id_number, disabled`

func scanAccount(row interface{ Scan(...any) error }, extra ...any) (org.Account, error) {
	var a org.Account
	dest := append([]any{&a.ID, &a.Username, &a.DisplayName, &a.Role, &a.UnitCode, &a.Email, &a.Phone,
		&a.IDNumber, &a.Disabled}, extra...)
	err := row.Scan(dest...)
	if errors.Is(err, sql.ErrNoRows) {
		return a, motcua.NotFound("không có tài khoản", "no such account")
	}
	return a, err
}

// AccountByUsername returns the account and its password hash.
func (db *DB) AccountByUsername(ctx context.Context, username string) (org.Account, string, error) {
	var hash string
	a, err := scanAccount(db.queryRow(ctx, `SELECT `+accountColumns+`, password_hash FROM accounts WHERE username = ?`,
		strings.ToLower(strings.TrimSpace(username))), &hash)
	return a, hash, err
}

// Account returns an account by id.
func (db *DB) Account(ctx context.Context, id int64) (org.Account, error) {
	return scanAccount(db.queryRow(ctx, `SELECT `+accountColumns+` FROM accounts WHERE id = ?`, id))
}

// Accounts lists accounts by username.
func (db *DB) Accounts(ctx context.Context) ([]org.Account, error) {
	return db.accounts(ctx, `SELECT `+accountColumns+` FROM accounts ORDER BY username`)
}

// StaffAccounts lists the enabled accounts that belong to a unit, by unit and username:
// the officers, never the applicants.
func (db *DB) StaffAccounts(ctx context.Context) ([]org.Account, error) {
	return db.accounts(ctx, `SELECT `+accountColumns+` FROM accounts WHERE unit_code IS NOT NULL AND NOT disabled
		ORDER BY unit_code, username`)
}

func (db *DB) accounts(ctx context.Context, q string) ([]org.Account, error) {
	rows, err := db.query(ctx, q)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []org.Account
	for rows.Next() {
		a, err := scanAccount(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// SetAccountDisabled enables or disables an account; disabling also ends its sessions.
func (db *DB) SetAccountDisabled(ctx context.Context, id int64, disabled bool, by org.Account) error {
	return db.InTx(ctx, func(tx *Tx) error {
		res, err := tx.Exec(ctx, `UPDATE accounts SET disabled = ? WHERE id = ?`, disabled, id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return motcua.NotFound("không có tài khoản", "no such account")
		}
		if disabled {
			if _, err := tx.Exec(ctx, `DELETE FROM sessions WHERE account_id = ?`, id); err != nil {
				return err
			}
		}
		action := "account.enable"
		if disabled {
			action = "account.disable"
		}
		return tx.audit(ctx, AuditEntry{AccountID: by.ID, Username: by.Username, Action: action,
			Object: fmt.Sprintf("account:%d", id)})
	})
}

// SetPassword replaces an account's password hash and ends its sessions.
func (db *DB) SetPassword(ctx context.Context, id int64, hash string, by org.Account) error {
	return db.InTx(ctx, func(tx *Tx) error {
		res, err := tx.Exec(ctx, `UPDATE accounts SET password_hash = ? WHERE id = ?`, hash, id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return motcua.NotFound("không có tài khoản", "no such account")
		}
		if _, err := tx.Exec(ctx, `DELETE FROM sessions WHERE account_id = ?`, id); err != nil {
			return err
		}
		return tx.audit(ctx, AuditEntry{AccountID: by.ID, Username: by.Username, Action: "account.password",
			Object: fmt.Sprintf("account:%d", id)})
	})
}

// AuditAccountCreated records who created an account.
func (db *DB) AuditAccountCreated(ctx context.Context, id int64, username string, by org.Account) error {
	return db.InTx(ctx, func(tx *Tx) error {
		return tx.audit(ctx, AuditEntry{AccountID: by.ID, Username: by.Username, Action: "account.create",
			Object: fmt.Sprintf("account:%d", id), Detail: username})
	})
}
