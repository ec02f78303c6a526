package web_test

import (
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/motcua/motcua/demo"
	"github.com/motcua/motcua/internal/logsink"
	"github.com/motcua/motcua/sqlstore/sqlstoretest"
	"github.com/motcua/motcua/web"
)

// TestRequestIDs: every answer carries an X-Request-ID of its own; a trusted proxy's id is
// kept, anyone else's replaced; a failure of the system answers its id, in the JSON error
// and on the error page, and its log line carries the same id.
func TestRequestIDs(t *testing.T) {
	db := sqlstoretest.Open(t, sqlstoretest.SQLiteDSN(t))
	if _, err := demo.Seed(context.Background(), db); err != nil {
		t.Fatal(err)
	}
	var logs logsink.Buffer
	loopback, _ := web.ParseTrustedProxies(web.DefaultTrustedProxies)
	e := serveEnv(t, db, web.Config{TrustedProxies: loopback}, slog.New(slog.NewJSONHandler(&logs, nil)))

	withID := func(path, id string) string {
		req, _ := http.NewRequest("GET", e.url+path, nil)
		if id != "" {
			req.Header.Set("X-Request-ID", id)
		}
		return e.send(http.DefaultClient, req).header.Get("X-Request-ID")
	}
	a, b := withID("/healthz", ""), withID("/healthz", "")
	if a == "" || b == "" || a == b {
		t.Fatalf("ids %q and %q, want two different ones", a, b)
	}
	if got := withID("/healthz", "lb-7f3a.2"); got != "lb-7f3a.2" {
		t.Fatalf("the proxy's id became %q", got)
	}
	if got := withID("/healthz", "x\"}{\"forged\":1"); got == "" || strings.ContainsAny(got, "\"{}") {
		t.Fatalf("an id that is not a plain token was kept: %q", got)
	}
	untrusted, _ := web.ParseTrustedProxies("10.0.0.0/8")
	direct := serveEnv(t, db, web.Config{TrustedProxies: untrusted}, nil)
	req, _ := http.NewRequest("GET", direct.url+"/healthz", nil)
	req.Header.Set("X-Request-ID", "chosen-by-client")
	if got := e.send(http.DefaultClient, req).header.Get("X-Request-ID"); got == "chosen-by-client" {
		t.Fatal("a client that is no trusted proxy chose its request id")
	}

	// The database goes away. Sessions checked a moment ago are still known: their lists
	// fail (500) with their id. A session not seen yet cannot be read: 503, not a request
	// to sign in again.
	token, unseen := e.token("tiepnhan"), e.token("tiepnhan")
	b2 := e.browser()
	b2.login("tiepnhan")
	if r := e.do("GET", "/api/v1/dossiers", token, nil); r.status != 200 {
		t.Fatalf("list: %d", r.status)
	}
	b2.page(200, "/office")
	db.Close()
	type failure struct {
		Error     string
		Message   string
		RequestID string `json:"request_id"`
	}
	for _, c := range []struct {
		token, code, logged string
		status              int
	}{{token, "internal", "request failed", 500}, {unseen, "unavailable", "sessions unreadable", 503}} {
		r := e.do("GET", "/api/v1/dossiers", c.token, nil)
		var body failure
		json.Unmarshal(r.body, &body)
		if r.status != c.status || body.Error != c.code || body.RequestID == "" ||
			body.RequestID != r.header.Get("X-Request-ID") || !strings.Contains(body.Message, body.RequestID) {
			t.Fatalf("list without a database: %d %s (X-Request-ID %q), want %d %s",
				r.status, r.body, r.header.Get("X-Request-ID"), c.status, c.code)
		}
		if !strings.Contains(logs.String(), `"msg":"`+c.logged+`"`) ||
			!strings.Contains(logs.String(), `"request_id":"`+body.RequestID+`"`) {
			t.Fatalf("no log line %q with id %s:\n%s", c.logged, body.RequestID, logs.String())
		}
	}
	page := b2.get("/office")
	id := page.header.Get("X-Request-ID")
	if page.status != 500 || id == "" || !strings.Contains(string(page.body), "<code>"+id+"</code>") {
		t.Fatalf("failed page: %d, id %q\n%.600s", page.status, id, page.body)
	}
	fresh := e.browser()
	fresh.c.Jar.SetCookies(mustURL(e.url), []*http.Cookie{{Name: "motcua_session", Value: "not-seen-yet"}})
	if page := fresh.get("/office"); page.status != 503 || !strings.Contains(string(page.body), "không cần đăng nhập lại") {
		t.Fatalf("page with an unreadable session: %d\n%.600s", page.status, page.body)
	}
	if page := fresh.get("/procedures"); page.status != 200 {
		t.Fatalf("a public page with an unreadable session: %d", page.status)
	}
}

func mustURL(s string) *url.URL {
	u, err := url.Parse(s)
	if err != nil {
		panic(err)
	}
	return u
}
