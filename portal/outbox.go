package portal

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/motcua/motcua/dossier"
)

// Topic is the outbox topic of portal messages.
const Topic = "portal"

// OutboxItem is a leased outbox message. Its fields match sqlstore.OutboxItem one for
// one, so main can convert with portal.OutboxItem(it).
type OutboxItem struct {
	ID        int64
	Topic     string
	DedupeKey string
	Payload   []byte
	Attempts  int // including the current one
	CreatedAt time.Time
}

// Outbox is the durable queue the worker drains (sqlstore.DB, through a small adapter in
// main).
type Outbox interface {
	ClaimOutbox(ctx context.Context, topic, worker string, limit int, lease time.Duration) ([]OutboxItem, error)
	OutboxDone(ctx context.Context, id int64, worker string) error
	OutboxRetry(ctx context.Context, id int64, worker, errMsg string, next time.Time) error
	OutboxFail(ctx context.Context, id int64, worker, errMsg string) error
}

// OutboxPayload is a queued portal call. It is built whole when the change is committed,
// so a later change of the mapping never alters what was already queued, and a retry
// sends the same bytes.
type OutboxPayload struct {
	Service    string          `json:"service"`
	IsUpdating bool            `json:"is_updating"`
	Data       json.RawMessage `json:"data"`
	// Dossier and Seq say which dossier and event the message comes from; the worker
	// uses them to skip a snapshot older than one already delivered.
	Dossier string `json:"dossier"`
	Seq     int    `json:"seq"`
}

// NewOutboxPayload encodes a call of service with data (a list of records) made for the
// event seq of the dossier dossierCode.
func NewOutboxPayload(service string, isUpdating bool, dossierCode string, seq int, data any) ([]byte, error) {
	raw, err := json.Marshal(data)
	if err != nil {
		return nil, fmt.Errorf("portal: encoding %s data: %w", service, err)
	}
	return json.Marshal(OutboxPayload{Service: service, IsUpdating: isUpdating, Data: raw, Dossier: dossierCode, Seq: seq})
}

// DedupeKey is the outbox key of the message of service for event seq of a dossier:
// "portal:<MaHoSo>:<seq>:<service>". Enqueuing the same event twice queues it once.
func DedupeKey(dossierCode string, seq int, service string) string {
	return fmt.Sprintf("portal:%s:%d:%s", dossierCode, seq, service)
}

// Message is one outbox row to enqueue.
type Message struct {
	DedupeKey string
	Payload   []byte
}

// Messages are the rows to enqueue, in the transaction that stores ev, for the event ev
// just applied to d: the dossier's snapshot and the processing step. A dossier without a
// code (a draft, or an online filing not yet numbered) has nothing the portal can key on
// and sends nothing; a rating is not the portal's business. The event that takes a
// dossier out of draft creates it on the portal; every later one updates it (and the
// client turns an update of an unknown dossier into a creation).
func Messages(d *dossier.Dossier, ev dossier.Event, c DossierContext) ([]Message, error) {
	// MayMessage below predicts this test before the move; keep the two together.
	if d.Code == "" || ev.To == dossier.Draft || ev.Action == dossier.Rate {
		return nil, nil
	}
	snapshot, err := NewOutboxPayload(ServiceSyncDossier, ev.From != dossier.Draft, d.Code, ev.Seq,
		[]DossierRecord{DossierPayload(d, c)})
	if err != nil {
		return nil, err
	}
	out := []Message{{DedupeKey(d.Code, ev.Seq, ServiceSyncDossier), snapshot}}
	if p, ok := StepPayload(d, ev, c); ok {
		step, err := NewOutboxPayload(ServiceUpdateProgress, false, d.Code, ev.Seq, []ProgressRecord{p})
		if err != nil {
			return nil, err
		}
		out = append(out, Message{DedupeKey(d.Code, ev.Seq, ServiceUpdateProgress), step})
	}
	return out, nil
}

// MayMessage reports whether taking action on d, as it stands before the move, can give
// the portal anything (see Messages): a dossier without a code has nothing to sync until
// it is received, and a rating is not reported. A caller may skip reading what the
// messages would need when it is false.
func MayMessage(d *dossier.Dossier, action dossier.Action) bool {
	return (d.Code != "" || action == dossier.Receive) && action != dossier.Rate
}
