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
// transactions than commits; on PostgreSQL, the code numbers of receipts, dealt or taken
// under lock.
func TestMetrics(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
		citizen, desk := e.token("congdan"), e.token("tiepnhan")
		for range 3 {
			e.submitted(citizen)
		}
		for range 3 {
			e.received(citizen, desk)
		}
		r := e.do("GET", "/metrics", "", nil)
		if r.status != 200 || !bytes.Contains(r.body, []byte(`motcua_http_requests_total{code="201",route="POST /api/v1/dossiers"} 6`)) {
			t.Fatalf("metrics: %d, no count of the six filings by route", r.status)
		}
		values := map[string]float64{}
		sc := bufio.NewScanner(bytes.NewReader(r.body))
		for sc.Scan() {
			if name, v, ok := strings.Cut(sc.Text(), " "); ok && (strings.HasPrefix(name, "motcua_sqlite_") ||
				strings.HasPrefix(name, "motcua_code_numbers_")) {
				values[name], _ = strconv.ParseFloat(v, 64)
			}
		}
		commits, txs := values["motcua_sqlite_commits_total"], values["motcua_sqlite_transactions_total"]
		if e.db.Engine != sqlstore.SQLite {
			// The first receipt of the day takes its number under lock, the next two are
			// dealt; none is taken elsewhere.
			dealt, taken := values["motcua_code_numbers_dealt_total"], values["motcua_code_numbers_taken_total"]
			locked := values["motcua_code_numbers_locked_total"]
			if len(values) != 3 || dealt != 2 || taken != 0 || locked != 1 {
				t.Fatalf("code numbers on %s: %v, want 2 dealt, 1 locked", e.db.Engine, values)
			}
			return
		}
		if len(values) != 2 {
			t.Fatalf("SQLite figures: %v", values)
		}
		// Six drafts, six submissions and three receipts at least, one at a time here.
		if commits < 15 || txs < commits {
			t.Fatalf("%v commits holding %v transactions", commits, txs)
		}
	})
}
