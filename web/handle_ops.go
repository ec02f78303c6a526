package web

import (
	"context"
	"net"
	"net/http"
	"time"

	"github.com/motcua/motcua/org"
)

func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

// Drain makes /readyz answer 503 from now on, while every other route keeps serving: a
// load balancer that checks it stops sending new requests before the instance stops.
func (s *Server) Drain() { s.draining.Store(true) }

// readyz answers 200 only while the database answers and the instance is not draining.
func (s *Server) readyz(w http.ResponseWriter, r *http.Request) {
	if s.draining.Load() {
		writeJSON(w, http.StatusServiceUnavailable, map[string]string{"status": "draining"})
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	if err := s.db.Ping(ctx); err != nil {
		writeJSON(w, http.StatusServiceUnavailable, map[string]string{"status": "unavailable"})
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "ready", "engine": string(s.db.Engine)})
}

// metricsEndpoint serves Prometheus metrics to scrapers on the same machine (or the private
// side of a load balancer reached through loopback) and to system administrators.
func (s *Server) metricsEndpoint(w http.ResponseWriter, r *http.Request) {
	ip := net.ParseIP(clientIP(r))
	a := account(r)
	if !(ip != nil && ip.IsLoopback()) && (a == nil || a.Role != org.RoleAdmin) {
		s.apiError(w, r, http.StatusForbidden, "forbidden", "", "Không có quyền xem số liệu vận hành", "Not allowed to read metrics")
		return
	}
	s.metrics.handler().ServeHTTP(w, r)
}
