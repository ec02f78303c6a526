package notify_test

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"sync"
	"testing"
	"time"

	"github.com/motcua/motcua/notify"
	"github.com/motcua/motcua/smtp"
	"github.com/motcua/motcua/smtp/smtptest"
)

// These tests run the worker with the real SMTP sender against a real SMTP server started
// on the loopback interface. SMTP delivers at least once: when the line breaks after the
// server took the message, or the worker dies before recording the send, the message goes
// again. The copies carry one Message-ID, so a mailbox that drops repeated IDs shows one
// (smtptest's Mailbox does so); Received shows what went over the wire.

const from = "Sở Công Thương <noreply@sct.example.gov.vn>"

var quiet = slog.New(slog.NewTextHandler(io.Discard, nil))

type rig struct {
	clock  *notify.Clock
	outbox *notify.MemOutbox
	server *smtptest.Server
	sender *smtp.Sender
}

func newRig(t *testing.T) *rig {
	clock := notify.NewClock()
	srv := smtptest.Start(t)
	return &rig{clock: clock, outbox: notify.NewMemOutbox(clock), server: srv,
		sender: &smtp.Sender{Addr: srv.Addr, TLS: smtp.Plaintext, Timeout: 5 * time.Second, HelloName: "test.local"}}
}

func (r *rig) worker(name string, o notify.Outbox) *notify.Worker {
	w := notify.NewWorker(o, r.sender, from)
	w.Name, w.Log, w.Now, w.Poll = name, quiet, r.clock.Now, 10*time.Millisecond
	return w
}

func (r *rig) enqueue(t *testing.T, key string, kind notify.Kind) {
	t.Helper()
	e := notify.Email{To: "an@example.vn", Kind: kind, DossierCode: "000.01.12.H26-261128-0001",
		Applicant: "Nguyễn Văn An", Procedure: "Cấp giấy phép kinh doanh bán lẻ sản phẩm rượu",
		AppointmentAt: time.Date(2026, 12, 5, 8, 0, 0, 0, time.UTC), Missing: []string{"Hợp đồng thuê kho"},
		Reason: "Cần xác minh thực tế.", Amount: 500000}
	p, err := e.Payload()
	if err != nil {
		t.Fatal(err)
	}
	r.outbox.Enqueue(notify.Topic, key, p)
}

func TestSMTPDeliversEachMessageOnce(t *testing.T) {
	r := newRig(t)
	kinds := []notify.Kind{notify.KindReceived, notify.KindSupplementRequested, notify.KindPaymentRequested,
		notify.KindResultReady, notify.KindApology}
	for _, k := range kinds {
		r.enqueue(t, "d1/"+string(k), k)
	}
	ctx, cancel := context.WithCancel(context.Background())
	w := r.worker("w1", r.outbox)
	done := make(chan struct{})
	go func() { w.Run(ctx); close(done) }()
	got := r.server.WaitReceived(len(kinds), 5*time.Second)
	cancel()
	<-done
	if len(got) != len(kinds) || len(r.server.Mailbox()) != len(kinds) {
		t.Fatalf("received %d, mailbox %d, want %d", len(got), len(r.server.Mailbox()), len(kinds))
	}
	for i := range kinds {
		if st := r.outbox.State(int64(i + 1)); st.Status != "sent" {
			t.Errorf("item %d: %+v", i+1, st)
		}
	}
}

func TestSMTPTemporaryFailureIsRetried(t *testing.T) {
	r := newRig(t)
	r.enqueue(t, "k", notify.KindReceived)
	r.server.FailNext(2, 451)
	w := r.worker("w1", r.outbox)
	ctx := context.Background()
	for range 3 {
		w.RunOnce(ctx)
		r.clock.Advance(time.Hour)
	}
	if st := r.outbox.State(1); st.Status != "sent" || st.Attempts != 3 {
		t.Fatalf("%+v", st)
	}
	if n := len(r.server.Received()); n != 1 {
		t.Fatalf("received %d", n)
	}
}

func TestSMTPPermanentFailureStops(t *testing.T) {
	r := newRig(t)
	r.server.RejectRecipient("an@example.vn")
	r.enqueue(t, "k", notify.KindReceived)
	w := r.worker("w1", r.outbox)
	w.RunOnce(context.Background())
	if st := r.outbox.State(1); st.Status != "failed" || st.Attempts != 1 {
		t.Fatalf("%+v", st)
	}
}

// The server keeps the message but the line drops before its answer: the worker cannot tell
// and sends again.
func TestSMTPLineDropAfterDataDuplicatesOnTheWireOnly(t *testing.T) {
	r := newRig(t)
	r.enqueue(t, "k", notify.KindResultReady)
	r.server.DropNext(1)
	w := r.worker("w1", r.outbox)
	w.RunOnce(context.Background())
	if st := r.outbox.State(1); st.Status != "pending" {
		t.Fatalf("after the drop: %+v", st)
	}
	r.clock.Advance(time.Minute)
	w.RunOnce(context.Background())
	assertOneInMailboxTwoOnWire(t, r)
}

// The worker is stopped after the server accepted the message and before OutboxDone: the
// lease stays held, and when it runs out another worker sends the message again.
func TestSMTPCrashBeforeDoneRedeliversSameMessageID(t *testing.T) {
	r := newRig(t)
	r.enqueue(t, "k", notify.KindApology)
	ctx, cancel := context.WithCancel(context.Background())
	dying := &dyingOutbox{MemOutbox: r.outbox, kill: cancel}
	w1 := r.worker("w1", dying)
	w1.RunOnce(ctx)
	if st := r.outbox.State(1); st.Status != "leased" || len(r.server.Received()) != 1 {
		t.Fatalf("after the crash: %+v, received %d", st, len(r.server.Received()))
	}
	w2 := r.worker("w2", r.outbox)
	if n, _ := w2.RunOnce(context.Background()); n != 0 {
		t.Fatal("taken over while the lease was held")
	}
	r.clock.Advance(time.Minute + time.Second)
	w2.RunOnce(context.Background())
	if st := r.outbox.State(1); st.Status != "sent" || st.Attempts != 2 {
		t.Fatalf("after take-over: %+v", st)
	}
	assertOneInMailboxTwoOnWire(t, r)
}

// dyingOutbox stops its worker on the first OutboxDone and loses the call, as a process
// killed at that moment would.
type dyingOutbox struct {
	*notify.MemOutbox
	kill func()
	once sync.Once
}

func (d *dyingOutbox) OutboxDone(ctx context.Context, id int64, worker string) error {
	died := false
	d.once.Do(func() { d.kill(); died = true })
	if died {
		return errors.New("process killed")
	}
	return d.MemOutbox.OutboxDone(ctx, id, worker)
}

func assertOneInMailboxTwoOnWire(t *testing.T, r *rig) {
	t.Helper()
	wire, box := r.server.Received(), r.server.Mailbox()
	if len(wire) != 2 || wire[0].MessageID == "" || wire[0].MessageID != wire[1].MessageID {
		t.Fatalf("on the wire: %d messages, want 2 with one Message-ID", len(wire))
	}
	if len(box) != 1 {
		t.Fatalf("mailbox holds %d, want 1", len(box))
	}
	if string(wire[0].Data) != string(wire[1].Data) {
		t.Error("the copies differ")
	}
}
