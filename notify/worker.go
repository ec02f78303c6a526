package notify

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"sync"
	"time"
)

// Worker drains the e-mail outbox. Delivery is at least once: a message the mail system
// accepted just before a crash, before the outbox heard of it, is sent again when the lease
// runs out; it carries the same Message-ID, by which the receiving side drops the copy.
// Several workers, in one process or many, may share an outbox.
type Worker struct {
	Outbox Outbox
	Sender Sender
	From   string // header From, e.g. `Sở Công Thương <noreply@sct.example.gov.vn>`

	Name        string                          // lease owner; unique per worker
	Batch       int                             // items claimed at once
	Lease       time.Duration                   // how long a claim is held
	Poll        time.Duration                   // wait between claims when idle
	MaxAttempts int                             // give up after this many
	Backoff     func(attempt int) time.Duration // wait before retry after attempt
	Log         *slog.Logger
	Now         func() time.Time

	once     sync.Once
	wake     chan struct{}
	counters counters
}

// NewWorker returns a worker with the defaults: batches of 20, a one-minute lease, a poll
// every 5 s and 16 attempts (about ten hours with the default backoff).
func NewWorker(o Outbox, s Sender, from string) *Worker {
	w := &Worker{Outbox: o, Sender: s, From: from}
	w.init()
	return w
}

func (w *Worker) init() {
	w.once.Do(func() {
		w.wake = make(chan struct{}, 1)
		if w.Name == "" {
			w.Name = workerName()
		}
		if w.Batch <= 0 {
			w.Batch = 20
		}
		if w.Lease <= 0 {
			w.Lease = time.Minute
		}
		if w.Poll <= 0 {
			w.Poll = 5 * time.Second
		}
		if w.MaxAttempts <= 0 {
			w.MaxAttempts = 16
		}
		if w.Backoff == nil {
			w.Backoff = Backoff
		}
		if w.Log == nil {
			w.Log = slog.Default()
		}
		if w.Now == nil {
			w.Now = time.Now
		}
	})
}

func workerName() string {
	host, _ := os.Hostname()
	b := make([]byte, 4)
	rand.Read(b)
	return fmt.Sprintf("%s-%d-%s", host, os.Getpid(), hex.EncodeToString(b))
}

// Wake makes a waiting Run claim at once, e.g. right after a transaction enqueued mail.
func (w *Worker) Wake() {
	w.init()
	select {
	case w.wake <- struct{}{}:
	default:
	}
}

// Run claims and delivers until ctx is done. The message being sent when ctx ends is
// finished and recorded; the rest of its batch is released for another worker. Outbox
// errors are logged and retried at the next poll. Run returns nil when ctx ends.
func (w *Worker) Run(ctx context.Context) error {
	w.init()
	if w.Outbox == nil || w.Sender == nil {
		return errors.New("notify: worker needs an Outbox and a Sender")
	}
	timer := time.NewTimer(0)
	defer timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-timer.C:
		case <-w.wake:
		}
		n, err := w.RunOnce(ctx)
		if err != nil && ctx.Err() == nil {
			w.counters.storeErrors.Add(1)
			w.Log.Error("notify: claim failed", "worker", w.Name, "err", err)
		}
		wait := w.Poll
		if err == nil && n == w.Batch {
			wait = 0 // a full batch: more may be due
		}
		timer.Reset(wait)
	}
}
