package web_test

import (
	"bufio"
	"bytes"
	"strconv"
	"strings"
	"testing"

	"github.com/motcua/motcua/sqlstore"
)

// TestMetrics: /metrics (from this machine) counts requests by the route they matched and,
// on SQLite, the writer's commits and the transactions they held, never fewer
// transactions than commits.
func TestMetrics(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
		citizen := e.token("congdan")
		for range 3 {
			e.submitted(citizen)
		}
		r := e.do("GET", "/metrics", "", nil)
		if r.status != 200 || !bytes.Contains(r.body, []byte(`motcua_http_requests_total{code="201",route="POST /api/v1/dossiers"} 3`)) {
			t.Fatalf("metrics: %d, no count of the three filings by route", r.status)
		}
		values := map[string]float64{}
		sc := bufio.NewScanner(bytes.NewReader(r.body))
		for sc.Scan() {
			if name, v, ok := strings.Cut(sc.Text(), " "); ok && strings.HasPrefix(name, "motcua_sqlite_") {
				values[name], _ = strconv.ParseFloat(v, 64)
			}
		}
		commits, txs := values["motcua_sqlite_commits_total"], values["motcua_sqlite_transactions_total"]
		if e.db.Engine != sqlstore.SQLite {
			if len(values) != 0 {
				t.Fatalf("SQLite writer figures on %s: %v", e.db.Engine, values)
			}
			return
		}
		// Three drafts and three submissions at least, one at a time here.
		if commits < 6 || txs < commits {
			t.Fatalf("%v commits holding %v transactions", commits, txs)
		}
	})
}
