package web_test

import (
	"context"
	"encoding/json"
	"net/http"
	"testing"

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
	// Once writes are taken again, the same request goes through.
	primary.fileDraft(citizen, "")
}
