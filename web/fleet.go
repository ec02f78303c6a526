package web

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/motcua/motcua"
	"github.com/motcua/motcua/sqlstore"
)

// The instances serving on one database tell it they are alive (sqlstore.Heartbeat), so
// that each knows how many share the per-client lookup limit, and an administrator sees
// the fleet and its builds (/admin/instances) during a rolling upgrade.

// defaultHeartbeat is how often an instance says it is alive unless Config says otherwise;
// one not heard from for liveBeats heartbeats no longer counts.
const (
	defaultHeartbeat = 10 * time.Second
	liveBeats        = 3
)

// fleet is this instance's place among the instances on its database.
type fleet struct {
	self  sqlstore.Instance
	every time.Duration
	// mu makes a heartbeat and the retirement take turns, so that no heartbeat writes the
	// row back after the instance retired.
	mu      sync.Mutex
	retired bool
	failing bool         // the last heartbeat failed (logged once until one succeeds)
	live    atomic.Int64 // instances alive at the last heartbeat, this one included
	// overBudget is set while the instances alive may together open more connections
	// than the PostgreSQL server takes (checkConnections).
	overBudget bool
	// wall is this machine's clock (time.Now; tests set it apart from the database's),
	// and skew how far it was from the database server's at the last heartbeat, with
	// clockOff set while that is over clockTolerance (see measureSkew).
	wall     func() time.Time
	skew     atomic.Int64
	clockOff bool
}

// newFleet names this process: a random id, the host, the process id, the listen address
// and the build.
func newFleet(cfg Config, db *sqlstore.DB) *fleet {
	id := make([]byte, 8)
	rand.Read(id)
	host, _ := os.Hostname()
	f := &fleet{every: cfg.HeartbeatEvery, self: sqlstore.Instance{ID: hex.EncodeToString(id), Host: host,
		PID: os.Getpid(), Addr: cfg.Addr, Revision: motcua.Build().String(), Migration: knownMigration(db.Engine),
		MaxConns: db.MaxConns(), Started: time.Now()}, wall: time.Now}
	if f.every <= 0 {
		f.every = defaultHeartbeat
	}
	f.live.Store(1)
	return f
}

// liveSince is the oldest heartbeat that still counts at now.
func (f *fleet) liveSince(now time.Time) time.Time { return now.Add(-liveBeats * f.every) }

// heartbeat tells the database this instance is alive and counts the instances that are;
// when their number changes, each client's share of the lookup limit follows. A failed
// heartbeat keeps the count as it was.
func (s *Server) heartbeat(background context.Context) {
	f := s.fleet
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.retired {
		return
	}
	ctx, cancel := context.WithTimeout(background, f.every)
	defer cancel()
	now := f.wall() // the wall clock every instance shares, not the simulated cfg.Now
	server, err := s.db.Heartbeat(ctx, f.self, now)
	if err == nil {
		s.noteSkew(now, f.wall(), server)
	}
	var live []sqlstore.Instance
	if err == nil {
		live, err = s.db.Instances(ctx, f.liveSince(now))
	}
	if err != nil {
		if !f.failing && background.Err() == nil { // not when the instance is stopping
			s.log.Warn("heartbeat not recorded: the count of instances stays as it was", "err", err)
		}
		f.failing = true
		return
	}
	if f.failing {
		s.log.Info("heartbeat recorded again")
		f.failing = false
	}
	n := int64(max(1, len(live)))
	if old := f.live.Swap(n); old != n {
		s.limiter.share(int(n))
		s.log.Info("instances serving on this database", "count", n, "lookups_per_client_here", s.limiter.rate())
	}
	s.checkConnections(ctx, live)
}

// checkConnections warns, once until it changes, when the instances alive may together
// open more connections than the PostgreSQL server takes: under load some would then be
// refused. Through a pooler in transaction mode the pooler's limits count instead.
func (s *Server) checkConnections(ctx context.Context, live []sqlstore.Instance) {
	f := s.fleet
	if s.db.Engine != sqlstore.Postgres || s.db.TransactionPooled() {
		return
	}
	takes, err := s.db.ServerConnections(ctx)
	if err != nil {
		return // the next heartbeat looks again
	}
	total := 0
	for _, in := range live {
		total += in.MaxConns
	}
	switch over := total > takes; {
	case over && !f.overBudget:
		s.log.Warn("the instances may open more connections than the PostgreSQL server takes: lower --db-max-conns or put a pooler in front",
			"instances", len(live), "connections", total, "server_takes", takes)
	case !over && f.overBudget:
		s.log.Info("the instances' connections fit in what the PostgreSQL server takes again",
			"instances", len(live), "connections", total, "server_takes", takes)
	}
	f.overBudget = total > takes
}

// Retire removes this instance from the database's list when it stops, so that the others
// take its share of the lookup limit at their next heartbeat. It sends no heartbeat after.
func (s *Server) Retire(ctx context.Context) error {
	f := s.fleet
	f.mu.Lock()
	defer f.mu.Unlock()
	f.retired = true
	return s.db.Retire(ctx, f.self.ID)
}

// fleetGauges are motcua_instances, how many instances were alive at the last heartbeat,
// and motcua_clock_skew_seconds, how far this machine's clock was from the database's.
func fleetGauges(f *fleet) []prometheus.Collector {
	return []prometheus.Collector{
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Name: "motcua_instances",
			Help: "Instances serving on this database that were alive at this instance's last heartbeat, itself included.",
		}, func() float64 { return float64(f.live.Load()) }),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Name: "motcua_clock_skew_seconds",
			Help: "This machine's clock less the database server's at the last heartbeat; keep it near 0 (NTP).",
		}, func() float64 { return time.Duration(f.skew.Load()).Seconds() }),
	}
}
