package web

import "context"

// Heartbeat sends one of the heartbeats Background sends (fleet.go).
func (s *Server) Heartbeat(ctx context.Context) { s.heartbeat(ctx) }
