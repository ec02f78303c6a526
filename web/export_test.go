package web

import (
	"context"
	"time"
)

// Heartbeat sends one of the heartbeats Background sends (fleet.go).
func (s *Server) Heartbeat(ctx context.Context) { s.heartbeat(ctx) }

// SetWallClock makes the instance read its clock from now (fleet_clock.go).
func (s *Server) SetWallClock(now func() time.Time) {
	s.fleet.mu.Lock()
	defer s.fleet.mu.Unlock()
	s.fleet.wall = now
}
