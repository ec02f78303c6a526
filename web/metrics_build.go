package web

import (
	"github.com/motcua/motcua"
	"github.com/motcua/motcua/sqlstore"
	"github.com/prometheus/client_golang/prometheus"
)

// buildInfo is motcua_build_info: 1, labelled with the build's revision and the newest
// migration it carries, so that during a rolling upgrade the figures tell which instances
// still run the build before.
func buildInfo(engine sqlstore.Engine) prometheus.Collector {
	b := motcua.Build()
	g := prometheus.NewGauge(prometheus.GaugeOpts{
		Name:        "motcua_build_info",
		Help:        "1, labelled with this instance's build (revision) and the newest migration it knows.",
		ConstLabels: prometheus.Labels{"revision": b.String(), "migration": knownMigration(engine), "go_version": b.GoVersion},
	})
	g.Set(1)
	return g
}

// knownMigration names the newest migration this build knows for engine, as /metrics and
// the list of instances show it.
func knownMigration(engine sqlstore.Engine) string {
	m, err := sqlstore.NewestMigration(engine)
	if err != nil {
		return "none"
	}
	return m.String()
}

// dbInfo is motcua_db_info: 1, labelled with the database engine, whether the connections
// pass a pooler in transaction mode, and how statements are sent to PostgreSQL, so that a
// fleet's figures show which instances found a pooler.
func dbInfo(db *sqlstore.DB) prometheus.Collector {
	pooler, mode := "none", db.ExecMode()
	if db.TransactionPooled() {
		pooler = "transaction"
	}
	if mode == "" {
		mode = "default"
	}
	g := prometheus.NewGauge(prometheus.GaugeOpts{
		Name:        "motcua_db_info",
		Help:        "1, labelled with the database engine, the pooler found in front of PostgreSQL (none or transaction) and how statements are sent (exec_mode).",
		ConstLabels: prometheus.Labels{"engine": string(db.Engine), "pooler": pooler, "exec_mode": mode},
	})
	g.Set(1)
	return g
}
