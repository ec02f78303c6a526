package web_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/motcua/motcua/sqlstore/sqlstoretest"
	"github.com/motcua/motcua/web"
)

// TestReceiptThroughADeadlock: the desk's receipt that PostgreSQL twice rolls back to break
// a deadlock is answered 200 once the third try goes through; one that keeps meeting
// deadlocks is answered 503 with Retry-After, naming the request, and the dossier stays
// as it was, ready to be received when the desk sends it again.
func TestReceiptThroughADeadlock(t *testing.T) {
	dsn := sqlstoretest.PostgresDSN(t)
	e := newEnv(t, dsn, web.Config{})
	citizen, desk := e.token("congdan"), e.token("tiepnhan")
	first, second := e.submitted(citizen), e.submitted(citizen)

	tries := sqlstoretest.Deadlocks(t, dsn, 2)
	if d := e.act(first.ID, "receive", desk, nil, 2); d.Code == "" {
		t.Fatal("received without a code")
	}
	if got := tries(); got != 3 {
		t.Fatalf("the receipt was tried %d times, want 3", got)
	}

	sqlstoretest.Deadlocks(t, dsn, 5)
	r := e.do("POST", fmt.Sprintf("/api/v1/dossiers/%d/receive", second.ID), desk, nil)
	if r.status != http.StatusServiceUnavailable || r.header.Get("Retry-After") == "" ||
		!strings.Contains(string(r.body), r.header.Get("X-Request-ID")) {
		t.Fatalf("a receipt that keeps meeting deadlocks: %d (Retry-After %q) %s", r.status, r.header.Get("Retry-After"), r.body)
	}
	if d := e.call(http.StatusOK, "GET", fmt.Sprintf("/api/v1/dossiers/%d", second.ID), desk, nil); d.Status.Code != 1 || d.Code != "" {
		t.Fatalf("after the failed receipt: status %d, code %q; want 1 and none", d.Status.Code, d.Code)
	}
	sqlstoretest.Deadlocks(t, dsn, 0)
	e.act(second.ID, "receive", desk, nil, 2)
}
