package portal

import (
	"context"
	"errors"
	"sync"
	"time"
)

// memOutbox is an in-memory outbox with the store's semantics: claims lease due messages
// in (next attempt, id) order and count an attempt; only the lease holder may settle.
type memOutbox struct {
	mu    sync.Mutex
	rows  []*memRow
	byKey map[string]bool
}

type memRow struct {
	item        OutboxItem
	next        time.Time
	lockedBy    string
	lockedUntil time.Time
	sent        bool
	failed      bool
	lastErr     string
}

func (o *memOutbox) enqueue(key string, payload []byte) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.byKey == nil {
		o.byKey = map[string]bool{}
	}
	if o.byKey[key] {
		return
	}
	o.byKey[key] = true
	o.rows = append(o.rows, &memRow{item: OutboxItem{ID: int64(len(o.rows) + 1), Topic: Topic, DedupeKey: key,
		Payload: payload, CreatedAt: time.Now()}, next: time.Now()})
}

func (o *memOutbox) ClaimOutbox(_ context.Context, topic, worker string, limit int, lease time.Duration) ([]OutboxItem, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	now := time.Now()
	var due []*memRow
	for _, r := range o.rows {
		if r.item.Topic == topic && !r.sent && !r.failed && !r.next.After(now) && !r.lockedUntil.After(now) {
			due = append(due, r)
		}
	}
	// Stable order by next attempt, then id, like the store.
	for i := 1; i < len(due); i++ {
		for j := i; j > 0 && (due[j].next.Before(due[j-1].next) ||
			due[j].next.Equal(due[j-1].next) && due[j].item.ID < due[j-1].item.ID); j-- {
			due[j], due[j-1] = due[j-1], due[j]
		}
	}
	var out []OutboxItem
	for _, r := range due[:min(limit, len(due))] {
		r.lockedBy, r.lockedUntil = worker, now.Add(lease)
		r.item.Attempts++
		out = append(out, r.item)
	}
	return out, nil
}

func (o *memOutbox) settle(id int64, worker string, f func(r *memRow)) error {
	o.mu.Lock()
	defer o.mu.Unlock()
	for _, r := range o.rows {
		if r.item.ID == id && r.lockedBy == worker && !r.sent && !r.failed {
			f(r)
			return nil
		}
	}
	return errors.New("not leased to this worker")
}

func (o *memOutbox) OutboxDone(_ context.Context, id int64, worker string) error {
	return o.settle(id, worker, func(r *memRow) { r.sent, r.lockedUntil = true, time.Time{} })
}

func (o *memOutbox) OutboxRetry(_ context.Context, id int64, worker, msg string, next time.Time) error {
	return o.settle(id, worker, func(r *memRow) {
		r.next, r.lastErr, r.lockedBy, r.lockedUntil = next, msg, "", time.Time{}
	})
}

func (o *memOutbox) OutboxFail(_ context.Context, id int64, worker, msg string) error {
	return o.settle(id, worker, func(r *memRow) { r.failed, r.lastErr, r.lockedUntil = true, msg, time.Time{} })
}

// counts says how many messages are pending, sent and failed.
func (o *memOutbox) counts() (pending, sent, failed int) {
	o.mu.Lock()
	defer o.mu.Unlock()
	for _, r := range o.rows {
		switch {
		case r.sent:
			sent++
		case r.failed:
			failed++
		default:
			pending++
		}
	}
	return
}
