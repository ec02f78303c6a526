package web

import (
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"

	"github.com/motcua/motcua/sqlstore"
)

// poolStats is the go_sql_* figures of every connection pool (db_name: primary, replica,
// or SQLite's writer and readers), taken from the pools the store has at each scrape: the
// replica's pool is replaced once when it is found behind a pooler (sqlstore.ReplicaPooled).
type poolStats struct{ db *sqlstore.DB }

// Describe sends nothing: the pools, and so the figures, are known only when collected.
func (poolStats) Describe(chan<- *prometheus.Desc) {}

func (p poolStats) Collect(ch chan<- prometheus.Metric) {
	for name, pool := range p.db.Pools() {
		collectors.NewDBStatsCollector(pool, name).Collect(ch)
	}
}
