package sqlstore

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"time"

	"github.com/motcua/motcua"
	"github.com/motcua/motcua/org"
)

// Session kinds.
const (
	SessionBrowser = "browser"
	SessionAPI     = "api"
)

func hashToken(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

// CreateSession issues a new random token for the account; only its hash is stored, so a
// copy of the database does not hand out live sessions.
func (db *DB) CreateSession(ctx context.Context, accountID int64, kind string, ttl time.Duration) (string, error) {
	raw := make([]byte, 32)
	rand.Read(raw)
	token := base64.RawURLEncoding.EncodeToString(raw)
	now := time.Now()
	_, err := db.exec(ctx, `INSERT INTO sessions (token_hash, account_id, kind, created_at, expires_at) VALUES (?, ?, ?, ?, ?)`,
		hashToken(token), accountID, kind, now.UnixMilli(), now.Add(ttl).UnixMilli())
	return token, err
}

// SessionAccount returns the enabled account that holds an unexpired token of kind.
func (db *DB) SessionAccount(ctx context.Context, token, kind string) (org.Account, error) {
	a, err := scanAccount(db.queryRow(ctx, `SELECT a.id, a.username, a.display_name, a.role, COALESCE(a.unit_code, ''),
		a.email, a.phone, a.id_number, a.disabled FROM sessions s JOIN accounts a ON a.id = s.account_id
		WHERE s.token_hash = ? AND s.kind = ? AND s.expires_at > ?`, hashToken(token), kind, time.Now().UnixMilli()))
	if err == nil && a.Disabled {
		return org.Account{}, motcua.NotFound("phiên đã hết hạn", "session expired")
	}
	return a, err
}

// DeleteSession ends a session.
func (db *DB) DeleteSession(ctx context.Context, token string) error {
	_, err := db.exec(ctx, `DELETE FROM sessions WHERE token_hash = ?`, hashToken(token))
	return err
}

// PurgeExpiredSessions removes sessions past their expiry.
func (db *DB) PurgeExpiredSessions(ctx context.Context) (int64, error) {
	res, err := db.exec(ctx, `DELETE FROM sessions WHERE expires_at <= ?`, time.Now().UnixMilli())
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

// LoginDelay says how long key must still wait before another sign-in attempt is heard:
// the first five failures are free, then the wait doubles from one second up to 15 minutes.
func (db *DB) LoginDelay(ctx context.Context, key string, now time.Time) (time.Duration, error) {
	var failures int
	var last int64
	err := db.queryRow(ctx, `SELECT failures, last_at FROM login_failures WHERE key = ?`, key).Scan(&failures, &last)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	if failures < 5 {
		return 0, nil
	}
	wait := min(time.Second<<min(failures-5, 10), 15*time.Minute)
	if left := time.UnixMilli(last).Add(wait).Sub(now); left > 0 {
		return left, nil
	}
	return 0, nil
}

// RecordLogin counts a failed attempt for key, or clears the count on success.
func (db *DB) RecordLogin(ctx context.Context, key string, ok bool, now time.Time) error {
	if ok {
		_, err := db.exec(ctx, `DELETE FROM login_failures WHERE key = ?`, key)
		return err
	}
	_, err := db.exec(ctx, `INSERT INTO login_failures (key, failures, last_at) VALUES (?, 1, ?)
		ON CONFLICT (key) DO UPDATE SET failures = login_failures.failures + 1, last_at = excluded.last_at`,
		key, now.UnixMilli())
	return err
}
