package web

import (
	"context"
	"errors"
	"sync"

	"github.com/motcua/motcua"
	"github.com/motcua/motcua/dossier"
)

// trackCache keeps recently tracked dossiers, decoded, with their public timeline. An entry
// is keyed by the dossier and the sequence number of its last event; every move raises the
// sequence, so a cached dossier is never stale, on this instance or another. Public lookups
// then cost one indexed read instead of decoding the dossier and its events.
type trackCache struct {
	mu      sync.Mutex
	entries map[int64]*tracked
}

// tracked is a dossier as the public lookup knows it; it is never changed once cached.
type tracked struct {
	seq      int
	d        *dossier.Dossier
	timeline []trackEntry
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
	id, seq, err := s.db.DossierHead(ctx, code)
	if err != nil {
		return nil, err
	}
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
// wrong code and a wrong secret alike.
func (s *Server) findTracked(ctx context.Context, code, secret string) (*tracked, error) {
	t, err := s.lookupTracked(ctx, code)
	if errors.Is(err, motcua.ErrNotFound) {
		t, err = &tracked{d: &dossier.Dossier{}}, nil
	}
	if err != nil {
		return nil, err
	}
	if !secretMatches(t.d.Applicant, secret) || t.d.Code == "" {
		return nil, nil
	}
	return t, nil
}
