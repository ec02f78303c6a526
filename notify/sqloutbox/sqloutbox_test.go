package sqloutbox_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"sync"
	"testing"
	"time"

	"github.com/motcua/motcua/notify"
	"github.com/motcua/motcua/notify/sqloutbox"
	"github.com/motcua/motcua/smtp"
	"github.com/motcua/motcua/smtp/smtptest"
	"github.com/motcua/motcua/sqlstore"
	"github.com/motcua/motcua/sqlstore/sqlstoretest"
)

// Two workers drain 200 messages from the real outbox through a real SMTP server: each
// message arrives once and every row ends sent.
func TestTwoWorkersDeliverEachMessageOnce(t *testing.T) {
	sqlstoretest.EachDB(t, func(t *testing.T, db *sqlstore.DB) {
		const total = 200
		ctx := context.Background()
		err := db.InTx(ctx, func(tx *sqlstore.Tx) error {
			for i := range total {
				p, err := notify.Email{To: fmt.Sprintf("applicant%03d@example.vn", i), Kind: notify.KindResultReady,
					DossierCode: fmt.Sprintf("000.01.12.H26-261128-%04d", i+1)}.Payload()
				if err != nil {
					return err
				}
				if err := tx.Enqueue(ctx, notify.Topic, fmt.Sprintf("email/result/%d", i+1), p); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		srv := smtptest.Start(t)
		sender := &smtp.Sender{Addr: srv.Addr, TLS: smtp.Plaintext, Timeout: 5 * time.Second, HelloName: "test.local"}
		quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
		runCtx, stop := context.WithCancel(ctx)
		var wg sync.WaitGroup
		var workers []*notify.Worker
		for _, name := range []string{"w1", "w2"} {
			w := notify.NewWorker(sqloutbox.Outbox{DB: db}, sender, "Sở Công Thương <noreply@sct.example.gov.vn>")
			w.Name, w.Log, w.Poll, w.Batch = name, quiet, 20*time.Millisecond, 15
			workers = append(workers, w)
			wg.Go(func() { w.Run(runCtx) })
		}
		srv.WaitReceived(total, 90*time.Second)
		for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); {
			if _, sent, _, _ := db.OutboxStats(ctx); sent == total {
				break
			}
			time.Sleep(10 * time.Millisecond)
		}
		stop()
		wg.Wait()

		wire, box := srv.Received(), srv.Mailbox()
		if len(wire) != total || len(box) != total {
			t.Fatalf("on the wire %d, in the mailbox %d, want %d each", len(wire), len(box), total)
		}
		pending, sent, failed, err := db.OutboxStats(ctx)
		if err != nil || pending != 0 || sent != total || failed != 0 {
			t.Fatalf("outbox: pending %d sent %d failed %d (%v)", pending, sent, failed, err)
		}
		s1, s2 := workers[0].Stats(), workers[1].Stats()
		if s1.Sent+s2.Sent != total || s1.StoreErrors+s2.StoreErrors != 0 {
			t.Errorf("stats %+v %+v", s1, s2)
		}
		t.Logf("w1 sent %d, w2 sent %d", s1.Sent, s2.Sent)
	})
}
