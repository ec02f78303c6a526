package web

import (
	"net"
	"net/http"
	"net/netip"
	"strings"

	"github.com/motcua/motcua"
)

// DefaultTrustedProxies are the addresses whose X-Forwarded-For is believed unless
// configured otherwise: a reverse proxy on the same machine.
const DefaultTrustedProxies = "127.0.0.0/8,::1/128"

// ParseTrustedProxies reads a comma-separated list of addresses and CIDR ranges; "" is
// none.
func ParseTrustedProxies(list string) ([]netip.Prefix, error) {
	var out []netip.Prefix
	for _, part := range strings.Split(list, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		p, err := netip.ParsePrefix(part)
		if err != nil {
			a, aerr := netip.ParseAddr(part)
			if aerr != nil {
				return nil, motcua.Invalid("trusted-proxies", "địa chỉ proxy không hợp lệ: "+part,
					"not an address or CIDR range: "+part)
			}
			p = netip.PrefixFrom(a.Unmap(), a.Unmap().BitLen())
		}
		out = append(out, p.Masked())
	}
	return out, nil
}

// realClient puts the client's own address in RemoteAddr when the request came through a
// trusted reverse proxy, so that rate limits, sign-in throttling, logs and the loopback
// check of /metrics see the client rather than the proxy. X-Forwarded-For is read from the
// right, the end the proxies append to: trusted proxies are skipped and the first address
// that is not one is the client. A client's own X-Forwarded-For reaching a trusted proxy
// stays to the left of what that proxy appends, and is never believed; from any other
// peer the header is ignored.
func (s *Server) realClient(next http.Handler) http.Handler {
	if len(s.cfg.TrustedProxies) == 0 {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if peer, ok := parseHop(clientIP(r)); ok && s.trustedProxy(peer) {
			if client, ok := s.forwardedFor(r.Header.Values("X-Forwarded-For")); ok && client != peer {
				r.RemoteAddr = net.JoinHostPort(client.String(), "0")
			}
		}
		next.ServeHTTP(w, r)
	})
}

// forwardedFor is the client address X-Forwarded-For names, read from the right.
func (s *Server) forwardedFor(values []string) (netip.Addr, bool) {
	hops := strings.Split(strings.Join(values, ","), ",")
	var client netip.Addr
	for i := len(hops) - 1; i >= 0; i-- {
		a, ok := parseHop(hops[i])
		if !ok {
			break // what a hop wrote is unreadable: the last readable one stands
		}
		client = a
		if !s.trustedProxy(a) {
			break
		}
	}
	return client, client.IsValid()
}

func (s *Server) trustedProxy(a netip.Addr) bool {
	for _, p := range s.cfg.TrustedProxies {
		if p.Contains(a) {
			return true
		}
	}
	return false
}

// parseHop reads one address of X-Forwarded-For or RemoteAddr: "203.0.113.7",
// "2001:db8::1", or either with a port ("203.0.113.7:4711", "[2001:db8::1]:4711").
func parseHop(s string) (netip.Addr, bool) {
	s = strings.TrimSpace(s)
	a, err := netip.ParseAddr(s)
	if err != nil {
		ap, perr := netip.ParseAddrPort(s)
		if perr != nil {
			return netip.Addr{}, false
		}
		a = ap.Addr()
	}
	return a.Unmap().WithZone(""), true
}
