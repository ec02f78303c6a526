package service

import (
	"context"
	"encoding/json"
	"sync"
	"time"

	"github.com/motcua/motcua/portal"
	"github.com/motcua/motcua/sqlstore"
)

// PortalOutbox lets the portal worker drain the store's outbox. When the portal accepts a
// dossier record (DongBoHoSoMC), marking it sent also records the dossier as synced, in
// one transaction (sqlstore.DB.OutboxDoneSynced): that feeds the synced share of the
// Decision 766 index.
type PortalOutbox struct {
	DB *sqlstore.DB
	// Now stamps synced_at; nil means time.Now.
	Now func() time.Time

	mu      sync.Mutex
	records map[int64]string // leased dossier records: outbox id → dossier code
}

var _ portal.Outbox = (*PortalOutbox)(nil)

func (o *PortalOutbox) ClaimOutbox(ctx context.Context, topic, worker string, limit int,
	lease time.Duration) ([]portal.OutboxItem, error) {
	rows, err := o.DB.ClaimOutbox(ctx, topic, worker, limit, lease)
	if err != nil {
		return nil, err
	}
	items := make([]portal.OutboxItem, len(rows))
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.records == nil {
		o.records = map[int64]string{}
	}
	for i, r := range rows {
		items[i] = portal.OutboxItem(r)
		var p portal.OutboxPayload
		if json.Unmarshal(r.Payload, &p) == nil && p.Service == portal.ServiceSyncDossier && p.Dossier != "" {
			o.records[r.ID] = p.Dossier
		}
	}
	return items, nil
}

func (o *PortalOutbox) OutboxDone(ctx context.Context, id int64, worker string) error {
	if code, ok := o.take(id); ok {
		return o.DB.OutboxDoneSynced(ctx, id, worker, code, o.now())
	}
	return o.DB.OutboxDone(ctx, id, worker)
}

func (o *PortalOutbox) OutboxRetry(ctx context.Context, id int64, worker, errMsg string, next time.Time) error {
	o.take(id)
	return o.DB.OutboxRetry(ctx, id, worker, errMsg, next)
}

func (o *PortalOutbox) OutboxFail(ctx context.Context, id int64, worker, errMsg string) error {
	o.take(id)
	return o.DB.OutboxFail(ctx, id, worker, errMsg)
}

// take forgets a leased message, returning the dossier code of a dossier record.
func (o *PortalOutbox) take(id int64) (string, bool) {
	o.mu.Lock()
	defer o.mu.Unlock()
	code, ok := o.records[id]
	delete(o.records, id)
	return code, ok
}

func (o *PortalOutbox) now() time.Time {
	if o.Now != nil {
		return o.Now()
	}
	return time.Now()
}
