package scaletest

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/motcua/motcua/demo"
	"github.com/motcua/motcua/loadgen"
	"github.com/motcua/motcua/sqlstore/sqlstoretest"
)

// TestRollingRestart: two instances behind a balancer that checks /readyz, each told to
// drain for two seconds when stopped (twenty of the balancer's checks). While clients
// file, submit and receive dossiers through the balancer, each instance in turn is
// stopped with SIGTERM and a new one takes its place. No request fails, every stop ends
// by itself with status 0, the new instances take requests, and the codes stay unique and
// gap-free.
func TestRollingRestart(t *testing.T) {
	dsn := sqlstoretest.PostgresDSN(t) // skips without MOTCUA_TEST_POSTGRES
	drain := []string{"--drain", "2s"}
	a := startServer(t, "a", dsn, nil, append([]string{"--demo", "--demo-history=false"}, drain...)...)
	b := startServer(t, "b", dsn, nil, drain...)
	lb := startBalancer(t)
	lb.add(a.URL)
	lb.add(b.URL)
	lb.waitReady(t, 2)
	ctx := context.Background()
	client := loadgen.NewClient(lb.URL, 16)
	in, err := loadgen.SignIn(ctx, client, "congdan", "tiepnhan", demo.Password)
	if err != nil {
		t.Fatal(err)
	}

	var (
		mu       sync.Mutex
		codes    []string
		failures []error
		stopLoad atomic.Bool
	)
	loadDone := make(chan struct{})
	go func() {
		defer close(loadDone)
		pick := func(loadgen.Step) *loadgen.Client { return client }
		for batch := 0; !stopLoad.Load(); batch++ {
			loadgen.Run(ctx, 64, 8, func(ctx context.Context, i int) error {
				_, r, err := in.Run(ctx, pick, fmt.Sprintf("rolling-%d-%d", batch, i))
				mu.Lock()
				defer mu.Unlock()
				if err != nil {
					failures = append(failures, err)
				} else {
					codes = append(codes, r.Code)
				}
				return err
			})
		}
	}()

	time.Sleep(time.Second)
	for _, old := range []*server{a, b} {
		if err := old.stop(30 * time.Second); err != nil {
			t.Fatal(err)
		}
		next := startServer(t, old.name+"2", dsn, nil, drain...)
		lb.add(next.URL)
		lb.waitReady(t, 2)
		time.Sleep(500 * time.Millisecond) // the new pool takes load
	}
	stopLoad.Store(true)
	<-loadDone

	mu.Lock()
	defer mu.Unlock()
	if len(failures) > 0 {
		t.Fatalf("%d of %d intakes failed during the rolling restart; first: %v", len(failures),
			len(failures)+len(codes), failures[0])
	}
	served := lb.served()
	t.Logf("%d dossiers during the rolling restart; requests per instance in order of start: %v", len(codes), served)
	for i, n := range served {
		if n == 0 {
			t.Fatalf("instance %d of %v took no request", i, served)
		}
	}
	checkSequences(t, codes)
}
