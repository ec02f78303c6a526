package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/motcua/motcua/demo"
	"github.com/motcua/motcua/loadgen"
	"github.com/motcua/motcua/sqlstore"
)

// benchQueue seeds a large database through the bulk path and measures the officers' queue
// pages on it: latency per queue and role, and the server's memory while serving.
func benchQueue(args []string, stdout io.Writer) error {
	fs, bf := newBenchFlags("queue", "new SQLite file (default: a temporary one)",
		4, "write a CPU profile of the seeding (with --reuse: of the requests) to this file")
	n := fs.Int("dossiers", 1_000_000, "dossiers to seed, filed over the past year")
	pg := fs.String("pg", "", "also run on this PostgreSQL server (postgres:// URL; a scratch schema is made and dropped)")
	requests := fs.Int("requests", 2000, "queue page requests to time on each engine")
	reuse := fs.Bool("reuse", false, "--db names a file seeded by an earlier run: keep it and time the queues on it")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *n < 1 || *n > 20_000_000 || *requests < 1 || bf.clients < 1 {
		return fmt.Errorf("--dossiers 1..20000000, --requests ≥ 1, --clients ≥ 1")
	}
	targets := []string{bf.target}
	if *pg != "" {
		targets = append(targets, *pg)
	}
	if *reuse && (bf.target == "" || *pg != "") {
		return fmt.Errorf("--reuse needs --db FILE and no --pg")
	}
	for _, t := range targets {
		if *reuse {
			if err := benchQueueServe(t, sqlstore.SQLite, *requests, bf.clients, bf.asJSON, bf.profile, stdout, nil); err != nil {
				return err
			}
			continue
		}
		if err := benchQueueOn(t, *n, *requests, bf.clients, bf.asJSON, bf.profile, stdout); err != nil {
			return err
		}
	}
	return nil
}

// queueProbe is one kind of request an officer's console makes.
type queueProbe struct {
	user, path string
}

var queueProbes = []queueProbe{
	{"tiepnhan", "/api/v1/dossiers?queue=all"},
	{"tiepnhan", "/api/v1/dossiers?queue=to_receive"},
	{"tiepnhan", "/api/v1/dossiers?queue=my_steps"},
	{"tiepnhan", "/api/v1/dossiers?queue=due_soon"},
	{"tiepnhan", "/api/v1/dossiers?queue=overdue"},
	{"tiepnhan", "/api/v1/dossiers?queue=waiting"},
	{"tiepnhan", "/api/v1/dossiers?queue=all&status=processing"},
	{"chuyenvien", "/api/v1/dossiers?queue=all"},
	{"chuyenvien", "/api/v1/dossiers?queue=my_steps"},
	{"truongphong", "/api/v1/dossiers?queue=overdue"},
	{"congdan", "/api/v1/dossiers?queue=all"},
}

func benchQueueOn(target string, n, requests, clients int, asJSON bool, profile string, stdout io.Writer) error {
	ctx := context.Background()
	bdb, err := openBenchDB(target)
	if err != nil {
		return err
	}
	defer bdb.Close()
	rep := newQueueReport(bdb.Engine)

	db, err := sqlstore.Open(ctx, bdb.DSN)
	if err != nil {
		return err
	}
	w, err := newSeedWorld(ctx, db)
	if err != nil {
		db.Close()
		return err
	}
	stop, err := startCPUProfile(profile)
	if err != nil {
		db.Close()
		return err
	}
	t0 := time.Now()
	err = seedDossiers(ctx, db, w, n, func(done int) {
		fmt.Fprintf(os.Stderr, "bench queue: %s: %d/%d dossiers seeded (%v)\n", bdb.Engine, done, n, time.Since(t0).Round(time.Second))
	})
	seedTime := time.Since(t0)
	stop()
	if err == nil {
		// As autovacuum would shortly after the load: plans for the queues are made with
		// the tables' real sizes.
		err = db.Analyze(ctx)
	}
	db.Close()
	if err != nil {
		return err
	}
	rep.add(benchRow{Metric: "bulk seeding", Value: float64(n) / seedTime.Seconds(), Unit: "dossiers/s"})
	rep.note("seeded %d dossiers with their full histories in %v", n, seedTime.Round(time.Second))
	w = nil
	releaseMemory()
	return benchQueueServe(bdb.DSN, bdb.Engine, requests, clients, asJSON, "", stdout, rep)
}

// benchQueueServe serves the seeded database at dsn and times the queue pages; rep holds
// the seeding's figures (nil: the file was seeded by an earlier run). profile, if set,
// covers the requests.
func benchQueueServe(dsn string, engine sqlstore.Engine, requests, clients int, asJSON bool, profile string,
	stdout io.Writer, rep *benchReport) error {
	ctx := context.Background()
	if rep == nil {
		if _, err := os.Stat(dsn); err != nil {
			return fmt.Errorf("--reuse: %w", err)
		}
		rep = newQueueReport(engine)
		rep.note("database seeded by an earlier run")
	}
	srv, err := startBenchServer(ctx, dsn, false)
	if err != nil {
		return err
	}
	defer srv.Close()
	stop, err := startCPUProfile(profile)
	if err != nil {
		return err
	}
	defer stop()
	c := loadgen.NewClient(srv.URL, clients)
	tokens := map[string]string{}
	for _, p := range queueProbes {
		if tokens[p.user] == "" {
			if tokens[p.user], err = c.Token(ctx, p.user, demo.Password); err != nil {
				return err
			}
		}
	}
	per := make([]loadgen.Latencies, len(queueProbes))
	cursors := make([]string, len(queueProbes))
	var all loadgen.Latencies
	var mu sync.Mutex
	// Warm the caches once per probe, as a console in use would have them.
	for _, p := range queueProbes {
		if _, err := c.Expect(ctx, 200, "GET", p.path, tokens[p.user], nil); err != nil {
			return err
		}
	}
	res := loadgen.Run(ctx, requests, clients, func(ctx context.Context, i int) error {
		k := i % len(queueProbes)
		p := queueProbes[k]
		path := p.path
		if cur := cursors[k]; cur != "" && (i/len(queueProbes))%2 == 1 {
			path += "&after=" + url.QueryEscape(cur)
		}
		t := time.Now()
		r, err := c.Expect(ctx, 200, "GET", path, tokens[p.user], nil)
		if err != nil {
			return err
		}
		var page struct {
			Next string `json:"next"`
		}
		r.Decode(&page)
		d := time.Since(t)
		mu.Lock()
		per[k] = append(per[k], d)
		all = append(all, d)
		if i/len(queueProbes)%2 == 0 {
			cursors[k] = page.Next
		}
		mu.Unlock()
		return nil
	})
	if res.Errors > 0 {
		return fmt.Errorf("%d queue requests failed; first: %v", res.Errors, res.FirstErr)
	}
	mem := readMem()
	s := all.Summarize()
	rep.add(benchRow{Metric: "queue page p50 (all)", Value: ms(s.P50), Unit: "ms"})
	rep.below("queue page p99 (all)", ms(s.P99), "ms", 20)
	for k, p := range queueProbes {
		ps := per[k].Summarize()
		rep.add(benchRow{Metric: fmt.Sprintf("  %s %s p50/p99", p.user, strings.TrimPrefix(p.path, "/api/v1/dossiers")),
			Value: ms(ps.P99), Unit: fmt.Sprintf("ms p99 (p50 %.2f ms)", ms(ps.P50))})
	}
	if office, ok := officePageLatency(ctx, srv, requests/4); ok {
		os := office.Summarize()
		rep.below("/office page p99 (HTML)", ms(os.P99), "ms", 20)
	} else {
		rep.note("the HTML /office page is not in this build; only the JSON queues were timed")
	}
	rep.add(benchRow{Metric: "Go heap in use", Value: mem.HeapInUse, Unit: "MiB"})
	rep.add(benchRow{Metric: "process RSS", Value: mem.RSS, Unit: "MiB"})
	rep.note("%d requests by %d clients in %v (%.0f req/s); memory read after them, in this process, which also runs the "+
		"clients (peak RSS %.0f MiB includes the seeding)", requests, clients, res.Elapsed.Round(time.Millisecond),
		res.PerSecond(), mem.PeakRSS)
	if engine == sqlstore.SQLite {
		if st, err := os.Stat(dsn); err == nil {
			rep.note("database file %.0f MiB", float64(st.Size())/(1<<20))
		}
	}
	return rep.print(stdout, asJSON)
}

var csrfField = regexp.MustCompile(`name="csrf_token" value="([^"]+)"`)

// officePageLatency signs tiepnhan in through the login form and times the HTML console's
// queue page, if this build has one.
func officePageLatency(ctx context.Context, srv *benchServer, n int) (loadgen.Latencies, bool) {
	jar, _ := cookiejar.New(nil)
	hc := &http.Client{Jar: jar, Timeout: 30 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	get := func(path string) (int, string) {
		req, _ := http.NewRequestWithContext(ctx, "GET", srv.URL+path, nil)
		resp, err := hc.Do(req)
		if err != nil {
			return 0, ""
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	_, login := get("/login")
	m := csrfField.FindStringSubmatch(login)
	if m == nil {
		return nil, false
	}
	form := url.Values{"username": {"tiepnhan"}, "password": {demo.Password}, "csrf_token": {m[1]}}
	req, _ := http.NewRequestWithContext(ctx, "POST", srv.URL+"/login", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if resp, err := hc.Do(req); err == nil {
		resp.Body.Close()
	}
	if code, _ := get("/office"); code != 200 {
		return nil, false
	}
	queues := []string{"", "?queue=to_receive", "?queue=due_soon", "?queue=overdue"}
	var out loadgen.Latencies
	for i := range max(n, 1) {
		t := time.Now()
		if code, _ := get("/office" + queues[i%len(queues)]); code != 200 {
			return nil, false
		}
		out = append(out, time.Since(t))
	}
	slices.Sort(out)
	return out, true
}

// newQueueReport starts the queue benchmark's report on engine.
func newQueueReport(engine sqlstore.Engine) *benchReport {
	rep := newReport("queue", string(engine))
	rep.Counted = "1 request = one page (50 rows) of GET /api/v1/dossiers?queue=… as the role's console asks it, " +
		"bearer token; the next page is fetched with the cursor every other time"
	return rep
}
