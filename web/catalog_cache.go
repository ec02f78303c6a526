package web

import (
	"context"
	"sync"
	"sync/atomic"
	"time"

	"github.com/motcua/motcua"
	"github.com/motcua/motcua/calendar"
	"github.com/motcua/motcua/catalog"
	"github.com/motcua/motcua/sqlstore"
)

// catalogCache keeps the search index of the catalog in memory. Every change bumps the
// catalog revision in the database; each instance compares it every few seconds (and at
// once after its own changes) and rebuilds the index wholesale, so searches never touch
// the database and never take a lock.
type catalogCache struct {
	db    *sqlstore.DB
	mu    sync.Mutex // serialises rebuilds
	state atomic.Pointer[catalogState]
	// checked is when (Unix nanoseconds) the revision was last found unchanged; for
	// catalogFresh after that, procedure trusts the copy without asking again.
	checked atomic.Int64
}

// catalogFresh is how long a filing trusts the catalog it checked last: a version
// published on another instance applies to drafts filed here at most this much later
// (changes made here apply at once, as they rebuild the copy).
const catalogFresh = time.Second

type catalogState struct {
	rev   int64
	day   calendar.Date // abolitions take effect by day, so a new day rebuilds too
	index *catalog.Index
	procs map[string]*catalog.Procedure // by code; shared, read only
}

func newCatalogCache(ctx context.Context, db *sqlstore.DB) (*catalogCache, error) {
	c := &catalogCache{db: db}
	return c, c.reload(ctx, true)
}

func (c *catalogCache) index() *catalog.Index { return c.state.Load().index }

func (c *catalogCache) refresh(ctx context.Context) error { return c.reload(ctx, false) }

func (c *catalogCache) reload(ctx context.Context, force bool) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	rev, err := c.db.Revision(ctx, sqlstore.RevisionCatalog)
	if err != nil {
		return err
	}
	now := time.Now()
	today := calendar.DateOf(now.In(calendar.Vietnam))
	if st := c.state.Load(); !force && st != nil && st.rev == rev && st.day == today {
		c.checked.Store(now.UnixNano())
		return nil
	}
	ps, err := c.db.Procedures(ctx)
	if err != nil {
		return err
	}
	procs := make(map[string]*catalog.Procedure, len(ps))
	for i := range ps {
		procs[ps[i].Code] = &ps[i]
	}
	c.state.Store(&catalogState{rev: rev, day: today, index: catalog.NewIndex(ps, now), procs: procs})
	c.checked.Store(now.UnixNano())
	return nil
}

// procedure returns the procedure with the given code as the database holds it now (as
// checked within catalogFresh): a read of the catalog revision, and the cached copy while
// that has not moved. The result is shared: callers read it and never change it.
func (c *catalogCache) procedure(ctx context.Context, code string) (*catalog.Procedure, error) {
	now := time.Now()
	today := calendar.DateOf(now.In(calendar.Vietnam))
	st := c.state.Load()
	if now.UnixNano()-c.checked.Load() >= int64(catalogFresh) || st.day != today {
		rev, err := c.db.Revision(ctx, sqlstore.RevisionCatalog)
		if err != nil {
			return nil, err
		}
		if st.rev != rev || st.day != today {
			if err := c.reload(ctx, false); err != nil {
				return nil, err
			}
			st = c.state.Load()
		} else {
			c.checked.Store(now.UnixNano())
		}
	}
	p, ok := st.procs[code]
	if !ok {
		return nil, motcua.NotFound("không có thủ tục "+code, "no procedure "+code)
	}
	return p, nil
}
