package web_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/motcua/motcua/demo"
	"github.com/motcua/motcua/sqlstore"
	"github.com/motcua/motcua/sqlstore/sqlstoretest"
	"github.com/motcua/motcua/web"
)

// env is a running server on loopback over a real database seeded with the demo data.
type env struct {
	t   *testing.T
	db  *sqlstore.DB
	srv *web.Server
	url string
}

func newEnv(t *testing.T, dsn string, cfg web.Config) *env {
	t.Helper()
	db := sqlstoretest.Open(t, dsn)
	if _, err := demo.Seed(context.Background(), db); err != nil {
		t.Fatal(err)
	}
	return serveEnv(t, db, cfg, nil)
}

// serveEnv runs a server over db (another instance, when db already serves one), logging to
// log or, when nil, to the test's log.
func serveEnv(t *testing.T, db *sqlstore.DB, cfg web.Config, log *slog.Logger) *env {
	t.Helper()
	if log == nil {
		log = slog.New(slog.NewTextHandler(testLogWriter{t}, nil))
	}
	srv, err := web.New(context.Background(), db, log, cfg)
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(srv.Handler())
	t.Cleanup(hs.Close)
	return &env{t: t, db: db, srv: srv, url: hs.URL}
}

// eachEnv runs fn against a demo server on every available engine.
func eachEnv(t *testing.T, fn func(t *testing.T, e *env)) {
	sqlstoretest.Engines(t, func(t *testing.T, dsn string) { fn(t, newEnv(t, dsn, web.Config{})) })
}

type response struct {
	status int
	header http.Header
	body   []byte
}

func (r response) json(t *testing.T, v any) {
	t.Helper()
	if err := json.Unmarshal(r.body, v); err != nil {
		t.Fatalf("decode %s: %v", r.body, err)
	}
}

// do sends a request with an optional bearer token and JSON body.
func (e *env) do(method, path, token string, body any) response {
	e.t.Helper()
	var rd io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		rd = strings.NewReader(b)
	case []byte:
		rd = strings.NewReader(string(b))
	default:
		raw, _ := json.Marshal(b)
		rd = strings.NewReader(string(raw))
	}
	req, _ := http.NewRequest(method, e.url+path, rd)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	if rd != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	return e.send(http.DefaultClient, req)
}

func (e *env) send(c *http.Client, req *http.Request) response {
	e.t.Helper()
	resp, err := c.Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return response{resp.StatusCode, resp.Header, b}
}

// token signs in through the API.
func (e *env) token(username string) string {
	e.t.Helper()
	r := e.do("POST", "/api/v1/auth/token", "", map[string]string{"username": username, "password": demo.Password})
	if r.status != 200 {
		e.t.Fatalf("token for %s: %d %s", username, r.status, r.body)
	}
	var out struct{ Token string }
	r.json(e.t, &out)
	return out.Token
}

// browser is a cookie-keeping client that follows the pages like a person.
type browser struct {
	e *env
	c *http.Client
}

func (e *env) browser() *browser {
	jar, _ := cookiejar.New(nil)
	return &browser{e: e, c: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error {
		return http.ErrUseLastResponse
	}}}
}

var csrfInput = regexp.MustCompile(`name="csrf_token" value="([^"]+)"`)

func (b *browser) get(path string) response {
	req, _ := http.NewRequest("GET", b.e.url+path, nil)
	return b.e.send(b.c, req)
}

// csrf fetches a page and returns the token its forms carry.
func (b *browser) csrf() string {
	b.e.t.Helper()
	r := b.get("/login")
	m := csrfInput.FindSubmatch(r.body)
	if m == nil {
		b.e.t.Fatalf("no CSRF token on the login page")
	}
	return string(m[1])
}

func (b *browser) post(path string, form url.Values) response {
	req, _ := http.NewRequest("POST", b.e.url+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return b.e.send(b.c, req)
}

func (b *browser) login(username string) {
	b.e.t.Helper()
	r := b.post("/login", url.Values{"username": {username}, "password": {demo.Password}, "csrf_token": {b.csrf()}})
	if r.status != http.StatusSeeOther {
		b.e.t.Fatalf("login %s: %d %s", username, r.status, r.body)
	}
}

// testLogWriter sends the server's log to the test's log, shown only when a test fails.
type testLogWriter struct{ t *testing.T }

func (w testLogWriter) Write(p []byte) (int, error) {
	w.t.Log(strings.TrimSpace(string(p)))
	return len(p), nil
}

func discardLogger(w io.Writer) *slog.Logger {
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: slog.LevelError}))
}

// formFile is one file of a multipart form: its field, file name and content.
type formFile struct {
	field, name string
	content     []byte
}

// multipartPost is a POST of fields and files to url as multipart/form-data, as a browser
// sends an upload form.
func multipartPost(url string, fields map[string]string, files ...formFile) *http.Request {
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for k, v := range fields {
		mw.WriteField(k, v)
	}
	for _, f := range files {
		fw, _ := mw.CreateFormFile(f.field, f.name)
		fw.Write(f.content)
	}
	mw.Close()
	req, _ := http.NewRequest("POST", url, &buf)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	return req
}
