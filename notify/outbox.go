package notify

import (
	"context"
	"time"
)

// Item is one outbox row handed to a worker.
type Item struct {
	ID        int64
	Topic     string
	DedupeKey string
	Payload   []byte
	Attempts  int // including the one the worker is about to make
	CreatedAt time.Time
}

// Outbox is the durable queue the worker drains. A claim leases items to one worker; every
// other call must name the same worker and fails once its lease has been taken over.
type Outbox interface {
	// ClaimOutbox leases up to limit due, unsent items whose lease is free or expired, and
	// counts an attempt on each.
	ClaimOutbox(ctx context.Context, topic, worker string, limit int, lease time.Duration) ([]Item, error)
	// OutboxDone marks the item sent.
	OutboxDone(ctx context.Context, id int64, worker string) error
	// OutboxRetry frees the item and makes it due again at next.
	OutboxRetry(ctx context.Context, id int64, worker, errMsg string, next time.Time) error
	// OutboxFail gives the item up for good.
	OutboxFail(ctx context.Context, id int64, worker, errMsg string) error
}
