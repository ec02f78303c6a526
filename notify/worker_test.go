package notify

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"
)

// fakeSender answers with the scripted errors in turn, then nil, and keeps what it sent.
type fakeSender struct {
	mu     sync.Mutex
	script []error
	sent   []Message
	hook   func(Message) // runs after a successful send
}

func (s *fakeSender) Send(_ context.Context, m Message) error {
	s.mu.Lock()
	if len(s.script) > 0 {
		err := s.script[0]
		s.script = s.script[1:]
		s.mu.Unlock()
		if err != nil {
			return err
		}
	} else {
		s.mu.Unlock()
	}
	if _, err := m.Bytes(); err != nil {
		return Permanent(0, err)
	}
	s.mu.Lock()
	s.sent = append(s.sent, m)
	hook := s.hook
	s.mu.Unlock()
	if hook != nil {
		hook(m)
	}
	return nil
}

func (s *fakeSender) Sent() []Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Message(nil), s.sent...)
}

var quiet = slog.New(slog.NewTextHandler(io.Discard, nil))

func newTestWorker(o *MemOutbox, s Sender, name string) *Worker {
	w := &Worker{Outbox: o, Sender: s, From: testFrom, Name: name, Log: quiet, Now: o.Clock.Now,
		Lease: time.Minute, Poll: 10 * time.Millisecond, MaxAttempts: 4}
	w.init()
	return w
}

func enqueueSample(t *testing.T, o *MemOutbox, key string, kind Kind) {
	t.Helper()
	p, err := sampleEmail(kind).Payload()
	if err != nil {
		t.Fatal(err)
	}
	o.Enqueue(Topic, key, p)
}

func TestWorkerSends(t *testing.T) {
	o := NewMemOutbox(NewClock())
	enqueueSample(t, o, "d1/received", KindReceived)
	enqueueSample(t, o, "d1/received", KindReceived) // same key: one message
	enqueueSample(t, o, "d1/result", KindResultReady)
	s := &fakeSender{}
	w := newTestWorker(o, s, "w1")
	if n, err := w.RunOnce(context.Background()); n != 2 || err != nil {
		t.Fatalf("RunOnce = %d, %v", n, err)
	}
	sent := s.Sent()
	if len(sent) != 2 || sent[0].ID != MessageID("d1/received", "noreply@sct.example.gov.vn") {
		t.Fatalf("sent %+v", sent)
	}
	for id := int64(1); id <= 2; id++ {
		if st := o.State(id); st.Status != "sent" || st.Attempts != 1 {
			t.Errorf("item %d: %+v", id, st)
		}
	}
	if got := w.Stats(); got.Sent != 2 || got.Claimed != 2 || got.Failed+got.Retried != 0 {
		t.Errorf("stats %+v", got)
	}
}

func TestWorkerRetriesTemporaryFailure(t *testing.T) {
	clock := NewClock()
	o := NewMemOutbox(clock)
	enqueueSample(t, o, "k", KindReceived)
	s := &fakeSender{script: []error{Temporary(451, errors.New("451 try later")), errors.New("connection reset")}}
	w := newTestWorker(o, s, "w1")
	ctx := context.Background()

	w.RunOnce(ctx)
	st := o.State(1)
	if st.Status != "pending" || !st.Due.Equal(clock.Now().Add(30*time.Second)) || !strings.Contains(st.LastErr, "451") {
		t.Fatalf("after first failure: %+v", st)
	}
	if n, _ := w.RunOnce(ctx); n != 0 {
		t.Fatal("retried before its time")
	}
	clock.Advance(30 * time.Second)
	w.RunOnce(ctx) // an error that is not a SendError counts as temporary
	if st := o.State(1); st.Status != "pending" || !st.Due.Equal(clock.Now().Add(time.Minute)) {
		t.Fatalf("after second failure: %+v", st)
	}
	clock.Advance(time.Minute)
	w.RunOnce(ctx)
	if st := o.State(1); st.Status != "sent" || st.Attempts != 3 {
		t.Fatalf("after success: %+v", st)
	}
	if got := w.Stats(); got.Retried != 2 || got.Sent != 1 {
		t.Errorf("stats %+v", got)
	}
}

func TestWorkerGivesUp(t *testing.T) {
	clock := NewClock()
	o := NewMemOutbox(clock)
	enqueueSample(t, o, "bad-address", KindReceived)
	enqueueSample(t, o, "flaky", KindReceived)
	o.Enqueue(Topic, "garbage", []byte(`{"kind":`))
	o.Enqueue(Topic, "invalid", []byte(`{"to":"a@b.vn","kind":"received","dossier_code":"X"}`))
	temp := Temporary(421, errors.New("421 busy"))
	s := &fakeSender{script: []error{Permanent(550, errors.New("550 no such user")), temp, temp, temp, temp}}
	w := newTestWorker(o, s, "w1")
	for range 6 {
		w.RunOnce(context.Background())
		clock.Advance(time.Hour)
	}
	for id, want := range map[int64]string{1: "550", 2: "gave up after 4 attempts", 3: "cannot compose", 4: "appointment_at"} {
		if st := o.State(id); st.Status != "failed" || !strings.Contains(st.LastErr, want) {
			t.Errorf("item %d: %+v, want failed with %q", id, st, want)
		}
	}
	if st := o.State(1); st.Attempts != 1 {
		t.Errorf("a permanent failure was retried: %+v", st)
	}
	if got := w.Stats(); got.Failed != 4 || got.Sent != 0 {
		t.Errorf("stats %+v", got)
	}
}

// A worker that dies after the send but before recording it leaves the lease held; once it
// runs out another worker sends the same message again, with the same Message-ID.
func TestLeaseExpiryRedelivers(t *testing.T) {
	clock := NewClock()
	o := NewMemOutbox(clock)
	enqueueSample(t, o, "k", KindApology)
	crashed := &crashingOutbox{MemOutbox: o}
	s := &fakeSender{}
	w1 := newTestWorker(o, s, "w1")
	w1.Outbox = crashed
	w1.RunOnce(context.Background())
	if st := o.State(1); st.Status != "leased" || len(s.Sent()) != 1 {
		t.Fatalf("after crash: %+v, sent %d", st, len(s.Sent()))
	}
	w2 := newTestWorker(o, s, "w2")
	if n, _ := w2.RunOnce(context.Background()); n != 0 {
		t.Fatal("claimed while the lease was held")
	}
	clock.Advance(time.Minute + time.Second)
	w2.RunOnce(context.Background())
	sent := s.Sent()
	if st := o.State(1); st.Status != "sent" || st.Attempts != 2 || len(sent) != 2 {
		t.Fatalf("after lease expiry: %+v, sent %d", st, len(sent))
	}
	r0, _ := sent[0].Bytes()
	r1, _ := sent[1].Bytes()
	if sent[0].ID != sent[1].ID || string(r0) != string(r1) {
		t.Error("the re-sent message differs from the first")
	}
	// The dead worker's late word no longer counts.
	if err := o.OutboxDone(context.Background(), 1, "w1"); err == nil {
		t.Error("a lost lease was honoured")
	}
}

// crashingOutbox loses every OutboxDone, as a process killed right after the send would.
type crashingOutbox struct{ *MemOutbox }

func (crashingOutbox) OutboxDone(context.Context, int64, string) error {
	return errors.New("killed")
}

func TestWorkerReleasesBatchWhenStopping(t *testing.T) {
	o := NewMemOutbox(NewClock())
	for _, k := range []string{"a", "b", "c"} {
		enqueueSample(t, o, k, KindResultReady)
	}
	ctx, cancel := context.WithCancel(context.Background())
	s := &fakeSender{}
	s.hook = func(Message) { cancel() } // stop during the first send
	w := newTestWorker(o, s, "w1")
	w.RunOnce(ctx)
	want := []string{"sent", "pending", "pending"}
	for i, st := range want {
		if got := o.State(int64(i + 1)); got.Status != st {
			t.Errorf("item %d: %+v, want %s", i+1, got, st)
		}
	}
	if got := w.Stats(); got.Released != 2 {
		t.Errorf("stats %+v", got)
	}
}

func TestRunStopsOnCancelAndWakes(t *testing.T) {
	o := NewMemOutbox(NewClock())
	s := &fakeSender{}
	w := newTestWorker(o, s, "w1")
	w.Poll = time.Hour // only Wake can bring the second message quickly
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	go func() { done <- w.Run(ctx) }()

	enqueueSample(t, o, "k", KindReceived)
	w.Wake()
	waitFor(t, func() bool { return len(s.Sent()) == 1 })
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(2 * time.Second):
		t.Fatal("Run did not stop")
	}
}

func TestRunPolls(t *testing.T) {
	o := NewMemOutbox(NewClock())
	s := &fakeSender{}
	w := newTestWorker(o, s, "w1")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go w.Run(ctx)
	time.Sleep(30 * time.Millisecond)
	enqueueSample(t, o, "k", KindReceived) // no Wake: the poll must find it
	waitFor(t, func() bool { return len(s.Sent()) == 1 })
}

func TestRunNeedsDependencies(t *testing.T) {
	if err := (&Worker{}).Run(context.Background()); err == nil {
		t.Error("Run without Outbox and Sender")
	}
}

func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatal("condition not met in time")
		}
		time.Sleep(5 * time.Millisecond)
	}
}
