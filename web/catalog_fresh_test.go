package web_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/motcua/motcua/web"
)

// TestFilingFollowsTheCatalog: a filing takes its procedure from memory, yet a procedure
// published on this instance can be filed at once, and one published on another instance
// within a second.
func TestFilingFollowsTheCatalog(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
		other, err := web.New(context.Background(), e.db, slog.New(slog.NewTextHandler(io.Discard, nil)), web.Config{})
		if err != nil {
			t.Fatal(err)
		}
		hs := httptest.NewServer(other.Handler())
		defer hs.Close()
		there := &env{t: t, db: e.db, srv: other, url: hs.URL}
		citizen, admin := e.token("congdan"), e.token("danhmuc")
		publish := func(on *env, code string) {
			t.Helper()
			version := map[string]any{
				"name": "Thủ tục thử " + code, "field": map[string]string{"code": "thu", "name": "Thử"},
				"level": "province", "agency": "Sở Công Thương", "online_level": "full",
				"channels":       []map[string]any{{"channel": 2, "time": "10d"}},
				"documents":      []map[string]any{{"name": "Đơn đề nghị", "originals": 1, "copies": 0}},
				"result":         map[string]string{"name": "Giấy phép"},
				"internal_steps": []map[string]any{{"name": "Thẩm định", "role": "specialist", "norm_hours": 40}},
			}
			if r := on.do("POST", "/api/v1/procedures", admin, map[string]any{"code": code, "version": version}); r.status != http.StatusCreated {
				t.Fatalf("create %s: %d %s", code, r.status, r.body)
			}
			if r := on.do("POST", "/api/v1/procedures/"+code+"/publish", admin, nil); r.status != http.StatusOK {
				t.Fatalf("publish %s: %d %s", code, r.status, r.body)
			}
		}
		file := func(code string) int {
			t.Helper()
			return e.do("POST", "/api/v1/dossiers", citizen, map[string]any{"procedure_code": code, "summary": "Thử"}).status
		}
		if s := file(demoProcedure); s != http.StatusCreated { // the copy is fresh now
			t.Fatalf("filing the demo procedure: %d", s)
		}
		publish(e, "9.999998")
		if r := e.do("POST", "/api/v1/dossiers", citizen, map[string]any{"procedure_code": "9.999998", "summary": "Thử"}); r.status != http.StatusCreated {
			t.Fatalf("%s", r.body)
		}
		if s := file("9.999998"); s != http.StatusCreated {
			t.Fatalf("a procedure published here is not filed at once: %d", s)
		}
		publish(there, "9.999997")
		deadline := time.Now().Add(1500 * time.Millisecond)
		for file("9.999997") != http.StatusCreated {
			if time.Now().After(deadline) {
				t.Fatal("a procedure published on the other instance is not filed here within a second")
			}
			time.Sleep(50 * time.Millisecond)
		}
	})
}
