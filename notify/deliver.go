package notify

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"strings"
	"time"
)

// recordTimeout bounds an outbox call made after ctx ended, so that an outcome already known
// is still recorded on the way out.
const recordTimeout = 10 * time.Second

// RunOnce claims one batch and tries each item, returning how many were claimed.
func (w *Worker) RunOnce(ctx context.Context) (int, error) {
	w.init()
	claimedAt := w.Now()
	items, err := w.Outbox.ClaimOutbox(ctx, Topic, w.Name, w.Batch, w.Lease)
	if err != nil {
		return 0, err
	}
	w.counters.claimed.Add(int64(len(items)))
	// Stop starting sends with a fifth of the lease left: past its end another worker may
	// hold the item too, and both would send.
	until := claimedAt.Add(w.Lease - w.Lease/5)
	for i, it := range items {
		left := until.Sub(w.Now())
		if ctx.Err() != nil || left <= 0 {
			w.release(ctx, items[i:])
			break
		}
		w.deliver(ctx, it, left)
	}
	return len(items), nil
}

// deliver sends one item and records the outcome. The send is not cut short when ctx ends:
// abandoning it midway would only make a duplicate more likely.
func (w *Worker) deliver(ctx context.Context, it Item, left time.Duration) {
	log := w.Log.With("worker", w.Name, "outbox_id", it.ID, "attempt", it.Attempts)
	if it.Attempts > w.MaxAttempts {
		w.fail(ctx, it, log, fmt.Sprintf("gave up after %d attempts", it.Attempts-1))
		return
	}
	msg, err := w.message(it)
	if err != nil {
		w.fail(ctx, it, log, "cannot compose: "+err.Error())
		return
	}
	sendCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), left)
	err = w.Sender.Send(sendCtx, msg)
	cancel()
	log = log.With("message_id", msg.ID, "kind", msg.Kind)
	switch {
	case err == nil:
		w.record(ctx, log, func(c context.Context) error { return w.Outbox.OutboxDone(c, it.ID, w.Name) })
		w.counters.sent.Add(1)
		log.Info("notify: e-mail sent")
	case IsPermanent(err):
		w.fail(ctx, it, log, err.Error())
	case it.Attempts >= w.MaxAttempts:
		w.fail(ctx, it, log, fmt.Sprintf("gave up after %d attempts: %v", it.Attempts, err))
	default:
		next := w.Now().Add(w.Backoff(it.Attempts))
		w.record(ctx, log, func(c context.Context) error {
			return w.Outbox.OutboxRetry(c, it.ID, w.Name, truncate(err.Error()), next)
		})
		w.counters.retried.Add(1)
		log.Warn("notify: e-mail deferred", "err", err, "next", next)
	}
}

// message decodes and composes the item, stamped with its identity.
func (w *Worker) message(it Item) (Message, error) {
	var e Email
	if err := json.Unmarshal(it.Payload, &e); err != nil {
		return Message{}, err
	}
	m, err := Compose(e, w.From)
	if err != nil {
		return Message{}, err
	}
	return m.Stamp(it.DedupeKey, it.CreatedAt), nil
}

func (w *Worker) fail(ctx context.Context, it Item, log *slog.Logger, why string) {
	w.record(ctx, w.Log, func(c context.Context) error {
		return w.Outbox.OutboxFail(c, it.ID, w.Name, truncate(why))
	})
	w.counters.failed.Add(1)
	log.Error("notify: e-mail failed for good", "err", why)
}

// release hands back items not tried, due at once, for this or another worker.
func (w *Worker) release(ctx context.Context, items []Item) {
	now := w.Now()
	for _, it := range items {
		w.record(ctx, w.Log, func(c context.Context) error {
			return w.Outbox.OutboxRetry(c, it.ID, w.Name, "released unsent: worker stopping or lease ending", now)
		})
		w.counters.released.Add(1)
	}
}

// record runs an outbox call that must happen even when ctx has just ended. A failure is
// logged, not retried: the item's lease runs out and it is delivered again.
func (w *Worker) record(ctx context.Context, log *slog.Logger, call func(context.Context) error) {
	c, cancel := context.WithTimeout(context.WithoutCancel(ctx), recordTimeout)
	defer cancel()
	if err := call(c); err != nil {
		w.counters.storeErrors.Add(1)
		log.Error("notify: outbox update failed; the item will be tried again", "worker", w.Name, "err", err)
	}
}

// truncate keeps stored error text short; a server may answer with a long banner.
func truncate(s string) string {
	const most = 500
	if len(s) <= most {
		return s
	}
	return strings.ToValidUTF8(s[:most], "") + "…"
}
