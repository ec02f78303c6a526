package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/motcua/motcua"
	"github.com/motcua/motcua/internal/logsink"
	"github.com/motcua/motcua/sqlstore/sqlstoretest"
	"github.com/motcua/motcua/web"
)

// TestServeRefusesBadSettings: a trusted-proxies list that is not addresses, or too few
// database connections, stops serve before it opens the database, naming the setting.
func TestServeRefusesBadSettings(t *testing.T) {
	for _, c := range []struct{ flag, value, field string }{
		{"--trusted-proxies", "10.0.0.0/8,proxy.internal", "trusted-proxies"},
		{"--db-max-conns", "2", "db-max-conns"},
		{"--track-lock-after", "-1", "track-lock-after"},
		{"--track-lock-for", "10s", "track-lock-for"},
	} {
		db := filepath.Join(t.TempDir(), "motcua.db")
		var out bytes.Buffer
		err := run([]string{"serve", "--db", db, "--addr", "127.0.0.1:0", c.flag, c.value}, &out)
		var me *motcua.Error
		if !errors.As(err, &me) || me.Field != c.field {
			t.Fatalf("serve %s %s: %v, want a refusal naming %s", c.flag, c.value, err, c.field)
		}
		if _, err := os.Stat(db); !os.IsNotExist(err) {
			t.Fatalf("%s: the database was opened: %v", c.flag, err)
		}
	}
}

// TestStopServingDrains: the instance, listed on the database while it serves, leaves the
// list as it stops; while draining, /readyz answers 503 and every other route still
// serves; then the listener closes.
func TestStopServingDrains(t *testing.T) {
	ctx := context.Background()
	db := sqlstoretest.Open(t, sqlstoretest.SQLiteDSN(t))
	var logs logsink.Buffer
	log := newLogger(&logs, "info")
	srv, err := web.New(ctx, db, log, web.Config{})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	hs := &http.Server{Handler: srv.Handler()}
	go hs.Serve(ln)
	base := "http://" + ln.Addr().String()
	get := func(path string) (int, string, error) {
		resp, err := http.Get(base + path)
		if err != nil {
			return 0, "", err
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(body), nil
	}
	if code, _, err := get("/readyz"); err != nil || code != http.StatusOK {
		t.Fatalf("ready before the drain: %d %v", code, err)
	}
	bg, cancel := context.WithCancel(ctx)
	go srv.Background(bg)
	listed := func() int {
		t.Helper()
		list, err := db.Instances(ctx, time.Now().Add(-time.Hour))
		if err != nil {
			t.Fatal(err)
		}
		return len(list)
	}
	for deadline := time.Now().Add(5 * time.Second); listed() != 1; time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the serving instance is not listed")
		}
	}
	cancel() // as a signal does before stopServing
	stopped := make(chan error, 1)
	go func() { stopped <- stopServing(hs, srv, 500*time.Millisecond, log) }()
	for deadline := time.Now().Add(400 * time.Millisecond); ; time.Sleep(5 * time.Millisecond) {
		code, body, err := get("/readyz")
		if err == nil && code == http.StatusServiceUnavailable && strings.Contains(body, "draining") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("/readyz while draining: %d %s %v", code, body, err)
		}
	}
	if code, _, err := get("/api/v1/procedures?limit=1"); err != nil || code != http.StatusOK {
		t.Fatalf("a request while draining: %d %v", code, err)
	}
	if err := <-stopped; err != nil {
		t.Fatal(err)
	}
	if _, _, err := get("/healthz"); err == nil {
		t.Fatal("still serving after the drain")
	}
	if n := listed(); n != 0 {
		t.Fatalf("%d instances listed after the stop, want 0", n)
	}
	if !strings.Contains(logs.String(), `"msg":"draining: /readyz answers 503 before the server stops","for":"500ms"`) {
		t.Fatalf("log: %s", logs.String())
	}
}
