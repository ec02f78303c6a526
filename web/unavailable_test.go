package web_test

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/motcua/motcua/demo"
	"github.com/motcua/motcua/internal/logsink"
	"github.com/motcua/motcua/sqlstore"
	"github.com/motcua/motcua/sqlstore/sqlstoretest"
	"github.com/motcua/motcua/web"
)

// TestWritesWhileTheDatabaseIsReadOnly: an instance whose PostgreSQL takes no writes (a
// fail-over under way, or a URL reaching a standby) starts, serves reads, and answers
// writes 503 with Retry-After, naming the request; nothing is written.
func TestWritesWhileTheDatabaseIsReadOnly(t *testing.T) {
	dsn := sqlstoretest.PostgresDSN(t)
	primary := newEnv(t, dsn, web.Config{})
	citizen := primary.token("congdan")
	db, err := sqlstore.Open(context.Background(), dsn+"&default_transaction_read_only=on")
	if err != nil {
		t.Fatalf("an instance on a read-only database does not start: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	e := serveEnv(t, db, web.Config{}, nil)

	if r := e.do("GET", "/api/v1/dossiers", citizen, nil); r.status != http.StatusOK {
		t.Fatalf("a read: %d %s", r.status, r.body)
	}
	r := e.do("POST", "/api/v1/dossiers", citizen, map[string]any{"procedure_code": demoProcedure})
	var body struct {
		Error     string
		RequestID string `json:"request_id"`
	}
	json.Unmarshal(r.body, &body)
	if r.status != http.StatusServiceUnavailable || body.Error != "unavailable" || r.header.Get("Retry-After") == "" ||
		body.RequestID != r.header.Get("X-Request-ID") {
		t.Fatalf("a write: %d %s (Retry-After %q)", r.status, r.body, r.header.Get("Retry-After"))
	}
	var list struct{ Items []struct{ ID int64 } }
	primary.do("GET", "/api/v1/dossiers", citizen, nil).json(t, &list)
	if len(list.Items) != 0 {
		t.Fatalf("%d dossiers after a refused write", len(list.Items))
	}
	// Signing in on the pages writes a session: refused alike, with the page's 503.
	b := e.browser()
	page := b.post("/login", url.Values{"username": {"congdan"}, "password": {demo.Password}, "csrf_token": {b.csrf()}})
	if page.status != http.StatusServiceUnavailable || page.header.Get("Retry-After") == "" {
		t.Fatalf("a sign-in on the pages: %d", page.status)
	}
	// Once writes are taken again, the same request goes through.
	primary.fileDraft(citizen, "")
}

// TestWaitsThatRunOut: a move that waits for a row another transaction holds answers 503
// with Retry-After once it waits past the server's lock_timeout or statement_timeout
// (set in the URL), and changes nothing. A client that gives up first is no failure of
// the system: it is logged at Info and counted as 499, never as an error.
func TestWaitsThatRunOut(t *testing.T) {
	dsn := sqlstoretest.PostgresDSN(t)
	primary := newEnv(t, dsn, web.Config{})
	citizen := primary.token("congdan")
	draft := primary.fileDraft(citizen, "")

	holder, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Close()
	tx, err := holder.Begin()
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if _, err := tx.Exec(`SELECT id FROM dossiers WHERE id = $1 FOR UPDATE`, draft.ID); err != nil {
		t.Fatal(err)
	}
	submit := fmt.Sprintf("/api/v1/dossiers/%d/submit", draft.ID)

	for _, setting := range []string{"lock_timeout=200", "statement_timeout=200"} {
		db, err := sqlstore.Open(context.Background(), dsn+"&"+setting)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		var logs logsink.Buffer
		e := serveEnv(t, db, web.Config{}, slog.New(slog.NewJSONHandler(&logs, nil)))
		r := e.do("POST", submit, citizen, nil)
		if r.status != http.StatusServiceUnavailable || r.header.Get("Retry-After") == "" {
			t.Fatalf("%s: a move past it answered %d %s", setting, r.status, r.body)
		}
		if strings.Contains(logs.String(), `"level":"ERROR"`) {
			t.Fatalf("%s: logged as an error:\n%s", setting, logs.String())
		}
	}

	var logs logsink.Buffer
	e := serveEnv(t, primary.db, web.Config{}, slog.New(slog.NewJSONHandler(&logs, nil)))
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, "POST", e.url+submit, nil)
	req.Header.Set("Authorization", "Bearer "+citizen)
	if resp, err := http.DefaultClient.Do(req); err == nil {
		resp.Body.Close()
		t.Fatalf("the impatient client got an answer: %d", resp.StatusCode)
	}
	gone := `"level":"INFO","msg":"the client went away before the answer"`
	for deadline := time.Now().Add(10 * time.Second); !strings.Contains(logs.String(), gone); {
		if time.Now().After(deadline) {
			t.Fatalf("no request logged as given up:\n%s", logs.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
	if strings.Contains(logs.String(), `"level":"ERROR"`) || strings.Contains(logs.String(), `"level":"WARN"`) {
		t.Fatalf("a client that gave up, logged as:\n%s", logs.String())
	}
	metrics := e.do("GET", "/metrics", "", nil)
	if !strings.Contains(string(metrics.body), `motcua_http_requests_total{code="499",route="POST /api/v1/dossiers/{id}/submit"} 1`) {
		t.Fatalf("499 not counted:\n%s", metrics.body)
	}

	tx.Rollback()
	var d struct{ Status struct{ Code int } }
	primary.do("GET", fmt.Sprintf("/api/v1/dossiers/%d", draft.ID), citizen, nil).json(t, &d)
	if d.Status.Code != draft.Status.Code {
		t.Fatalf("the refused moves changed the dossier: status %d, was %d", d.Status.Code, draft.Status.Code)
	}
	if r := primary.do("POST", submit, citizen, nil); r.status != http.StatusOK {
		t.Fatalf("the move once the row is free: %d %s", r.status, r.body)
	}
}
