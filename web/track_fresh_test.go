package web_test

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

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
