package web_test

import (
	"context"
	"database/sql"
	"log/slog"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/motcua/motcua/demo"
	"github.com/motcua/motcua/internal/logsink"
	"github.com/motcua/motcua/sqlstore"
	"github.com/motcua/motcua/sqlstore/sqlstoretest"
	"github.com/motcua/motcua/web"
)

type instancesJSON struct {
	Instances []struct {
		ID, Host, Addr, Revision, Migration string
		PID                                 int
		Alive, Self                         bool
	}
	Alive   int
	Engine  string
	Applied string `json:"applied_migration"`
}

// TestInstancesShareTheLookupLimit: two instances on one database learn of each other from
// their heartbeats and each keeps half of a client's lookup limit, so that the client gets
// the limit, not twice it, from the pair; the administrator's list shows both with their
// builds, a killed one as not answering, and not one that retired, which gives its share
// back.
func TestInstancesShareTheLookupLimit(t *testing.T) {
	sqlstoretest.Engines(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		db := sqlstoretest.Open(t, dsn)
		if _, err := demo.Seed(ctx, db); err != nil {
			t.Fatal(err)
		}
		loopback, err := web.ParseTrustedProxies(web.DefaultTrustedProxies)
		if err != nil {
			t.Fatal(err)
		}
		// 8 lookups a minute: a burst of 2 on one instance, of 1 on each of two.
		cfg := func(addr string) web.Config {
			return web.Config{TrackRate: 8, TrustedProxies: loopback, Addr: addr}
		}
		a, b := serveEnv(t, db, cfg("10.0.0.1:8080"), nil), serveEnv(t, db, cfg("10.0.0.2:8080"), nil)
		burst := func(e *env, client string) int {
			t.Helper()
			n := 0
			for e.lookup(client) == http.StatusNotFound {
				if n++; n > 10 {
					t.Fatal("no lookup limit")
				}
			}
			return n
		}
		if n := burst(a, "203.0.113.1"); n != 2 {
			t.Fatalf("alone: a client's burst is %d, want 2", n)
		}

		// b, first, counts itself alone; a then counts both, and b at its next heartbeat.
		b.srv.Heartbeat(ctx)
		a.srv.Heartbeat(ctx)
		b.srv.Heartbeat(ctx)
		if got := burst(a, "203.0.113.2") + burst(b, "203.0.113.2"); got != 2 {
			t.Fatalf("two instances: a client's bursts add up to %d, want 2", got)
		}
		// The client that used up its burst on a while a was alone now refills at half the
		// rate there too; its bucket is not reset by the change.
		if a.lookup("203.0.113.1") != http.StatusTooManyRequests {
			t.Fatal("the share's change gave a spent client a new burst")
		}
		for _, e := range []*env{a, b} {
			if r := e.do("GET", "/metrics", "", nil); !strings.Contains(string(r.body), "motcua_instances 2\n") {
				t.Fatalf("/metrics of %s: no motcua_instances 2", e.url)
			}
		}

		// A killed instance: registered a minute ago, silent since.
		killed := sqlstore.Instance{ID: "killed", Host: "app-9", PID: 9, Addr: "10.0.0.9:8080", Revision: "0123456789ab",
			Migration: "0015_track_guard", Started: time.Now().Add(-time.Hour)}
		if _, err := db.Heartbeat(ctx, killed, time.Now().Add(-time.Minute)); err != nil {
			t.Fatal(err)
		}
		admin := a.token("admin")
		var list instancesJSON
		r := a.do("GET", "/api/v1/instances", admin, nil)
		r.json(t, &list)
		if r.status != 200 || list.Alive != 2 || len(list.Instances) != 3 || list.Engine != string(db.Engine) {
			t.Fatalf("instances: %d %s", r.status, r.body)
		}
		newest, err := sqlstore.NewestMigration(db.Engine)
		if err != nil {
			t.Fatal(err)
		}
		byAddr := map[string]int{}
		for i, in := range list.Instances {
			byAddr[in.Addr] = i
		}
		ia, ib, ik := list.Instances[byAddr["10.0.0.1:8080"]], list.Instances[byAddr["10.0.0.2:8080"]], list.Instances[byAddr["10.0.0.9:8080"]]
		if !ia.Alive || !ia.Self || !ib.Alive || ib.Self || ik.Alive || ik.Self || ia.Migration != newest.String() ||
			ia.Revision == "" || ia.PID == 0 || list.Applied != newest.String() || ik.Revision != "0123456789ab" {
			t.Fatalf("instances as a sees them: %s", r.body)
		}
		if list.Instances[0].ID != "killed" {
			t.Fatalf("the longest running is not first: %s", r.body)
		}

		br := a.browser()
		br.login("admin")
		page := br.get("/admin/instances")
		body := string(page.body)
		if page.status != 200 || !strings.Contains(body, "10.0.0.2:8080") || strings.Count(body, "Đang chạy") != 2 ||
			!strings.Contains(body, "Không phản hồi") || !strings.Contains(body, "2 máy chủ đang phục vụ") {
			t.Fatalf("instances page: %d\n%s", page.status, body)
		}
		if !strings.Contains(string(br.get("/admin/accounts").body), `href="/admin/instances"`) {
			t.Fatal("the administration page does not link the instances")
		}
		for who, want := range map[string]int{"": http.StatusUnauthorized, a.token("lanhdao"): http.StatusForbidden} {
			if r := a.do("GET", "/api/v1/instances", who, nil); r.status != want {
				t.Fatalf("instances for %q: %d, want %d", who, r.status, want)
			}
		}

		// b retires: a takes the whole limit again at its next heartbeat, and b's own
		// heartbeats, should one still come, no longer list it.
		if err := b.srv.Retire(ctx); err != nil {
			t.Fatal(err)
		}
		b.srv.Heartbeat(ctx)
		a.srv.Heartbeat(ctx)
		if n := burst(a, "203.0.113.3"); n != 2 {
			t.Fatalf("after b retired: a client's burst on a is %d, want 2", n)
		}
		r = a.do("GET", "/api/v1/instances", admin, nil)
		list = instancesJSON{}
		r.json(t, &list)
		if list.Alive != 1 || len(list.Instances) != 2 || strings.Contains(string(r.body), "10.0.0.2:8080") {
			t.Fatalf("after b retired: %s", r.body)
		}
		if r := a.do("GET", "/metrics", "", nil); !strings.Contains(string(r.body), "motcua_instances 1\n") {
			t.Fatal("/metrics after b retired: no motcua_instances 1")
		}
	})
}

// TestInstancesNameNewerMigrations: on a database a newer build migrated, the list of
// instances names the migrations this instance's build does not know, and the newest.
func TestInstancesNameNewerMigrations(t *testing.T) {
	dsn := sqlstoretest.SQLiteDSN(t)
	e := newEnv(t, dsn, web.Config{})
	raw, err := sql.Open("sqlite", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	if _, err := raw.Exec(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (9998, 'from_a_newer_build', 0)`); err != nil {
		t.Fatal(err)
	}
	var v struct {
		Applied string   `json:"applied_migration"`
		Newer   []string `json:"newer_migrations"`
	}
	r := e.do("GET", "/api/v1/instances", e.token("admin"), nil)
	r.json(t, &v)
	if v.Applied != "9998_from_a_newer_build" || len(v.Newer) != 1 || v.Newer[0] != v.Applied {
		t.Fatalf("instances: %s", r.body)
	}
	b := e.browser()
	b.login("admin")
	if page := string(b.get("/admin/instances").body); !strings.Contains(page, "chưa biết các bước nâng cấp") ||
		!strings.Contains(page, "9998_from_a_newer_build") {
		t.Fatalf("the page does not name the newer migration:\n%s", page)
	}
}

// TestInstancesWarnOfTooManyConnections: two instances whose pools may together open more
// connections than the PostgreSQL server takes are warned of it once, the list says so,
// and once one retires the other says they fit again.
func TestInstancesWarnOfTooManyConnections(t *testing.T) {
	ctx := context.Background()
	db := sqlstoretest.Open(t, sqlstoretest.PostgresDSN(t))
	if _, err := demo.Seed(ctx, db); err != nil {
		t.Fatal(err)
	}
	takes, err := db.ServerConnections(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// Each instance may hold a little over half of what the server takes.
	if err := db.SetMaxConns(takes/2 + 1); err != nil {
		t.Fatal(err)
	}
	var logs logsink.Buffer
	log := slog.New(slog.NewJSONHandler(&logs, nil))
	a, b := serveEnv(t, db, web.Config{}, log), serveEnv(t, db, web.Config{}, log)
	for _, e := range []*env{b, a, b, a} {
		e.srv.Heartbeat(ctx)
	}
	if got := strings.Count(logs.String(), "the instances may open more connections"); got != 2 {
		t.Fatalf("%d warnings, want one from each instance:\n%s", got, logs.String())
	}
	var v struct {
		Connections       int  `json:"connections"`
		ServerConnections int  `json:"server_connections"`
		OverBudget        bool `json:"over_budget"`
	}
	admin := a.token("admin")
	a.do("GET", "/api/v1/instances", admin, nil).json(t, &v)
	if v.Connections != 2*(takes/2+1) || v.ServerConnections != takes || !v.OverBudget {
		t.Fatalf("instances: %+v, server takes %d", v, takes)
	}
	br := a.browser()
	br.login("admin")
	if page := string(br.get("/admin/instances").body); !strings.Contains(page, `<p id="connections" class="error">`) {
		t.Fatalf("the page does not warn:\n%s", page)
	}

	if err := b.srv.Retire(ctx); err != nil {
		t.Fatal(err)
	}
	a.srv.Heartbeat(ctx)
	if !strings.Contains(logs.String(), "the instances' connections fit in what the PostgreSQL server takes again") {
		t.Fatalf("no word that they fit again:\n%s", logs.String())
	}
	v.OverBudget = true
	a.do("GET", "/api/v1/instances", admin, nil).json(t, &v)
	if v.OverBudget || v.Connections != takes/2+1 {
		t.Fatalf("after one retired: %+v", v)
	}
}

// TestInstancesShowClockSkew: an instance whose clock is a minute ahead of the database
// server's warns of it once, the list and /metrics show how far, and once the clock is set
// right it says so and the warning goes from the list. Each heartbeat reads the server's
// clock as it writes the instance's row, which carries the skew from the beat before.
func TestInstancesShowClockSkew(t *testing.T) {
	sqlstoretest.Engines(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		db := sqlstoretest.Open(t, dsn)
		if _, err := demo.Seed(ctx, db); err != nil {
			t.Fatal(err)
		}
		var logs logsink.Buffer
		e := serveEnv(t, db, web.Config{}, slog.New(slog.NewJSONHandler(&logs, nil)))
		e.srv.SetWallClock(func() time.Time { return time.Now().Add(time.Minute) })
		e.srv.Heartbeat(ctx)
		e.srv.Heartbeat(ctx)
		if got := strings.Count(logs.String(), "this machine's clock differs from the database server's"); got != 1 {
			t.Fatalf("%d warnings, want 1:\n%s", got, logs.String())
		}
		var v struct {
			Instances []struct {
				Skew int64 `json:"clock_skew_ms"`
				Off  bool  `json:"clock_off"`
			}
			ClocksOff int `json:"clocks_off"`
		}
		admin := e.token("admin")
		e.do("GET", "/api/v1/instances", admin, nil).json(t, &v)
		if len(v.Instances) != 1 || v.ClocksOff != 1 || !v.Instances[0].Off ||
			v.Instances[0].Skew < 59_000 || v.Instances[0].Skew > 61_000 {
			t.Fatalf("instances with the clock a minute ahead: %+v", v)
		}
		if skew := metricValue(e.do("GET", "/metrics", "", nil).body, "motcua_clock_skew_seconds"); skew < 59 || skew > 61 {
			t.Fatalf("motcua_clock_skew_seconds %v, want about 60", skew)
		}
		br := e.browser()
		br.login("admin")
		if page := string(br.get("/admin/instances").body); !strings.Contains(page, `<p id="clocks" class="error">`) ||
			!strings.Contains(page, `<td class="code error">&#43;`) {
			t.Fatalf("the page does not show the clock off:\n%s", page)
		}

		// The skew a heartbeat measures reaches the instance's row with the next one.
		e.srv.SetWallClock(time.Now)
		e.srv.Heartbeat(ctx)
		e.srv.Heartbeat(ctx)
		if !strings.Contains(logs.String(), "this machine's clock agrees with the database server's again") {
			t.Fatalf("no word that the clock agrees again:\n%s", logs.String())
		}
		e.do("GET", "/api/v1/instances", admin, nil).json(t, &v)
		if v.ClocksOff != 0 || v.Instances[0].Off || v.Instances[0].Skew < -1000 || v.Instances[0].Skew > 1000 {
			t.Fatalf("instances with the clock set right: %+v", v)
		}
		if page := string(br.get("/admin/instances").body); strings.Contains(page, `id="clocks"`) {
			t.Fatal("the page still warns of the clock")
		}
	})
}
