package web

import (
	"net/http"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// clientLimiter keeps a token bucket per client address for public lookups.
type clientLimiter struct {
	perMinute int
	mu        sync.Mutex
	clients   map[string]*limitEntry
	lastSweep time.Time
}

type limitEntry struct {
	lim  *rate.Limiter
	seen time.Time
}

func newClientLimiter(perMinute int) *clientLimiter {
	return &clientLimiter{perMinute: perMinute, clients: map[string]*limitEntry{}}
}

// allow reports whether the client of r may make one more lookup now.
func (l *clientLimiter) allow(r *http.Request) bool {
	if l.perMinute == 0 {
		return true
	}
	now := time.Now()
	key := clientIP(r)
	l.mu.Lock()
	defer l.mu.Unlock()
	if now.Sub(l.lastSweep) > time.Minute {
		for k, e := range l.clients {
			if now.Sub(e.seen) > 10*time.Minute {
				delete(l.clients, k)
			}
		}
		l.lastSweep = now
	}
	e := l.clients[key]
	if e == nil {
		burst := max(1, l.perMinute/4)
		e = &limitEntry{lim: rate.NewLimiter(rate.Limit(float64(l.perMinute)/60), burst)}
		l.clients[key] = e
	}
	e.seen = now
	return e.lim.AllowN(now, 1)
}
