package sqlstore_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/motcua/motcua/sqlstore"
	"github.com/motcua/motcua/sqlstore/sqlstoretest"
)

func enqueue(t *testing.T, db *sqlstore.DB, topic, key string) {
	t.Helper()
	if err := db.InTx(context.Background(), func(tx *sqlstore.Tx) error {
		return tx.Enqueue(context.Background(), topic, key, []byte(`{"k":"`+key+`"}`))
	}); err != nil {
		t.Fatal(err)
	}
}

func TestOutboxLifecycle(t *testing.T) {
	sqlstoretest.EachDB(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		enqueue(t, db, "email", "a")
		enqueue(t, db, "email", "a") // duplicate: no-op
		enqueue(t, db, "email", "b")
		enqueue(t, db, "sms", "c")
		if p, s, f, err := db.OutboxStats(ctx); err != nil || p != 3 || s != 0 || f != 0 {
			t.Fatalf("stats %d %d %d %v", p, s, f, err)
		}
		items, err := db.ClaimOutbox(ctx, "email", "w1", 10, 200*time.Millisecond)
		if err != nil || len(items) != 2 || items[0].DedupeKey != "a" || string(items[0].Payload) != `{"k":"a"}` || items[0].Attempts != 1 {
			t.Fatalf("claim: %+v %v", items, err)
		}
		if again, _ := db.ClaimOutbox(ctx, "email", "w2", 10, time.Second); len(again) != 0 {
			t.Fatalf("leased items claimed again: %+v", again)
		}
		if err := db.OutboxDone(ctx, items[0].ID, "w2"); err == nil {
			t.Fatal("another worker settled a leased item")
		}
		if err := db.OutboxDone(ctx, items[0].ID, "w1"); err != nil {
			t.Fatal(err)
		}
		if err := db.OutboxRetry(ctx, items[1].ID, "w1", "smtp down", time.Now().Add(-time.Second)); err != nil {
			t.Fatal(err)
		}
		retried, _ := db.ClaimOutbox(ctx, "email", "w2", 10, 100*time.Millisecond)
		if len(retried) != 1 || retried[0].DedupeKey != "b" || retried[0].Attempts != 2 {
			t.Fatalf("retry: %+v", retried)
		}
		time.Sleep(150 * time.Millisecond) // w2's lease runs out
		taken, _ := db.ClaimOutbox(ctx, "email", "w3", 10, time.Minute)
		if len(taken) != 1 || taken[0].Attempts != 3 {
			t.Fatalf("expired lease not reclaimed: %+v", taken)
		}
		if err := db.OutboxDone(ctx, taken[0].ID, "w2"); err == nil {
			t.Fatal("worker whose lease expired settled the item")
		}
		if err := db.OutboxFail(ctx, taken[0].ID, "w3", "bad address"); err != nil {
			t.Fatal(err)
		}
		if p, s, f, _ := db.OutboxStats(ctx); p != 1 || s != 1 || f != 1 {
			t.Fatalf("final stats %d %d %d", p, s, f)
		}
		backlog, err := db.OutboxBacklog(ctx)
		if err != nil || len(backlog) != 2 {
			t.Fatalf("backlog: %+v %v", backlog, err)
		}
		// email: a sent, b given up; sms: c waits since it was queued.
		if e := backlog[0]; e.Topic != "email" || e.Pending != 0 || !e.FirstDue.IsZero() || e.Failed != 1 {
			t.Fatalf("email backlog: %+v", e)
		}
		if s := backlog[1]; s.Topic != "sms" || s.Pending != 1 || s.Failed != 0 ||
			time.Since(s.FirstDue) < 0 || time.Since(s.FirstDue) > time.Minute {
			t.Fatalf("sms backlog: %+v", s)
		}
	})
}

// TestOutboxConcurrentClaimers lets four workers drain 200 messages at once: each message
// is claimed exactly once.
func TestOutboxConcurrentClaimers(t *testing.T) {
	sqlstoretest.EachDB(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		for i := range 200 {
			enqueue(t, db, "email", fmt.Sprint("m", i))
		}
		var mu sync.Mutex
		claimed := map[int64]string{}
		var wg sync.WaitGroup
		for w := range 4 {
			worker := fmt.Sprint("w", w)
			wg.Add(1)
			go func() {
				defer wg.Done()
				for {
					items, err := db.ClaimOutbox(ctx, "email", worker, 7, time.Minute)
					if err != nil {
						t.Error(err)
						return
					}
					if len(items) == 0 {
						return
					}
					mu.Lock()
					for _, it := range items {
						if prev, ok := claimed[it.ID]; ok {
							t.Errorf("item %d claimed by %s and %s", it.ID, prev, worker)
						}
						claimed[it.ID] = worker
					}
					mu.Unlock()
					for _, it := range items {
						if err := db.OutboxDone(ctx, it.ID, worker); err != nil {
							t.Error(err)
						}
					}
				}
			}()
		}
		wg.Wait()
		if len(claimed) != 200 {
			t.Fatalf("%d items claimed, want 200", len(claimed))
		}
	})
}
