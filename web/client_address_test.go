package web_test

import (
	"net/http"
	"net/netip"
	"testing"

	"github.com/motcua/motcua/sqlstore/sqlstoretest"
	"github.com/motcua/motcua/web"
)

// lookup asks the public tracking API as a client behind the given X-Forwarded-For.
func (e *env) lookup(forwardedFor string) int {
	e.t.Helper()
	req, _ := http.NewRequest("GET", e.url+"/api/v1/track?code=KHONG-CO&secret=1234", nil)
	if forwardedFor != "" {
		req.Header.Set("X-Forwarded-For", forwardedFor)
	}
	return e.send(http.DefaultClient, req).status
}

// TestClientsBehindAProxy: behind a trusted proxy each client has its own lookup limit and
// a forged X-Forwarded-For does not buy a fresh one; from a peer that is not trusted the
// header is ignored; /metrics served to loopback is not served to a client the proxy
// forwards.
func TestClientsBehindAProxy(t *testing.T) {
	loopback, err := web.ParseTrustedProxies(web.DefaultTrustedProxies)
	if err != nil {
		t.Fatal(err)
	}
	e := newEnv(t, sqlstoretest.SQLiteDSN(t), web.Config{TrackRate: 4, TrustedProxies: loopback})
	// TrackRate 4 a minute allows one lookup at once per client.
	for _, step := range []struct {
		what, forwardedFor string
		want               int
	}{
		{"client A", "203.0.113.7", http.StatusNotFound},
		{"client A again", "203.0.113.7", http.StatusTooManyRequests},
		{"client B", "198.51.100.9", http.StatusNotFound},
		// Client A writes a header of its own; the proxy appends A's address after it.
		{"client A forging its address", "192.0.2.200, 203.0.113.7", http.StatusTooManyRequests},
		// Two proxies in a row (an edge balancer, then a proxy on this machine).
		{"client C through two proxies", "2001:db8::5, 127.0.0.1", http.StatusNotFound},
		{"client C again, written with a port", "[2001:db8::5]:4711", http.StatusTooManyRequests},
	} {
		if got := e.lookup(step.forwardedFor); got != step.want {
			t.Fatalf("%s (X-Forwarded-For %q): %d, want %d", step.what, step.forwardedFor, got, step.want)
		}
	}

	if r := e.do("GET", "/metrics", "", nil); r.status != http.StatusOK {
		t.Fatalf("/metrics from loopback: %d", r.status)
	}
	req, _ := http.NewRequest("GET", e.url+"/metrics", nil)
	req.Header.Set("X-Forwarded-For", "203.0.113.7")
	if r := e.send(http.DefaultClient, req); r.status != http.StatusForbidden {
		t.Fatalf("/metrics to a forwarded client: %d, want 403", r.status)
	}

	// Trusting only another network: this peer's header is ignored, so every "client"
	// is the peer and shares one limit.
	elsewhere, _ := web.ParseTrustedProxies("10.0.0.0/8")
	u := newEnv(t, sqlstoretest.SQLiteDSN(t), web.Config{TrackRate: 4, TrustedProxies: elsewhere})
	if got := u.lookup("203.0.113.7"); got != http.StatusNotFound {
		t.Fatalf("first lookup: %d", got)
	}
	if got := u.lookup("198.51.100.9"); got != http.StatusTooManyRequests {
		t.Fatalf("an untrusted peer's X-Forwarded-For was believed: %d", got)
	}
}

func TestParseTrustedProxies(t *testing.T) {
	got, err := web.ParseTrustedProxies(" 10.1.2.3, 192.168.0.0/16 ,::1, fd00::/8,")
	want := []netip.Prefix{netip.MustParsePrefix("10.1.2.3/32"), netip.MustParsePrefix("192.168.0.0/16"),
		netip.MustParsePrefix("::1/128"), netip.MustParsePrefix("fd00::/8")}
	if err != nil || len(got) != len(want) {
		t.Fatalf("%v %v", got, err)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("%d: %v, want %v", i, got[i], want[i])
		}
	}
	if none, err := web.ParseTrustedProxies(""); err != nil || len(none) != 0 {
		t.Fatalf("empty: %v %v", none, err)
	}
	if _, err := web.ParseTrustedProxies("10.0.0.0/8,proxy.internal"); err == nil {
		t.Fatal("a host name was taken")
	}
}
