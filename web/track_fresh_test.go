package web_test

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"github.com/motcua/motcua/calendar"
	"github.com/motcua/motcua/sqlstore/sqlstoretest"
	"github.com/motcua/motcua/web"
)

// TestTrackingFollowsMoves: public tracking answers from memory, yet a move on the same
// instance shows at the next lookup, and a move on another instance within a second.
func TestTrackingFollowsMoves(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
		citizen, desk := e.token("congdan"), e.token("tiepnhan")
		d := e.received(citizen, desk)
		other, err := web.New(context.Background(), e.db, slog.New(slog.NewTextHandler(io.Discard, nil)), web.Config{})
		if err != nil {
			t.Fatal(err)
		}
		hs := httptest.NewServer(other.Handler())
		defer hs.Close()
		path := "/api/v1/track?code=" + d.Code + "&secret=0912345678"
		status := func(base string) string {
			t.Helper()
			resp, err := http.Get(base + path)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			body, _ := io.ReadAll(resp.Body)
			var v struct {
				Status struct{ Key string } `json:"status"`
			}
			if resp.StatusCode != 200 || bytes.Contains(body, []byte("Nguyễn Thị Lan")) {
				t.Fatalf("track: %d %s", resp.StatusCode, body)
			}
			response{body: body}.json(t, &v)
			return v.Status.Key
		}
		if s, o := status(e.url), status(hs.URL); s != "new" || o != "new" {
			t.Fatalf("before the move: %s here, %s there", s, o)
		}
		e.act(d.ID, "forward", desk, map[string]any{"to_unit": "QLTM"}, 4)
		if s := status(e.url); s != "processing" {
			t.Fatalf("this instance still shows %s after the move", s)
		}
		deadline := time.Now().Add(1500 * time.Millisecond)
		for status(hs.URL) != "processing" {
			if time.Now().After(deadline) {
				t.Fatal("the other instance did not show the move within a second")
			}
			time.Sleep(50 * time.Millisecond)
		}
	})
}

// TestTrackingAnswerFollowsTheClock: a lookup repeated within a second may reuse the
// encoded answer, but one a working week later counts the days left again.
func TestTrackingAnswerFollowsTheClock(t *testing.T) {
	sqlstoretest.Engines(t, func(t *testing.T, dsn string) {
		var clock atomic.Int64
		clock.Store(time.Date(2026, 12, 1, 9, 0, 0, 0, calendar.Vietnam).UnixNano())
		e := newEnv(t, dsn, web.Config{Now: func() time.Time { return time.Unix(0, clock.Load()) }})
		d := e.received(e.token("congdan"), e.token("tiepnhan"))
		path := "/api/v1/track?code=" + d.Code + "&secret=0912345678"
		progress := func() string {
			t.Helper()
			var v struct {
				Progress string `json:"progress"`
			}
			r := e.do("GET", path, "", nil)
			if r.status != 200 {
				t.Fatalf("track: %d %s", r.status, r.body)
			}
			r.json(t, &v)
			return v.Progress
		}
		first := progress()
		clock.Add(int64(500 * time.Millisecond))
		if again := progress(); again != first {
			t.Fatalf("half a second later: %q, then %q", first, again)
		}
		clock.Add(int64(7 * 24 * time.Hour))
		if later := progress(); later == first || later == "" {
			t.Fatalf("a week later the answer still says %q", later)
		}
	})
}
