package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"sync/atomic"
	"time"

	"github.com/motcua/motcua/demo"
	"github.com/motcua/motcua/loadgen"
)

// benchTrack measures public tracking (GET /api/v1/track with the code and the phone
// number) against a bare net/http handler answering a body of the same size, each for the
// same time with the same clients in the same run.
func benchTrack(args []string, stdout io.Writer) error {
	fs, bf := newBenchFlags("track", "new SQLite file (default: a temporary one) or postgres:// URL (scratch schema)",
		16, "write a CPU profile of the measured part (motcua's side) to this file")
	dossiers := fs.Int("dossiers", 500, "received dossiers to look up")
	dur := fs.Duration("duration", 5*time.Second, "how long each side runs")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *dossiers < 1 || bf.clients < 1 || *dur <= 0 || *dur > 10*time.Minute {
		return fmt.Errorf("--dossiers ≥ 1, --clients ≥ 1, 0 < --duration ≤ 10m")
	}
	ctx := context.Background()
	bdb, err := openBenchDB(bf.target)
	if err != nil {
		return err
	}
	defer bdb.Close()
	srv, err := startBenchServer(ctx, bdb.DSN, true)
	if err != nil {
		return err
	}
	defer srv.Close()
	c := loadgen.NewClient(srv.URL, bf.clients)
	in, err := loadgen.SignIn(ctx, c, "congdan", "tiepnhan", demo.Password)
	if err != nil {
		return err
	}
	codes := make([]string, *dossiers)
	seed := loadgen.Run(ctx, *dossiers, bf.clients, func(ctx context.Context, i int) error {
		_, r, err := in.Run(ctx, func(loadgen.Step) *loadgen.Client { return c }, fmt.Sprintf("track-%d", i))
		codes[i] = r.Code
		return err
	})
	if seed.Errors > 0 {
		return fmt.Errorf("seeding: %v", seed.FirstErr)
	}
	phone := "0912345678" // the demo citizen's: one of the two secrets tracking accepts
	sample, err := c.Expect(ctx, 200, "GET", trackPath(codes[0], phone), "", nil)
	if err != nil {
		return err
	}

	bare, err := startBareServer(sample.Body)
	if err != nil {
		return err
	}
	defer bare.Close()
	bc := loadgen.NewClient("http://"+bare.Addr().String(), bf.clients)
	lookup := func(cl *loadgen.Client) func(ctx context.Context) error {
		var i atomic.Uint64
		return func(ctx context.Context) error {
			k := i.Add(1)
			r, err := cl.Do(ctx, "GET", trackPath(codes[int(k%uint64(len(codes)))], phone), "", nil)
			if err == nil && r.Status != 200 {
				err = fmt.Errorf("track: %d %.200s", r.Status, r.Body)
			}
			return err
		}
	}
	baseline := loadgen.For(ctx, *dur, bf.clients, lookup(bc))
	stop, err := startCPUProfile(bf.profile)
	if err != nil {
		return err
	}
	got := loadgen.For(ctx, *dur, bf.clients, lookup(c))
	stop()
	if got.Errors > 0 || baseline.Errors > 0 {
		return fmt.Errorf("errors: track %d (%v), bare %d (%v)", got.Errors, got.FirstErr, baseline.Errors, baseline.FirstErr)
	}
	rep := newReport("track", string(bdb.Engine))
	rep.Counted = "1 lookup = GET /api/v1/track?code=…&secret=<phone> answered 200 with the status and timeline (JSON)"
	rep.compare("tracking lookups", got.PerSecond(), "req/s", "req/s bare net/http, same body", baseline.PerSecond(), 0.5)
	gl, bl := got.Latency.Summarize(), baseline.Latency.Summarize()
	rep.add(benchRow{Metric: "lookup latency p50", Value: ms(gl.P50), Unit: "ms", Baseline: "ms bare", BaseVal: ms(bl.P50)})
	rep.add(benchRow{Metric: "lookup latency p99", Value: ms(gl.P99), Unit: "ms", Baseline: "ms bare", BaseVal: ms(bl.P99)})
	rep.note("%d received dossiers; %d clients, %v each side; the bare handler writes the same %d-byte JSON body",
		*dossiers, bf.clients, *dur, len(sample.Body))
	return rep.print(stdout, bf.asJSON)
}

func trackPath(code, secret string) string {
	return "/api/v1/track?code=" + url.QueryEscape(code) + "&secret=" + url.QueryEscape(secret)
}

// startBareServer answers every request with body, as fast as net/http can: the ceiling
// any handler on this machine works under.
func startBareServer(body []byte) (net.Listener, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.Write(body)
	})
	go (&http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}).Serve(ln)
	return ln, nil
}
