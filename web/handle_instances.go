package web

import (
	"fmt"
	"net/http"
	"time"

	"github.com/motcua/motcua/sqlstore"
)

// instancesShown is how far back the list of instances goes: a killed instance stays
// listed, as not answering, until the purge forgets it a day later.
const instancesShown = 24 * time.Hour

// instanceView is one instance as the page and the API show it.
type instanceView struct {
	ID        string    `json:"id"`
	Host      string    `json:"host"`
	PID       int       `json:"pid"`
	Addr      string    `json:"addr"`
	Revision  string    `json:"revision"`
	Migration string    `json:"migration"`
	MaxConns  int       `json:"max_conns"` // connections to the PostgreSQL server it may hold
	Started   time.Time `json:"started"`
	Seen      time.Time `json:"seen"`
	SilentFor int       `json:"silent_seconds"` // since its last heartbeat
	// ClockSkew is how far its clock was ahead of the database server's (behind when
	// negative) at a recent heartbeat, and ClockOff says it was past clockTolerance.
	ClockSkew   int64  `json:"clock_skew_ms"`
	ClockOff    bool   `json:"clock_off"`
	ClockOffset string `json:"-"`     // ClockSkew in seconds, signed, for the page
	Alive       bool   `json:"alive"` // heard from within three heartbeats
	Self        bool   `json:"self"`  // the instance that answered
}

// instancesView is the fleet: the instances heard from within the last day, and the
// database they share.
type instancesView struct {
	Instances []instanceView `json:"instances"`
	Alive     int            `json:"alive"`
	Engine    string         `json:"engine"`
	Pooler    bool           `json:"transaction_pooler"`
	// ExecMode and ReplicaExecMode are how statements are sent to the primary and to
	// the replica (sqlstore's ExecMode): "exec" (each statement's text) behind a pooler
	// that keeps no prepared statements, "cache_statement" behind one that does, "" for
	// the driver's default (prepared once per connection) or on SQLite.
	ExecMode string `json:"exec_mode"`
	Replica  string `json:"replica"` // "none", "serving" or "not serving"
	// ReplicaPooled: the replica is reached through a pooler in transaction mode.
	ReplicaPooled   bool   `json:"replica_transaction_pooler"`
	ReplicaExecMode string `json:"replica_exec_mode"`
	// Applied is the newest migration the database has; Newer, those this instance's
	// build does not know (a newer build applied them).
	Applied string   `json:"applied_migration"`
	Newer   []string `json:"newer_migrations"`
	// Connections is how many connections to the PostgreSQL server the instances alive
	// may hold together, ServerConnections how many it takes (max_connections less those
	// reserved); both 0 on SQLite.
	Connections       int `json:"connections"`
	ServerConnections int `json:"server_connections"`
	// OverBudget: they may open more than the server takes, with no pooler between.
	OverBudget bool `json:"over_budget"`
	// ClocksOff counts the instances alive whose clock is off (instanceView.ClockOff).
	ClocksOff int `json:"clocks_off"`
	// Heartbeat is how often this instance says it is alive.
	Heartbeat string `json:"-"`
}

func (s *Server) instancesView(r *http.Request) (instancesView, error) {
	now := time.Now()
	list, err := s.db.Instances(r.Context(), now.Add(-instancesShown))
	if err != nil {
		return instancesView{}, err
	}
	st, err := s.db.MigrationStatus(r.Context())
	if err != nil {
		return instancesView{}, err
	}
	v := instancesView{Instances: []instanceView{}, Engine: string(s.db.Engine), Pooler: s.db.TransactionPooled(),
		ExecMode: s.db.ExecMode(), Replica: "none", ReplicaPooled: s.db.ReplicaPooled(),
		ReplicaExecMode: s.db.ReplicaExecMode(), Newer: sqlstore.MigrationNames(st.Newer),
		Heartbeat: s.fleet.every.String()}
	switch rs := s.db.Replica(); {
	case rs.Configured && rs.Serving:
		v.Replica = "serving"
	case rs.Configured:
		v.Replica = "not serving"
	}
	switch newer, known := len(st.Newer), len(st.Applied); {
	case newer > 0:
		v.Applied = v.Newer[newer-1]
	case known > 0:
		v.Applied = st.Applied[known-1].String()
	}
	if v.ServerConnections, err = s.db.ServerConnections(r.Context()); err != nil {
		return instancesView{}, err
	}
	since := s.fleet.liveSince(now)
	for _, in := range list {
		iv := instanceFrom(in)
		iv.Alive, iv.Self = !in.Seen.Before(since), in.ID == s.fleet.self.ID
		iv.SilentFor = max(0, int(now.Sub(in.Seen)/time.Second))
		if iv.Alive {
			v.Alive++
			v.Connections += in.MaxConns
			if iv.ClockOff {
				v.ClocksOff++
			}
		}
		v.Instances = append(v.Instances, iv)
	}
	v.OverBudget = v.Engine == string(sqlstore.Postgres) && !v.Pooler && v.Connections > v.ServerConnections
	return v, nil
}

func instanceFrom(in sqlstore.Instance) instanceView {
	return instanceView{ID: in.ID, Host: in.Host, PID: in.PID, Addr: in.Addr, Revision: in.Revision,
		Migration: in.Migration, MaxConns: in.MaxConns, Started: in.Started, Seen: in.Seen,
		ClockSkew: in.ClockSkew.Milliseconds(), ClockOff: clockOff(in.ClockSkew),
		ClockOffset: fmt.Sprintf("%+.3f s", in.ClockSkew.Seconds())}
}

// adminInstancesPage lists the instances serving on this database with their builds, for
// following a rolling upgrade.
func (s *Server) adminInstancesPage(w http.ResponseWriter, r *http.Request) {
	v, err := s.instancesView(r)
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "admin_instances", requestLang(r).S("Máy chủ đang chạy", "Instances"), v)
}

// apiInstances is the same list for scripts that follow an upgrade.
func (s *Server) apiInstances(w http.ResponseWriter, r *http.Request) {
	v, err := s.instancesView(r)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, v)
}
