package web

import (
	"context"
	"strings"
	"sync"
	"time"

	"github.com/motcua/motcua/sqlstore"
)

// The tracking guard bounds guessing a dossier's secret, whatever the number of addresses
// or instances the guesses come from: by default ten wrong secrets for one code within
// fifteen minutes refuse that code's lookups for fifteen minutes (Config.TrackGuard). The
// per-address limit (clientLimiter) slows one client; this stops many. Codes that match no
// dossier are counted alike, so a refusal does not tell that a code exists.
var DefaultTrackGuard = sqlstore.TrackGuard{Failures: 10, Window: 15 * time.Minute, Lock: 15 * time.Minute}

// trackGuardOf is the guard cfg asks for.
func trackGuardOf(cfg Config) sqlstore.TrackGuard {
	if cfg.TrackGuard == nil {
		return DefaultTrackGuard
	}
	return *cfg.TrackGuard
}

// trackLocks keeps each code's lock as last read or set, for trackFresh.
type trackLocks struct {
	mu sync.Mutex
	m  map[string]trackLock
}

type trackLock struct{ until, read time.Time }

// trackLockedError refuses a lookup of a locked code.
type trackLockedError struct{ until time.Time }

func (e *trackLockedError) Error() string {
	return "dossier code locked until " + e.until.Format(time.RFC3339)
}

// guardKey is the code as the guard counts it; "" for input no dossier code can be.
func guardKey(code string) string {
	code = strings.ToUpper(strings.TrimSpace(code))
	if len(code) > 80 {
		return ""
	}
	return code
}

// trackLockedUntil reports until when code is refused: from memory when read within
// trackFresh, else from the database (a replica may serve it).
func (s *Server) trackLockedUntil(ctx context.Context, code string, now time.Time) (time.Time, error) {
	if s.lookupGuard.Failures == 0 {
		return time.Time{}, nil
	}
	s.trackLocks.mu.Lock()
	l, ok := s.trackLocks.m[code]
	s.trackLocks.mu.Unlock()
	if ok && now.Sub(l.read) < trackFresh && !now.Before(l.read) {
		return l.until, nil
	}
	until, err := s.db.TrackLockedUntil(ctx, code)
	if err != nil {
		return time.Time{}, err
	}
	s.rememberLock(code, until, now)
	return until, nil
}

// trackFailed counts a wrong secret for code. The count is a guard, not the answer: when
// it cannot be written the lookup still answers, and the failure is logged.
func (s *Server) trackFailed(ctx context.Context, code string, now time.Time) {
	if s.lookupGuard.Failures == 0 {
		return
	}
	until, err := s.db.TrackFailed(ctx, code, now, s.lookupGuard)
	if err != nil {
		s.log.WarnContext(ctx, "tracking guard not counted", "err", err)
		return
	}
	s.rememberLock(code, until, now)
}

func (s *Server) rememberLock(code string, until, now time.Time) {
	s.trackLocks.mu.Lock()
	defer s.trackLocks.mu.Unlock()
	if s.trackLocks.m == nil || len(s.trackLocks.m) >= trackCacheSize {
		s.trackLocks.m = map[string]trackLock{}
	}
	s.trackLocks.m[code] = trackLock{until, now}
}
