package portal

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http/httptest"
	"strconv"
	"testing"
	"time"
)

// rig is a worker wired to a fake portal through an in-memory outbox.
type rig struct {
	t      *testing.T
	fake   *FakeServer
	outbox *memOutbox
	worker *Worker
	client *Client
}

func newRig(t *testing.T, opts FakeOptions) *rig {
	t.Helper()
	fake := NewFakeServer(opts)
	srv := httptest.NewServer(fake)
	t.Cleanup(srv.Close)
	client := &Client{BaseURL: srv.URL, Username: "motcua", Password: "x", HTTP: srv.Client()}
	ob := &memOutbox{}
	w := &Worker{Outbox: ob, Sender: client, Name: "test", SendTimeout: 2 * time.Second,
		Backoff: func(int) time.Duration { return 0 }, Log: slog.New(slog.NewTextHandler(io.Discard, nil))}
	return &rig{t: t, fake: fake, outbox: ob, worker: w, client: client}
}

// enqueueStory queues what every event of s causes, as the store would on commit.
func (r *rig) enqueueStory(s *story) int {
	n := 0
	for i, ev := range s.events {
		msgs, err := Messages(&s.after[i], ev, context1())
		if err != nil {
			r.t.Fatal(err)
		}
		for _, m := range msgs {
			r.outbox.enqueue(m.DedupeKey, m.Payload)
			r.outbox.enqueue(m.DedupeKey, m.Payload) // the same commit seen twice queues once
			n++
		}
	}
	return n
}

// drain polls until nothing is pending.
func (r *rig) drain() {
	r.t.Helper()
	for range 500 {
		if pending, _, _ := r.outbox.counts(); pending == 0 {
			return
		}
		if _, err := r.worker.Poll(context.Background()); err != nil {
			r.t.Fatal(err)
		}
	}
	r.t.Fatalf("outbox not drained")
}

// acceptedPerMessage checks, for each distinct call queued (several snapshots may carry
// the same data when an event changes nothing the portal sees), that the fake accepted
// it exactly as many times as it was queued.
func (r *rig) acceptedPerMessage() map[string][2]int {
	counts := map[string][2]int{} // service + data → queued, accepted
	for _, row := range r.outbox.rows {
		var p OutboxPayload
		json.Unmarshal(row.item.Payload, &p)
		k := p.Service + string(compact(p.Data))
		c := counts[k]
		c[0]++
		counts[k] = c
	}
	for _, req := range r.fake.Requests() {
		k := req.Service + string(compact(req.Data))
		if c, ok := counts[k]; ok && req.ErrorCode == CodeOK {
			c[1]++
			counts[k] = c
		}
	}
	return counts
}

func compact(b []byte) []byte {
	var out bytes.Buffer
	json.Compact(&out, b)
	return out.Bytes()
}

// checkDelivered asserts the portal holds the dossier's final state, every step once, and
// that each message was accepted exactly want times.
func (r *rig) checkDelivered(s *story, msgs int) {
	r.t.Helper()
	if pending, sent, failed := r.outbox.counts(); pending != 0 || sent != msgs || failed != 0 {
		r.t.Fatalf("outbox: %d pending, %d sent, %d failed; want %d sent", pending, sent, failed, msgs)
	}
	got, ok := r.fake.Dossier(s.d.Code)
	if want := DossierPayload(s.d, context1()); !ok || !bytes.Equal(mustJSON(got), mustJSON(want)) {
		r.t.Fatalf("portal holds %+v\nwant %+v", got, want)
	}
	if steps := r.fake.Progress(s.d.Code); len(steps) != len(s.events) {
		r.t.Fatalf("portal holds %d steps, want %d", len(steps), len(s.events))
	}
	for call, n := range r.acceptedPerMessage() {
		if n[0] != n[1] {
			r.t.Errorf("queued %d times, accepted %d times: %.120s", n[0], n[1], call)
		}
	}
}

func mustJSON(v any) []byte { b, _ := json.Marshal(v); return b }

func TestPortalWorkerRetriesUntilThePortalIsBack(t *testing.T) {
	r := newRig(t, FakeOptions{FailFirst: 3})
	s := returned(t)
	n := r.enqueueStory(s)
	r.drain()
	r.checkDelivered(s, n)
	st := r.worker.Stats()
	if st.Sent != int64(n) || st.Retried != 3 || st.Failed != 0 {
		t.Fatalf("stats %+v", st)
	}
	// The dossier's creation waited, and so did everything queued after it: the portal
	// never saw an update before the creation.
	for _, req := range r.fake.Requests() {
		if req.ErrorCode == CodeNotFound {
			t.Fatalf("a message overtook the creation: %+v", req)
		}
	}
}

func TestPortalWorkerSurvivesALostReply(t *testing.T) {
	r := newRig(t, FakeOptions{FailFirst: 1, FailMode: FailTimeout, Stall: 10 * time.Second})
	r.worker.SendTimeout = 100 * time.Millisecond
	s := returned(t)
	n := r.enqueueStory(s)
	r.drain()
	// The creation was applied, its reply lost; sent again it met "already exists".
	r.checkDelivered(s, n)
	if st := r.worker.Stats(); st.Retried != 1 || st.Existed != 1 || st.Sent != int64(n) {
		t.Fatalf("stats %+v", st)
	}
	if w := r.fake.Writes(s.d.Code); w != len(s.events) {
		t.Fatalf("%d writes, want %d", w, len(s.events))
	}
}

func TestPortalWorkerTakesAlreadyExistsAsDone(t *testing.T) {
	r := newRig(t, FakeOptions{})
	s := filedOnline(t)
	first := []DossierRecord{DossierPayload(&s.after[0], context1())}
	if _, err := r.client.Send(context.Background(), ServiceSyncDossier, false, first); err != nil {
		t.Fatal(err)
	}
	n := r.enqueueStory(s)
	r.drain()
	if _, sent, failed := r.outbox.counts(); sent != n || failed != 0 {
		t.Fatalf("sent %d failed %d", sent, failed)
	}
	if st := r.worker.Stats(); st.Existed != 1 {
		t.Fatalf("stats %+v", st)
	}
	if w := r.fake.Writes(s.d.Code); w != 2 { // our creation, then the receipt's update
		t.Fatalf("%d writes", w)
	}
}

func TestPortalWorkerWaitsOutABusyPortal(t *testing.T) {
	r := newRig(t, FakeOptions{FailFirst: 2, FailMode: FailBusy})
	s := returned(t)
	n := r.enqueueStory(s)
	r.drain()
	r.checkDelivered(s, n)
	if st := r.worker.Stats(); st.Retried != 2 {
		t.Fatalf("stats %+v", st)
	}
}

func TestPortalWorkerFailsWhatThePortalRefuses(t *testing.T) {
	r := newRig(t, FakeOptions{})
	s := filedOnline(t)
	bad := DossierPayload(s.d, context1())
	bad.NgayTiepNhan = "2026-11-23 10:00" // not yyyyMMddHHmmss
	payload, _ := NewOutboxPayload(ServiceSyncDossier, false, bad.MaHoSo, 9, []DossierRecord{bad})
	r.outbox.enqueue("bad", payload)
	r.outbox.enqueue("garbage", []byte("not json"))
	other := filedOnline(t)
	other.d.Code = "000.00.12.H26-261123-0008"
	good, _ := NewOutboxPayload(ServiceSyncDossier, false, other.d.Code, 2, []DossierRecord{DossierPayload(other.d, context1())})
	r.outbox.enqueue("good", good)
	r.drain()
	if _, sent, failed := r.outbox.counts(); sent != 1 || failed != 2 {
		t.Fatalf("sent %d failed %d", sent, failed)
	}
	if st := r.worker.Stats(); st.Failed != 2 || st.Retried != 0 {
		t.Fatalf("stats %+v", st)
	}
	for _, row := range r.outbox.rows {
		if row.item.DedupeKey == "bad" && (row.item.Attempts != 1 || row.lastErr == "") {
			t.Fatalf("refused message: %d attempts, error %q", row.item.Attempts, row.lastErr)
		}
	}
}

func TestPortalWorkerGivesUpAfterMaxAttempts(t *testing.T) {
	r := newRig(t, FakeOptions{FailFirst: 1000})
	r.worker.MaxAttempts = 3
	s := filedOnline(t)
	n := r.enqueueStory(s)
	r.drain()
	if _, _, failed := r.outbox.counts(); failed != n {
		t.Fatalf("failed %d of %d", failed, n)
	}
}

func TestPortalWorkerDropsSupersededSnapshots(t *testing.T) {
	r := newRig(t, FakeOptions{})
	s := returned(t)
	key := func(i int) string { return DedupeKey(s.d.Code, s.events[i].Seq, ServiceSyncDossier) }
	snapshot := func(i int) []byte {
		msgs, _ := Messages(&s.after[i], s.events[i], context1())
		return msgs[0].Payload
	}
	r.outbox.enqueue(key(0), snapshot(0))
	r.outbox.enqueue(key(5), snapshot(5))
	r.drain()
	r.outbox.enqueue(key(3), snapshot(3)) // delayed, older than what the portal has
	r.drain()
	if st := r.worker.Stats(); st.Superseded != 1 || st.Sent != 2 {
		t.Fatalf("stats %+v", st)
	}
	got, _ := r.fake.Dossier(s.d.Code)
	if want := strconv.Itoa(int(s.after[5].Status)); got.TrangThaiHoSo != want {
		t.Fatalf("portal went back to status %s", got.TrangThaiHoSo)
	}
}

func TestPortalWorkerStopsWhenCancelled(t *testing.T) {
	r := newRig(t, FakeOptions{})
	r.worker.Idle = 10 * time.Millisecond
	ctx, cancel := context.WithCancel(context.Background())
	stopped := make(chan error)
	go func() { stopped <- r.worker.Run(ctx) }()
	r.enqueueStory(filedOnline(t))
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		if pending, _, _ := r.outbox.counts(); pending == 0 {
			break
		}
		time.Sleep(5 * time.Millisecond)
	}
	cancel()
	select {
	case err := <-stopped:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("worker did not stop")
	}
	if pending, sent, _ := r.outbox.counts(); pending != 0 || sent != 4 {
		t.Fatalf("pending %d sent %d", pending, sent)
	}
}
