package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"time"
)

// TrackGuard is the rule for wrong secrets in public tracking: Failures wrong secrets for
// one code within Window refuse that code's lookups for Lock; Failures 0 never does.
type TrackGuard struct {
	Failures     int
	Window, Lock time.Duration
}

// TrackFailed counts a wrong secret given for code at now and reports until when the code
// is refused (before now when it is not). The count starts again once its window is over.
func (db *DB) TrackFailed(ctx context.Context, code string, now time.Time, g TrackGuard) (time.Time, error) {
	windowStart := now.Add(-g.Window).UnixMilli()
	var until int64
	err := db.writeRow(ctx, `INSERT INTO track_guard (code, failures, since, locked_until) VALUES (?, 1, ?, 0)
		ON CONFLICT (code) DO UPDATE SET
			failures = CASE WHEN track_guard.since <= ? THEN 1 ELSE track_guard.failures + 1 END,
			since = CASE WHEN track_guard.since <= ? THEN excluded.since ELSE track_guard.since END,
			locked_until = CASE WHEN track_guard.since > ? AND track_guard.failures + 1 >= ? THEN ?
				ELSE track_guard.locked_until END
		RETURNING locked_until`,
		code, now.UnixMilli(), windowStart, windowStart, windowStart, g.Failures, now.Add(g.Lock).UnixMilli()).Scan(&until)
	return time.UnixMilli(until), err
}

// TrackLockedUntil reports until when code is refused (the zero time when it never was).
// It may read a replica: a lock another instance just set may take that long to show.
func (db *DB) TrackLockedUntil(ctx context.Context, code string) (time.Time, error) {
	var until int64
	err := db.queryRow(ctx, `SELECT locked_until FROM track_guard WHERE code = ?`, code).Scan(&until)
	if errors.Is(err, sql.ErrNoRows) {
		return time.Time{}, nil
	}
	if err != nil || until == 0 {
		return time.Time{}, err
	}
	return time.UnixMilli(until), nil
}

// PurgeTrackGuard forgets the codes whose count began by windowStart (the window is over)
// and whose lock, if any, is over by now.
func (db *DB) PurgeTrackGuard(ctx context.Context, windowStart, now time.Time) (int64, error) {
	res, err := db.exec(ctx, `DELETE FROM track_guard WHERE since <= ? AND locked_until <= ?`,
		windowStart.UnixMilli(), now.UnixMilli())
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}
