package web

import (
	"net/http"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// clientLimiter keeps a token bucket per client address for public lookups. The limit is
// for all instances together: each keeps its share, the limit divided by the instances
// alive (see fleet), which a balancer spreading a client's requests over them adds back up.
type clientLimiter struct {
	perMinute int
	mu        sync.Mutex
	instances int
	clients   map[string]*limitEntry
	lastSweep time.Time
}

type limitEntry struct {
	lim  *rate.Limiter
	seen time.Time
}

func newClientLimiter(perMinute int) *clientLimiter {
	return &clientLimiter{perMinute: perMinute, instances: 1, clients: map[string]*limitEntry{}}
}

// rate is this instance's share of the limit, in lookups per client per minute.
func (l *clientLimiter) rate() float64 {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.shareLocked()
}

// shareLocked is rate, with l.mu held.
func (l *clientLimiter) shareLocked() float64 { return float64(l.perMinute) / float64(l.instances) }

// burst is how many lookups a client may make at once here: a quarter of the share (l.mu
// held).
func (l *clientLimiter) burst() int { return max(1, l.perMinute/(4*l.instances)) }

// share divides the limit among n instances; each client's bucket keeps what it has used.
func (l *clientLimiter) share(n int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.instances = max(1, n)
	now := time.Now()
	for _, e := range l.clients {
		e.lim.SetLimitAt(now, rate.Limit(l.shareLocked()/60))
		e.lim.SetBurstAt(now, l.burst())
	}
}

// allow reports whether the client of r may make one more lookup now.
func (l *clientLimiter) allow(r *http.Request) bool {
	return l.allowAt(clientIP(r), time.Now())
}

// allowAt reports whether client may make one more lookup at now.
func (l *clientLimiter) allowAt(client string, now time.Time) bool {
	if l.perMinute == 0 {
		return true
	}
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
	e := l.clients[client]
	if e == nil {
		e = &limitEntry{lim: rate.NewLimiter(rate.Limit(l.shareLocked()/60), l.burst())}
		l.clients[client] = e
	}
	e.seen = now
	return e.lim.AllowN(now, 1)
}
