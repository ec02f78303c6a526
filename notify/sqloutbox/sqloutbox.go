// Package sqloutbox lets the notify worker drain the outbox table of sqlstore.
package sqloutbox

import (
	"context"
	"time"

	"github.com/motcua/motcua/notify"
	"github.com/motcua/motcua/sqlstore"
)

// Outbox adapts *sqlstore.DB to notify.Outbox.
type Outbox struct{ DB *sqlstore.DB }

var _ notify.Outbox = Outbox{}

func (o Outbox) ClaimOutbox(ctx context.Context, topic, worker string, limit int, lease time.Duration) ([]notify.Item, error) {
	rows, err := o.DB.ClaimOutbox(ctx, topic, worker, limit, lease)
	if err != nil {
		return nil, err
	}
	items := make([]notify.Item, len(rows))
	for i, r := range rows {
		items[i] = notify.Item{ID: r.ID, Topic: r.Topic, DedupeKey: r.DedupeKey, Payload: r.Payload,
			Attempts: r.Attempts, CreatedAt: r.CreatedAt}
	}
	return items, nil
}

func (o Outbox) OutboxDone(ctx context.Context, id int64, worker string) error {
	return o.DB.OutboxDone(ctx, id, worker)
}

func (o Outbox) OutboxRetry(ctx context.Context, id int64, worker, errMsg string, next time.Time) error {
	return o.DB.OutboxRetry(ctx, id, worker, errMsg, next)
}

func (o Outbox) OutboxFail(ctx context.Context, id int64, worker, errMsg string) error {
	return o.DB.OutboxFail(ctx, id, worker, errMsg)
}
