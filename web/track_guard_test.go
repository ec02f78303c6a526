package web_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
	"sync/atomic"
	"testing"
	"time"

	"github.com/motcua/motcua/sqlstore"
	"github.com/motcua/motcua/sqlstore/sqlstoretest"
	"github.com/motcua/motcua/web"
)

// TestTrackGuardLocksACode: ten wrong secrets for one code, from any address and any
// instance, refuse that code's lookups for fifteen minutes, the right secret included; a
// code that matches no dossier is refused alike; other codes still answer; the page says
// until when.
func TestTrackGuardLocksACode(t *testing.T) {
	sqlstoretest.Engines(t, func(t *testing.T, dsn string) {
		var now atomic.Int64
		now.Store(time.Now().UnixNano())
		clock := func() time.Time { return time.Unix(0, now.Load()) }
		e := newEnv(t, dsn, web.Config{TrackRate: 0, Now: clock})
		citizen, desk := e.token("congdan"), e.token("tiepnhan")
		d, other := e.received(citizen, desk), e.received(citizen, desk)
		track := func(e *env, code, secret string) response {
			return e.do("GET", "/api/v1/track?code="+url.QueryEscape(code)+"&secret="+secret, "", nil)
		}
		for _, code := range []string{d.Code, "000.00.00.H50-991231-0001"} {
			for i := range 10 {
				if r := track(e, code, "0000"); r.status != http.StatusNotFound {
					t.Fatalf("%s, wrong secret %d: %d %s", code, i+1, r.status, r.body)
				}
			}
			r := track(e, code, "0912345678")
			var body struct{ Error, Field, Message string }
			json.Unmarshal(r.body, &body)
			wait, _ := strconv.Atoi(r.header.Get("Retry-After"))
			if r.status != http.StatusTooManyRequests || body.Field != "code" || wait < 890 || wait > 900 {
				t.Fatalf("%s after ten wrong secrets: %d %s (Retry-After %q)", code, r.status, r.body, r.header.Get("Retry-After"))
			}
		}
		if r := track(e, other.Code, "0912345678"); r.status != http.StatusOK {
			t.Fatalf("another dossier: %d %s", r.status, r.body)
		}

		// Another instance on the same database refuses the code too.
		second := serveEnv(t, e.db, web.Config{TrackRate: 0, Now: clock}, nil)
		if r := track(second, d.Code, "0912345678"); r.status != http.StatusTooManyRequests {
			t.Fatalf("the other instance: %d %s", r.status, r.body)
		}
		b := second.browser()
		page := b.submit("/track", url.Values{"code": {d.Code}, "secret": {"0912345678"}})
		if page.status != http.StatusTooManyRequests {
			t.Fatalf("the page: %d", page.status)
		}
		wantIn(t, string(page.body), "thông tin xác minh sai quá nhiều lần")

		now.Add(int64(15*time.Minute + 2*time.Second))
		if r := track(e, d.Code, "0912345678"); r.status != http.StatusOK {
			t.Fatalf("after the lock: %d %s", r.status, r.body)
		}
	})
}

// TestTrackGuardSettings: the number of wrong secrets that lock a code and how long are
// settings; none never locks.
func TestTrackGuardSettings(t *testing.T) {
	e := newEnv(t, sqlstoretest.SQLiteDSN(t), web.Config{TrackGuard: &sqlstore.TrackGuard{Failures: 3, Window: 2 * time.Minute, Lock: 2 * time.Minute}})
	citizen, desk := e.token("congdan"), e.token("tiepnhan")
	d := e.received(citizen, desk)
	track := func(e *env, secret string) response {
		return e.do("GET", "/api/v1/track?code="+url.QueryEscape(d.Code)+"&secret="+secret, "", nil)
	}
	for range 3 {
		track(e, "0000")
	}
	r := track(e, "0912345678")
	wait, _ := strconv.Atoi(r.header.Get("Retry-After"))
	if r.status != http.StatusTooManyRequests || wait < 110 || wait > 120 {
		t.Fatalf("after three wrong secrets: %d %s (Retry-After %q)", r.status, r.body, r.header.Get("Retry-After"))
	}

	never := serveEnv(t, e.db, web.Config{TrackGuard: &sqlstore.TrackGuard{}}, nil)
	other := e.received(citizen, desk)
	d = other
	for i := range 15 {
		if r := track(never, "0000"); r.status != http.StatusNotFound {
			t.Fatalf("wrong secret %d with the guard off: %d %s", i+1, r.status, r.body)
		}
	}
	if r := track(never, "0912345678"); r.status != http.StatusOK {
		t.Fatalf("the right secret with the guard off: %d %s", r.status, r.body)
	}
}
