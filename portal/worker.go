package portal

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"os"
	"sync"
	"sync/atomic"
	"time"
)

// Sender sends one portal call; *Client is one.
type Sender interface {
	Send(ctx context.Context, service string, isUpdating bool, data any) (Reply, error)
}

// Worker drains the portal topic of the outbox: it leases a batch, sends each message in
// order, and marks it done, to retry later with backoff, or failed. Several workers (one
// per process) may run against the same outbox; the lease keeps them apart.
//
// Order: once a message of a dossier has to wait, the dossier's later messages (higher
// outbox ids) wait behind it until it is delivered or given up, so the portal sees a
// dossier's changes in the order they happened. The hold lives in this process and lapses
// a lease after the message was due, in case another worker took it over. A snapshot
// older than one already delivered is dropped as superseded (the newer one carries
// everything); the client's turning an update of an unknown dossier into a creation
// covers what a restarted process no longer remembers.
type Worker struct {
	Outbox Outbox
	Sender Sender

	Name        string        // lease holder; default portal-<host>-<pid>
	Batch       int           // messages per lease, default 10
	Lease       time.Duration // default 10 min; must cover Batch × SendTimeout
	SendTimeout time.Duration // per call, default DefaultTimeout
	Idle        time.Duration // pause when the queue is empty, default 5 s
	MaxAttempts int           // attempts before a temporary failure is given up, default 20
	// Backoff is the wait before attempt n+1 after n failed; default 10 s doubling to 1 h,
	// ±20 % so that workers restarted together do not retry together.
	Backoff func(n int) time.Duration
	Now     func() time.Time
	Log     *slog.Logger

	sent, existed, retried, failed, superseded atomic.Int64

	mu        sync.Mutex
	delivered map[string]int  // dossier code → highest snapshot seq delivered
	holds     map[string]hold // dossier code → the message its later ones wait for
}

// Stats are the worker's counters since it started, for metrics.
type Stats struct {
	Sent       int64 // accepted by the portal, "already exists" included
	Existed    int64 // of Sent, answered "already exists"
	Retried    int64 // temporary failures put back for later
	Failed     int64 // given up: permanent failures and too many attempts
	Superseded int64 // old snapshots dropped because a newer one was delivered
}

// Stats reads the counters.
func (w *Worker) Stats() Stats {
	return Stats{Sent: w.sent.Load(), Existed: w.existed.Load(), Retried: w.retried.Load(),
		Failed: w.failed.Load(), Superseded: w.superseded.Load()}
}

// Run polls until ctx is cancelled, then returns nil.
func (w *Worker) Run(ctx context.Context) error {
	for {
		n, err := w.Poll(ctx)
		if ctx.Err() != nil {
			return nil
		}
		if err != nil {
			w.log().Warn("portal outbox claim failed", "err", err)
		}
		if n > 0 && err == nil {
			continue
		}
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(or(w.Idle, 5*time.Second)):
		}
	}
}

// Poll leases one batch and handles it; it returns how many messages it leased.
func (w *Worker) Poll(ctx context.Context) (int, error) {
	items, err := w.Outbox.ClaimOutbox(ctx, Topic, w.name(), or(w.Batch, 10), or(w.Lease, 10*time.Minute))
	if err != nil {
		return 0, err
	}
	for _, it := range items {
		if ctx.Err() != nil {
			// Stopping: hand the rest back now rather than when the lease runs out.
			w.settle(context.WithoutCancel(ctx), it, "worker stopped", retryAt(w.now()))
			continue
		}
		w.handle(ctx, it)
	}
	return len(items), nil
}

// settlement is what to do with a message once handled.
type settlement struct {
	kind string // done, retry, fail
	next time.Time
}

func retryAt(t time.Time) settlement { return settlement{kind: "retry", next: t} }

var (
	done = settlement{kind: "done"}
	fail = settlement{kind: "fail"}
)

func (w *Worker) handle(ctx context.Context, it OutboxItem) {
	var p OutboxPayload
	if err := json.Unmarshal(it.Payload, &p); err != nil || p.Service == "" {
		w.failed.Add(1)
		w.settle(ctx, it, fmt.Sprintf("unreadable outbox payload: %v", err), fail)
		return
	}
	if next, wait := w.heldBack(p.Dossier, it.ID); wait {
		// Deferring counts as an attempt in the outbox; MaxAttempts should leave room.
		w.settle(ctx, it, "waiting for an earlier message of the same dossier", retryAt(next))
		return
	}
	if p.Service == ServiceSyncDossier && w.deliveredSeq(p.Dossier) > p.Seq {
		w.superseded.Add(1)
		w.settle(ctx, it, "", done)
		return
	}
	sctx, cancel := context.WithTimeout(ctx, or(w.SendTimeout, DefaultTimeout))
	reply, err := w.Sender.Send(sctx, p.Service, p.IsUpdating, p.Data)
	cancel()
	w.conclude(ctx, it, p, reply, err)
}

// conclude settles a message after sending it.
func (w *Worker) conclude(ctx context.Context, it OutboxItem, p OutboxPayload, reply Reply, err error) {
	switch {
	case err == nil:
		w.release(p.Dossier, it.ID)
		w.sent.Add(1)
		if reply.Existed {
			w.existed.Add(1)
		}
		if p.Service == ServiceSyncDossier {
			w.markDelivered(p.Dossier, p.Seq)
		}
		w.settle(ctx, it, "", done)
	case ctx.Err() != nil: // stopping: not the message's fault
		w.settle(context.WithoutCancel(ctx), it, "worker stopped", retryAt(w.now()))
	case !IsPermanent(err) && it.Attempts < or(w.MaxAttempts, 20):
		w.retried.Add(1)
		next := w.now().Add(w.backoff(it.Attempts))
		w.hold(p.Dossier, it.ID, next)
		w.log().Warn("portal message will be retried", "key", it.DedupeKey, "attempt", it.Attempts, "next", next, "err", err)
		w.settle(ctx, it, err.Error(), retryAt(next))
	default:
		w.release(p.Dossier, it.ID)
		w.failed.Add(1)
		w.log().Error("portal message given up", "key", it.DedupeKey, "attempts", it.Attempts,
			"permanent", IsPermanent(err), "err", err)
		w.settle(ctx, it, err.Error(), fail)
	}
}

// settle records the outcome. A lost lease (another worker took the message over after
// ours ran out) is logged and dropped: that worker now owns the message.
func (w *Worker) settle(ctx context.Context, it OutboxItem, msg string, s settlement) {
	var err error
	switch s.kind {
	case "done":
		err = w.Outbox.OutboxDone(ctx, it.ID, w.name())
	case "retry":
		err = w.Outbox.OutboxRetry(ctx, it.ID, w.name(), msg, s.next)
	default:
		err = w.Outbox.OutboxFail(ctx, it.ID, w.name(), msg)
	}
	if err != nil {
		w.log().Warn("portal outbox update failed", "key", it.DedupeKey, "outcome", s.kind, "err", err)
	}
}

func (w *Worker) backoff(n int) time.Duration {
	if w.Backoff != nil {
		return w.Backoff(n)
	}
	return DefaultBackoff(n)
}

// DefaultBackoff waits 10 s after the first failure, doubling up to an hour, ±20 %.
func DefaultBackoff(n int) time.Duration {
	d := 10 * time.Second
	for i := 1; i < n && d < time.Hour; i++ {
		d *= 2
	}
	d = min(d, time.Hour)
	return time.Duration(float64(d) * (0.8 + 0.4*rand.Float64()))
}

func (w *Worker) name() string {
	if w.Name == "" {
		host, _ := os.Hostname()
		w.Name = fmt.Sprintf("portal-%s-%d", host, os.Getpid())
	}
	return w.Name
}

func (w *Worker) now() time.Time {
	if w.Now != nil {
		return w.Now()
	}
	return time.Now()
}

func (w *Worker) log() *slog.Logger {
	if w.Log != nil {
		return w.Log
	}
	return slog.Default()
}
