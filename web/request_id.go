package web

import (
	"context"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"strconv"
)

// requestIDKey carries a request's id in its context.
type requestIDKey struct{}

// requestIDOf is the id of the request ctx belongs to, or "".
func requestIDOf(ctx context.Context) string {
	id, _ := ctx.Value(requestIDKey{}).(string)
	return id
}

// requestID gives every request an id, answered in X-Request-ID and written with every log
// line about it, so that one request can be followed across a load balancer's log and
// several instances'. A trusted proxy's own X-Request-ID is kept when it is a plain token
// (letters, digits, '.', '_', '-'; at most 64); any other request gets a new one.
func (s *Server) requestID(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id := r.Header.Get("X-Request-ID")
		if peer, ok := parseHop(clientIP(r)); !ok || !s.trustedProxy(peer) || !plainToken(id) {
			id = strconv.FormatUint(rand.Uint64(), 16)
		}
		w.Header().Set("X-Request-ID", id)
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), requestIDKey{}, id)))
	})
}

func plainToken(s string) bool {
	if s == "" || len(s) > 64 {
		return false
	}
	for _, c := range []byte(s) {
		ok := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-'
		if !ok {
			return false
		}
	}
	return true
}

// requestLogs adds the request's id to every record logged with its context.
type requestLogs struct{ slog.Handler }

func (h requestLogs) Handle(ctx context.Context, rec slog.Record) error {
	if id := requestIDOf(ctx); id != "" {
		rec.AddAttrs(slog.String("request_id", id))
	}
	return h.Handler.Handle(ctx, rec)
}

func (h requestLogs) WithAttrs(attrs []slog.Attr) slog.Handler {
	return requestLogs{h.Handler.WithAttrs(attrs)}
}

func (h requestLogs) WithGroup(name string) slog.Handler {
	return requestLogs{h.Handler.WithGroup(name)}
}
