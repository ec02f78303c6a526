package web

import (
	"context"
	"sync"
	"time"

	"github.com/motcua/motcua/org"
)

// sessionCacheTTL is how long a looked-up session is trusted without asking the database again.
// A sign-out or a disabled account on this instance takes effect at once (the cache is
// cleared); on another instance it takes effect within this time.
const sessionCacheTTL = 3 * time.Second

// maxCachedSessions bounds the cache; a full cache starts over.
const maxCachedSessions = 20000

// sessionCache keeps recently seen sessions by token and kind, so a client sending many
// requests with one bearer token costs one database read every few seconds.
type sessionCache struct {
	mu      sync.Mutex
	entries map[sessionKey]sessionEntry
}

type sessionKey struct{ token, kind string }

type sessionEntry struct {
	account org.Account
	until   time.Time
}

// account returns the session's account, from the cache while it is fresh, else from load.
func (c *sessionCache) account(ctx context.Context, token, kind string,
	load func(ctx context.Context, token, kind string) (org.Account, error)) (*org.Account, error) {
	k := sessionKey{token, kind}
	now := time.Now()
	c.mu.Lock()
	e, ok := c.entries[k]
	c.mu.Unlock()
	if ok && now.Before(e.until) {
		a := e.account // each request gets its own copy
		return &a, nil
	}
	a, err := load(ctx, token, kind)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	if c.entries == nil || len(c.entries) >= maxCachedSessions {
		c.entries = map[sessionKey]sessionEntry{}
	}
	c.entries[k] = sessionEntry{account: a, until: now.Add(sessionCacheTTL)}
	c.mu.Unlock()
	return &a, nil
}

// forget drops every cached session: after a sign-out, or a change to an account.
func (c *sessionCache) forget() {
	c.mu.Lock()
	c.entries = nil
	c.mu.Unlock()
}
