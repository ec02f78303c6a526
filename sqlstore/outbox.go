package sqlstore

import (
	"context"
	"database/sql"
	"slices"
	"time"

	"github.com/motcua/motcua"
)

// OutboxItem is one message a worker has leased for sending.
type OutboxItem struct {
	ID        int64
	Topic     string
	DedupeKey string
	Payload   []byte
	Attempts  int // including the current one
	CreatedAt time.Time
}

// Enqueue records a message in the transaction of the change that causes it, so the
// message exists exactly when the change does. A dedupe key already present is a no-op:
// retrying the same change never sends twice.
func (t *Tx) Enqueue(ctx context.Context, topic, dedupeKey string, payload []byte) error {
	return t.EnqueueAll(ctx, []OutboxMessage{{topic, dedupeKey, payload}})
}

// OutboxMessage is a message to queue.
type OutboxMessage struct {
	Topic, DedupeKey string
	Payload          []byte
}

// EnqueueAll queues several messages, as Enqueue does one, a statement per bulkRows.
func (t *Tx) EnqueueAll(ctx context.Context, msgs []OutboxMessage) error {
	now := time.Now().UnixMilli()
	for len(msgs) > 0 {
		part := msgs[:min(len(msgs), bulkRows)]
		msgs = msgs[len(part):]
		args := make([]any, 0, 5*len(part))
		for _, m := range part {
			args = append(args, m.Topic, m.DedupeKey, string(m.Payload), now, now)
		}
		if err := t.laterCoded(ctx, `INSERT INTO outbox (topic, dedupe_key, payload, next_attempt_at, created_at) VALUES `+
			valuesList(len(part), 5)+` ON CONFLICT (dedupe_key) DO NOTHING`, args...); err != nil {
			return err
		}
	}
	return nil
}

// ClaimOutbox leases up to limit due messages of topic to worker for lease: unsent, not
// given up, and not leased to anyone else (or their lease ran out). Each claim counts as
// an attempt. On PostgreSQL, SKIP LOCKED lets concurrent workers take disjoint batches;
// SQLite's single writer serialises the claims.
func (db *DB) ClaimOutbox(ctx context.Context, topic, worker string, limit int, lease time.Duration) ([]OutboxItem, error) {
	if limit <= 0 {
		return nil, nil
	}
	now := time.Now()
	lock := ""
	if db.Engine == Postgres {
		lock = " FOR UPDATE SKIP LOCKED"
	}
	var out []OutboxItem
	err := db.InTx(ctx, func(tx *Tx) error {
		out = nil // a try after a conflict starts afresh
		rows, err := tx.Query(ctx, `UPDATE outbox SET locked_by = ?, locked_until = ?, attempts = attempts + 1
			WHERE id IN (SELECT id FROM outbox WHERE topic = ? AND sent_at IS NULL AND failed_at IS NULL
				AND next_attempt_at <= ? AND (locked_until IS NULL OR locked_until <= ?)
				ORDER BY next_attempt_at, id LIMIT ?`+lock+`)
			RETURNING id, topic, dedupe_key, payload, attempts, created_at`,
			worker, now.Add(lease).UnixMilli(), topic, now.UnixMilli(), now.UnixMilli(), limit)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var it OutboxItem
			var payload string
			var created int64
			if err := rows.Scan(&it.ID, &it.Topic, &it.DedupeKey, &payload, &it.Attempts, &created); err != nil {
				return err
			}
			it.Payload, it.CreatedAt = []byte(payload), time.UnixMilli(created)
			out = append(out, it)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, err
	}
	slices.SortFunc(out, func(a, b OutboxItem) int { return int(a.ID - b.ID) })
	return out, nil
}

// OutboxDone marks a message sent.
func (db *DB) OutboxDone(ctx context.Context, id int64, worker string) error {
	return db.settleOutbox(ctx, id, worker, `sent_at = ?, locked_until = NULL`, time.Now().UnixMilli())
}

// OutboxRetry releases a message that failed this time, to be tried again at next.
func (db *DB) OutboxRetry(ctx context.Context, id int64, worker, errMsg string, next time.Time) error {
	return db.settleOutbox(ctx, id, worker, `next_attempt_at = ?, last_error = ?, locked_by = NULL, locked_until = NULL`,
		next.UnixMilli(), errMsg)
}

// OutboxFail gives a message up for good.
func (db *DB) OutboxFail(ctx context.Context, id int64, worker, errMsg string) error {
	return db.settleOutbox(ctx, id, worker, `failed_at = ?, last_error = ?, locked_until = NULL`,
		time.Now().UnixMilli(), errMsg)
}

// settleOutbox applies set to a message the worker still holds; a worker whose lease
// passed to another gets a conflict and must drop the message.
func (db *DB) settleOutbox(ctx context.Context, id int64, worker, set string, args ...any) error {
	res, err := db.exec(ctx, `UPDATE outbox SET `+set+` WHERE id = ? AND locked_by = ? AND sent_at IS NULL AND failed_at IS NULL`,
		append(args, id, worker)...)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return motcua.Conflict("thông báo không còn do tiến trình này giữ", "the message is not leased to this worker")
	}
	return nil
}

// OutboxStats counts messages waiting, sent and given up.
func (db *DB) OutboxStats(ctx context.Context) (pending, sent, failed int, err error) {
	var p, s, f sql.NullInt64
	err = db.queryRow(ctx, `SELECT
		SUM(CASE WHEN sent_at IS NULL AND failed_at IS NULL THEN 1 ELSE 0 END),
		SUM(CASE WHEN sent_at IS NOT NULL THEN 1 ELSE 0 END),
		SUM(CASE WHEN failed_at IS NOT NULL THEN 1 ELSE 0 END) FROM outbox`).Scan(&p, &s, &f)
	return int(p.Int64), int(s.Int64), int(f.Int64), err
}
