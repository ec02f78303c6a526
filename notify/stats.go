package notify

import "sync/atomic"

// Stats counts what a worker did since it was made; the fields only grow, as Prometheus
// counters expect.
type Stats struct {
	Claimed     int64 // items leased
	Sent        int64 // accepted by the mail system and marked sent
	Retried     int64 // temporary failures put back with a delay
	Failed      int64 // given up for good
	Released    int64 // leased but not tried because the worker stopped or ran out of lease
	StoreErrors int64 // outbox calls that failed (a lost lease included)
}

type counters struct {
	claimed, sent, retried, failed, released, storeErrors atomic.Int64
}

// Stats returns a snapshot of w's counters.
func (w *Worker) Stats() Stats {
	c := &w.counters
	return Stats{
		Claimed:     c.claimed.Load(),
		Sent:        c.sent.Load(),
		Retried:     c.retried.Load(),
		Failed:      c.failed.Load(),
		Released:    c.released.Load(),
		StoreErrors: c.storeErrors.Load(),
	}
}
