package notify

import (
	"context"
	"errors"
	"sync"
	"time"
)

// MemOutbox is an in-memory Outbox with the store's rules, for tests of this package and of
// notify_test. Its clock is Clock, shared with the worker under test.
type MemOutbox struct {
	Clock *Clock

	mu    sync.Mutex
	rows  []*memRow
	byKey map[string]*memRow
}

type memRow struct {
	Item
	due        time.Time
	owner      string
	leaseUntil time.Time
	sent       bool
	failed     bool
	lastErr    string
}

// Clock is a settable time source.
type Clock struct {
	mu sync.Mutex
	t  time.Time
}

func NewClock() *Clock { return &Clock{t: time.Date(2026, 11, 28, 9, 0, 0, 0, time.UTC)} }

func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *Clock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

func NewMemOutbox(c *Clock) *MemOutbox { return &MemOutbox{Clock: c, byKey: map[string]*memRow{}} }

var errLeaseLost = errors.New("memoutbox: lease not held")

// Enqueue adds an item; a repeated dedupe key is ignored, as in the store.
func (o *MemOutbox) Enqueue(topic, key string, payload []byte) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.byKey[topic+"\x00"+key] != nil {
		return
	}
	now := o.Clock.Now()
	r := &memRow{Item: Item{ID: int64(len(o.rows) + 1), Topic: topic, DedupeKey: key, Payload: payload,
		CreatedAt: now}, due: now}
	o.rows = append(o.rows, r)
	o.byKey[topic+"\x00"+key] = r
}

func (o *MemOutbox) ClaimOutbox(_ context.Context, topic, worker string, limit int, lease time.Duration) ([]Item, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	now := o.Clock.Now()
	var out []Item
	for _, r := range o.rows {
		if len(out) == limit {
			break
		}
		if r.Topic != topic || r.sent || r.failed || r.due.After(now) ||
			(r.owner != "" && r.leaseUntil.After(now)) {
			continue
		}
		r.owner, r.leaseUntil = worker, now.Add(lease)
		r.Attempts++
		out = append(out, r.Item)
	}
	return out, nil
}

func (o *MemOutbox) held(id int64, worker string) (*memRow, error) {
	if id < 1 || int(id) > len(o.rows) {
		return nil, errors.New("memoutbox: no such item")
	}
	r := o.rows[id-1]
	if r.owner != worker || r.sent || r.failed {
		return nil, errLeaseLost
	}
	return r, nil
}

func (o *MemOutbox) OutboxDone(_ context.Context, id int64, worker string) error {
	o.mu.Lock()
	defer o.mu.Unlock()
	r, err := o.held(id, worker)
	if err != nil {
		return err
	}
	r.sent, r.owner = true, ""
	return nil
}

func (o *MemOutbox) OutboxRetry(_ context.Context, id int64, worker, msg string, next time.Time) error {
	o.mu.Lock()
	defer o.mu.Unlock()
	r, err := o.held(id, worker)
	if err != nil {
		return err
	}
	r.owner, r.due, r.lastErr = "", next, msg
	return nil
}

func (o *MemOutbox) OutboxFail(_ context.Context, id int64, worker, msg string) error {
	o.mu.Lock()
	defer o.mu.Unlock()
	r, err := o.held(id, worker)
	if err != nil {
		return err
	}
	r.failed, r.owner, r.lastErr = true, "", msg
	return nil
}

// State describes item id: "sent", "failed", "leased" or "pending", with its attempts,
// next due time and last error.
type State struct {
	Status   string
	Attempts int
	Due      time.Time
	LastErr  string
}

func (o *MemOutbox) State(id int64) State {
	o.mu.Lock()
	defer o.mu.Unlock()
	r := o.rows[id-1]
	s := State{Status: "pending", Attempts: r.Attempts, Due: r.due, LastErr: r.lastErr}
	switch {
	case r.sent:
		s.Status = "sent"
	case r.failed:
		s.Status = "failed"
	case r.owner != "" && r.leaseUntil.After(o.Clock.Now()):
		s.Status = "leased"
	}
	return s
}
