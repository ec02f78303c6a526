package web

import (
	"context"
	"log/slog"
	"math"
	"net"
	"net/http"
	"runtime/debug"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/motcua/motcua/sqlstore"
)

type csrfCtxKey struct{}

func withCSRF(ctx context.Context, token string) context.Context {
	return context.WithValue(ctx, csrfCtxKey{}, token)
}

func csrfToken(r *http.Request) string {
	t, _ := r.Context().Value(csrfCtxKey{}).(string)
	return t
}

type metrics struct {
	registry *prometheus.Registry
	requests *prometheus.CounterVec
	duration *prometheus.HistogramVec
}

func newMetrics(reg *prometheus.Registry, db *sqlstore.DB) *metrics {
	m := &metrics{
		registry: reg,
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "motcua_http_requests_total", Help: "HTTP requests by route pattern and status.",
		}, []string{"route", "code"}),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "motcua_http_request_duration_seconds", Help: "HTTP request latency by route pattern.",
			Buckets: []float64{.0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5},
		}, []string{"route"}),
	}
	reg.MustRegister(m.requests, m.duration, collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	reg.MustRegister(newOutboxCollector(db), buildInfo(db.Engine), dbInfo(db))
	// go_sql_* by pool (db_name): connections open, in use, idle, and the waits for one.
	reg.MustRegister(poolStats{db})
	if db.Engine == sqlstore.SQLite {
		reg.MustRegister(
			prometheus.NewCounterFunc(prometheus.CounterOpts{
				Name: "motcua_sqlite_commits_total", Help: "Commits made by the SQLite writer.",
			}, func() float64 { c, _ := db.WriterStats(); return float64(c) }),
			prometheus.NewCounterFunc(prometheus.CounterOpts{
				Name: "motcua_sqlite_transactions_total",
				Help: "Write transactions kept by those commits (several share one commit).",
			}, func() float64 { _, t := db.WriterStats(); return float64(t) }))
	}
	if db.Engine == sqlstore.Postgres {
		reg.MustRegister(
			prometheus.NewCounterFunc(prometheus.CounterOpts{
				Name: "motcua_code_numbers_dealt_total",
				Help: "Dossier code numbers this instance dealt from the last number it knew.",
			}, func() float64 { n, _, _ := db.CodeNumbers(); return float64(n) }),
			prometheus.NewCounterFunc(prometheus.CounterOpts{
				Name: "motcua_code_numbers_taken_total",
				Help: "Dealt code numbers found taken by another instance; each receipt was tried again.",
			}, func() float64 { _, n, _ := db.CodeNumbers(); return float64(n) }),
			prometheus.NewCounterFunc(prometheus.CounterOpts{
				Name: "motcua_code_numbers_locked_total",
				Help: "Dossier code numbers taken under the sequence's row lock.",
			}, func() float64 { _, _, n := db.CodeNumbers(); return float64(n) }),
			prometheus.NewCounterFunc(prometheus.CounterOpts{
				Name: "motcua_db_conflicts_total",
				Help: "Write transactions PostgreSQL rolled back to break a deadlock or a serialization conflict; a dossier's move is tried again.",
			}, func() float64 { return float64(db.Conflicts()) }))
	}
	if db.Replica().Configured {
		reg.MustRegister(
			prometheus.NewGaugeFunc(prometheus.GaugeOpts{
				Name: "motcua_db_replica_serving",
				Help: "1 while the PostgreSQL replica serves the reads that may lag, 0 while they go to the primary.",
			}, func() float64 {
				if db.Replica().Serving {
					return 1
				}
				return 0
			}),
			prometheus.NewGaugeFunc(prometheus.GaugeOpts{
				Name: "motcua_db_replica_lag_seconds",
				Help: "How far the replica was behind the primary at the last check, to within its interval (NaN: unknown).",
			}, func() float64 {
				if lag := db.Replica().Lag; lag >= 0 {
					return lag.Seconds()
				}
				return math.NaN()
			}))
	}
	return m
}

func (m *metrics) handler() http.Handler {
	return promhttp.HandlerFor(m.registry, promhttp.HandlerOpts{})
}

type statusWriter struct {
	http.ResponseWriter
	code int
	// route is the pattern the request matched, noted by the route's own handler (see
	// noteRoute): the router sets it on the request it is handed, and the middleware
	// before it hands on copies.
	route string
}

// noteRoute records r's matched pattern on the statusWriter under w, if there is one.
func noteRoute(w http.ResponseWriter, r *http.Request) {
	for {
		if sw, ok := w.(*statusWriter); ok {
			sw.route = r.Pattern
			return
		}
		u, ok := w.(interface{ Unwrap() http.ResponseWriter })
		if !ok {
			return
		}
		w = u.Unwrap()
	}
}

func (w *statusWriter) WriteHeader(code int) {
	if w.code == 0 {
		w.code = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.code == 0 {
		w.code = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// observe records metrics per route pattern, logs each request, and turns a panic into a
// 500 without taking the server down.
func (s *Server) observe(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w}
		defer func() {
			if v := recover(); v != nil {
				s.log.ErrorContext(r.Context(), "panic", "path", r.URL.Path, "panic", v, "stack", string(debug.Stack()))
				if sw.code == 0 {
					http.Error(sw, "internal error", http.StatusInternalServerError)
				}
			}
			route := sw.route
			if route == "" {
				route = "unmatched"
			}
			elapsed := time.Since(start)
			s.metrics.requests.WithLabelValues(route, strconv.Itoa(sw.code)).Inc()
			s.metrics.duration.WithLabelValues(route).Observe(elapsed.Seconds())
			level := slog.LevelDebug
			switch {
			case sw.code == http.StatusServiceUnavailable: // the store is away: said once already
				level = slog.LevelWarn
			case sw.code >= 500:
				level = slog.LevelError
			}
			s.log.Log(r.Context(), level, "request", "method", r.Method, "path", r.URL.Path,
				"status", sw.code, "ms", float64(elapsed.Microseconds())/1000)
		}()
		next.ServeHTTP(sw, r)
	})
}

func (s *Server) securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "same-origin")
		h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'")
		next.ServeHTTP(w, r)
	})
}

// clientIP is the client's address: the peer's, or behind a trusted proxy the one it
// forwarded (realClient).
func clientIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}
