package web

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"time"

	"github.com/motcua/motcua"
	"github.com/motcua/motcua/dossier"
)

// trackCache keeps recently tracked dossiers, decoded, with their public timeline. An entry
// is keyed by the dossier and the sequence number of its last event; every move raises the
// sequence, so a lookup that reads the sequence (one indexed read) never gets a stale
// dossier. A code whose sequence was read less than trackFresh ago is answered from
// memory alone: moves on this instance drop the dossier at once (forget), so only a move
// on another instance can take up to trackFresh to show.
type trackCache struct {
	mu      sync.Mutex
	entries map[int64]*tracked
	heads   map[string]trackHead // by code
}

// trackHead is a code's dossier and last sequence as read at a time.
type trackHead struct {
	id  int64
	seq int
	at  time.Time
}

// trackFresh is how long a code's last sequence is trusted without reading it again.
const trackFresh = time.Second

// tracked is a dossier as the public lookup knows it; it is never changed once cached,
// but for the API's encoded answer, kept for trackFresh (see trackAnswer).
type tracked struct {
	seq      int
	d        *dossier.Dossier
	timeline []trackEntry
	answer   atomic.Pointer[encodedAnswer]
}

// encodedAnswer is the JSON body of a lookup and the instant its progress was counted at.
type encodedAnswer struct {
	body []byte
	at   time.Time
}

const trackCacheSize = 20000

func (c *trackCache) get(id int64, seq int) *tracked {
	c.mu.Lock()
	defer c.mu.Unlock()
	if t := c.entries[id]; t != nil && t.seq == seq {
		return t
	}
	return nil
}

// fresh returns the cached dossier of code if its sequence was read within trackFresh.
func (c *trackCache) fresh(code string, now time.Time) *tracked {
	c.mu.Lock()
	defer c.mu.Unlock()
	h, ok := c.heads[code]
	if !ok || now.Sub(h.at) >= trackFresh {
		return nil
	}
	if t := c.entries[h.id]; t != nil && t.seq == h.seq {
		return t
	}
	return nil
}

// noteHead records the sequence just read for code.
func (c *trackCache) noteHead(code string, id int64, seq int, now time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.heads == nil || len(c.heads) >= trackCacheSize {
		c.heads = map[string]trackHead{}
	}
	c.heads[code] = trackHead{id, seq, now}
}

// forget drops a dossier that has just moved on this instance.
func (c *trackCache) forget(id int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	delete(c.entries, id)
}

func (c *trackCache) put(id int64, t *tracked) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.entries == nil {
		c.entries = map[int64]*tracked{}
	}
	if len(c.entries) >= trackCacheSize {
		for k := range c.entries { // drop an arbitrary entry: a cache miss only costs a read
			delete(c.entries, k)
			break
		}
	}
	c.entries[id] = t
}

// lookupTracked finds the dossier behind a code, from the cache when it is current.
func (s *Server) lookupTracked(ctx context.Context, code string) (*tracked, error) {
	now := time.Now()
	if t := s.tracking.fresh(code, now); t != nil {
		return t, nil
	}
	id, seq, err := s.db.DossierHead(ctx, code)
	if err != nil {
		return nil, err
	}
	s.tracking.noteHead(code, id, seq, now)
	if t := s.tracking.get(id, seq); t != nil {
		return t, nil
	}
	d, err := s.db.Dossier(ctx, id)
	if err != nil {
		return nil, err
	}
	events, err := s.db.DossierTimeline(ctx, id)
	if err != nil {
		return nil, err
	}
	t := &tracked{seq: d.LastSeq, d: d, timeline: publicTimeline(events)}
	s.tracking.put(id, t)
	return t, nil
}

// findTracked is the public lookup: the dossier a code and a secret open, or nil for a
// wrong code and a wrong secret alike, which the tracking guard counts; a code locked by too many
// wrong secrets gets a trackLockedError.
func (s *Server) findTracked(ctx context.Context, code, secret string) (*tracked, error) {
	now, key := s.cfg.Now(), guardKey(code)
	if key != "" {
		until, err := s.trackLockedUntil(ctx, key, now)
		if err != nil {
			return nil, err
		}
		if until.After(now) {
			return nil, &trackLockedError{until}
		}
	}
	t, err := s.lookupTracked(ctx, code)
	if errors.Is(err, motcua.ErrNotFound) {
		t, err = &tracked{d: &dossier.Dossier{}}, nil
	}
	if err != nil {
		return nil, err
	}
	if !secretMatches(t.d.Applicant, secret) || t.d.Code == "" {
		if key != "" {
			s.trackFailed(ctx, key, now)
		}
		return nil, nil
	}
	return t, nil
}
