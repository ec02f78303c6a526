package web_test

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/motcua/motcua"
	"github.com/motcua/motcua/demo"
	"github.com/motcua/motcua/loadgen"
	"github.com/motcua/motcua/sqlstore"
	"github.com/motcua/motcua/sqlstore/sqlstoretest"
	"github.com/motcua/motcua/web"
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
		// Each connection pool's figures, named after the pool.
		pools := []string{"writer", "readers"}
		if e.db.Engine == sqlstore.Postgres {
			pools = []string{"primary"}
		}
		for _, pool := range pools {
			if !bytes.Contains(r.body, []byte(`go_sql_max_open_connections{db_name="`+pool+`"}`)) {
				t.Fatalf("no figures of the %s pool", pool)
			}
		}
		// Nothing sends e-mail here: the three "received" messages wait in the outbox.
		if pending := metricValue(r.body, `motcua_outbox_pending{topic="email"}`); pending < 3 {
			t.Fatalf("outbox: %v e-mails waiting, want at least 3", pending)
		}
		if due := metricValue(r.body, `motcua_outbox_due_seconds{topic="email"}`); due <= 0 || due > 60 {
			t.Fatalf("outbox: the earliest e-mail due for %vs", due)
		}
		if failed := metricValue(r.body, `motcua_outbox_failed{topic="email"}`); failed != 0 {
			t.Fatalf("outbox: %v e-mails given up", failed)
		}
		// Which build this is, and the newest migration it knows.
		migs, _ := sqlstore.Migrations(e.db.Engine)
		build := fmt.Sprintf(`motcua_build_info{go_version="%s",migration="%s",revision="%s"}`,
			motcua.Build().GoVersion, migs[len(migs)-1], motcua.Build())
		if v := metricValue(r.body, build); v != 1 {
			t.Fatalf("no %s 1", build)
		}
		dbInfo := fmt.Sprintf(`motcua_db_info{engine="%s",exec_mode="default",pooler="none"}`, e.db.Engine)
		if v := metricValue(r.body, dbInfo); v != 1 {
			t.Fatalf("no %s 1", dbInfo)
		}
		values := map[string]float64{}
		sc := bufio.NewScanner(bytes.NewReader(r.body))
		for sc.Scan() {
			if name, v, ok := strings.Cut(sc.Text(), " "); ok && (strings.HasPrefix(name, "motcua_sqlite_") ||
				strings.HasPrefix(name, "motcua_code_numbers_") || name == "motcua_db_conflicts_total") {
				values[name], _ = strconv.ParseFloat(v, 64)
			}
		}
		commits, txs := values["motcua_sqlite_commits_total"], values["motcua_sqlite_transactions_total"]
		if e.db.Engine != sqlstore.SQLite {
			// The first receipt of the day takes its number under lock, the next two are
			// dealt; none is taken elsewhere.
			dealt, taken := values["motcua_code_numbers_dealt_total"], values["motcua_code_numbers_taken_total"]
			locked := values["motcua_code_numbers_locked_total"]
			if len(values) != 4 || dealt != 2 || taken != 0 || locked != 1 || values["motcua_db_conflicts_total"] != 0 {
				t.Fatalf("code numbers on %s: %v, want 2 dealt, 1 locked, no conflict", e.db.Engine, values)
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

// metricValue is the value of one series in a Prometheus text answer; -1 when absent.
func metricValue(body []byte, series string) float64 {
	for _, line := range strings.Split(string(body), "\n") {
		if v, ok := strings.CutPrefix(line, series+" "); ok {
			f, err := strconv.ParseFloat(v, 64)
			if err == nil {
				return f
			}
		}
	}
	return -1
}

// TestIntakeWithinConnectionLimit: sixteen clients filing, submitting and receiving at
// once through an instance held to the fewest PostgreSQL connections allowed all get
// through: no request holds a connection while it waits for another.
func TestIntakeWithinConnectionLimit(t *testing.T) {
	e := newEnv(t, sqlstoretest.PostgresDSN(t), web.Config{})
	if err := e.db.SetMaxConns(sqlstore.MinConns); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	c := loadgen.NewClient(e.url, 16)
	in, err := loadgen.SignIn(ctx, c, "congdan", "tiepnhan", demo.Password)
	if err != nil {
		t.Fatal(err)
	}
	res := loadgen.Run(ctx, 64, 16, func(ctx context.Context, i int) error {
		_, _, err := in.Run(ctx, func(loadgen.Step) *loadgen.Client { return c }, fmt.Sprintf("gioi-han-%d", i))
		return err
	})
	if res.Errors > 0 {
		t.Fatalf("%d of %d intakes failed; first: %v", res.Errors, res.N, res.FirstErr)
	}
	st := e.db.Pools()["primary"].Stats()
	if st.OpenConnections > sqlstore.MinConns || st.WaitCount == 0 {
		t.Fatalf("%d connections open, %d waits; want at most %d, with waits", st.OpenConnections, st.WaitCount, sqlstore.MinConns)
	}
}
