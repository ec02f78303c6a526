package web

import (
	"context"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/motcua/motcua/sqlstore"
)

// outboxCollector reports the outbox's backlog by topic at each scrape: messages waiting,
// how long the earliest of them has been due (a worker that stopped, on every instance,
// shows here first), and messages given up on.
type outboxCollector struct {
	db                   *sqlstore.DB
	pending, due, failed *prometheus.Desc
}

func newOutboxCollector(db *sqlstore.DB) *outboxCollector {
	topic := []string{"topic"}
	return &outboxCollector{db: db,
		pending: prometheus.NewDesc("motcua_outbox_pending", "Messages waiting to be sent (e-mail, national portal), by topic.", topic, nil),
		due: prometheus.NewDesc("motcua_outbox_due_seconds",
			"How long the earliest waiting message has been due; 0 when none is due yet.", topic, nil),
		failed: prometheus.NewDesc("motcua_outbox_failed", "Messages given up on after their last attempt, by topic.", topic, nil),
	}
}

func (c *outboxCollector) Describe(ch chan<- *prometheus.Desc) {
	ch <- c.pending
	ch <- c.due
	ch <- c.failed
}

// Collect reads the backlog; when the database does not answer, the figures are left out
// of this scrape (/readyz tells that story).
func (c *outboxCollector) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	backlog, err := c.db.OutboxBacklog(ctx)
	if err != nil {
		return
	}
	now := time.Now()
	for _, t := range backlog {
		due := 0.0
		if t.Pending > 0 && now.After(t.FirstDue) {
			due = now.Sub(t.FirstDue).Seconds()
		}
		ch <- prometheus.MustNewConstMetric(c.pending, prometheus.GaugeValue, float64(t.Pending), t.Topic)
		ch <- prometheus.MustNewConstMetric(c.due, prometheus.GaugeValue, due, t.Topic)
		ch <- prometheus.MustNewConstMetric(c.failed, prometheus.GaugeValue, float64(t.Failed), t.Topic)
	}
}
