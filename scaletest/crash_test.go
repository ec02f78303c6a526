package scaletest

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/motcua/motcua/demo"
	"github.com/motcua/motcua/loadgen"
	"github.com/motcua/motcua/sqlstore/sqlstoretest"
)

// TestCrashSafety kills the server with SIGKILL while clients file and receive dossiers,
// restarts it on the same database and checks that every receipt the server acknowledged
// survived whole: its code, status 2 and an intact history, with the code numbers still
// gap-free and the history chain verifying.
func TestCrashSafety(t *testing.T) {
	sqlstoretest.Engines(t, func(t *testing.T, dsn string) {
		const clients = 8
		target := 150 // acknowledged receipts before the kill
		if testing.Short() {
			target = 60
		}
		before := startServer(t, "before", dsn, nil, "--demo", "--demo-history=false")
		ctx := context.Background()
		applicant, err := before.Client.Token(ctx, "congdan", demo.Password)
		if err != nil {
			t.Fatal(err)
		}
		desk, err := before.Client.Token(ctx, "tiepnhan", demo.Password)
		if err != nil {
			t.Fatal(err)
		}

		var (
			mu      sync.Mutex
			acked   = map[int64]string{} // dossier id → code, for every receive answered 200
			killed  atomic.Bool
			count   atomic.Int64
			failure atomic.Value
			wg      sync.WaitGroup
		)
		in := loadgen.Intake{Applicant: applicant, Desk: desk}
		pick := func(loadgen.Step) *loadgen.Client { return before.Client }
		for w := range clients {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := 0; i < 10*target && !killed.Load(); i++ {
					id, r, err := in.Run(ctx, pick, fmt.Sprintf("crash-%d-%d", w, i))
					if err != nil {
						if !killed.Load() {
							failure.CompareAndSwap(nil, err)
						}
						return
					}
					mu.Lock()
					acked[id] = r.Code
					mu.Unlock()
					count.Add(1)
				}
			}()
		}
		deadline := time.Now().Add(30 * time.Second)
		for count.Load() < int64(target) && time.Now().Before(deadline) && failure.Load() == nil {
			time.Sleep(2 * time.Millisecond)
		}
		killed.Store(true)
		before.kill()
		wg.Wait()
		if err, _ := failure.Load().(error); err != nil {
			t.Fatalf("before the crash: %v\n%s", err, before.logTail())
		}
		if len(acked) < target {
			t.Fatalf("only %d receipts acknowledged before the kill", len(acked))
		}

		after := startServer(t, "after", dsn, nil)
		// Sessions live in the database: the tokens issued before the crash still work.
		for id, code := range acked {
			checkReceived(t, after.Client, desk, id, code)
		}
		all := listAll(t, after.Client, desk)
		var codes []string
		for _, d := range all {
			if d.Code != "" {
				codes = append(codes, d.Code)
			}
		}
		checkSequences(t, codes)
		// The restarted server goes on numbering after the last code that committed.
		_, r, err := in.Run(ctx, func(loadgen.Step) *loadgen.Client { return after.Client }, "after-crash")
		if err != nil {
			t.Fatal(err)
		}
		checkSequences(t, append(codes, r.Code))
		t.Logf("%d receipts acknowledged before SIGKILL, %d dossiers in the database afterwards (%d received)",
			len(acked), len(all), len(codes))

		after.kill()
		out, err := motcua(t, "verify-log", "--db", dsn)
		if err != nil || !strings.Contains(out, "verifies") {
			t.Fatalf("verify-log after the crash: %v\n%s", err, out)
		}
	})
}
