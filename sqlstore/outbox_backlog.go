package sqlstore

import (
	"context"
	"slices"
	"time"
)

// OutboxTopic is one topic's backlog: messages waiting (leased or not), the earliest time
// one of them is due, and messages given up on.
type OutboxTopic struct {
	Topic    string
	Pending  int
	FirstDue time.Time // zero when nothing waits
	Failed   int
}

// OutboxBacklog reports each topic's backlog, in topic order, from the outbox's partial indexes, so that
// its cost does not grow with the messages already sent.
func (db *DB) OutboxBacklog(ctx context.Context) ([]OutboxTopic, error) {
	byTopic := map[string]*OutboxTopic{}
	var order []string
	topic := func(name string) *OutboxTopic {
		if byTopic[name] == nil {
			byTopic[name] = &OutboxTopic{Topic: name}
			order = append(order, name)
		}
		return byTopic[name]
	}
	rows, err := db.query(ctx, `SELECT topic, COUNT(*), MIN(next_attempt_at) FROM outbox
		WHERE sent_at IS NULL AND failed_at IS NULL GROUP BY topic ORDER BY topic`)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var name string
		var n int
		var first int64
		if err := rows.Scan(&name, &n, &first); err != nil {
			rows.Close()
			return nil, err
		}
		t := topic(name)
		t.Pending, t.FirstDue = n, time.UnixMilli(first)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows, err = db.query(ctx, `SELECT topic, COUNT(*) FROM outbox WHERE failed_at IS NOT NULL GROUP BY topic ORDER BY topic`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var name string
		var n int
		if err := rows.Scan(&name, &n); err != nil {
			return nil, err
		}
		topic(name).Failed = n
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	slices.Sort(order)
	out := make([]OutboxTopic, len(order))
	for i, name := range order {
		out[i] = *byTopic[name]
	}
	return out, nil
}
