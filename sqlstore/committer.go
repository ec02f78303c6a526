package sqlstore

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"runtime/debug"
	"sync"
	"sync/atomic"
	"time"
)

// maxGroup bounds how many write transactions share one SQLite commit.
const maxGroup = 64

// committer runs SQLite's write transactions on its one writer connection, several at a
// time: whatever callers are waiting when the writer frees up is run in one transaction,
// each caller's work inside a savepoint of its own, and committed once. A caller whose
// work fails is rolled back to its savepoint and sees its error; the others commit. If the
// commit fails, every caller of the group sees the error and nothing of theirs is kept.
// Each caller still gets all or nothing, and the disk sees one commit for many.
type committer struct {
	db   *DB
	reqs chan *txRequest
	quit chan struct{}
	done sync.WaitGroup
	once sync.Once
	// commits counts the commits made and transactions the callers' transactions they
	// kept: how many share a commit, on average, tells how well grouping works.
	commits, transactions atomic.Uint64
}

type txRequest struct {
	ctx  context.Context
	fn   func(*Tx) error
	done chan error
}

var errClosed = errors.New("sqlstore: database closed")

func newCommitter(db *DB) *committer {
	c := &committer{db: db, reqs: make(chan *txRequest), quit: make(chan struct{})}
	c.done.Add(1)
	go c.loop()
	return c
}

// run hands fn to the writer and waits for its outcome. Once handed over, fn runs to the
// end (its statements are not cancelled half way), so the caller always waits for it.
func (c *committer) run(ctx context.Context, fn func(*Tx) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	r := &txRequest{ctx: ctx, fn: fn, done: make(chan error, 1)}
	select {
	case c.reqs <- r:
	case <-ctx.Done():
		return ctx.Err()
	case <-c.quit:
		return errClosed
	}
	return <-r.done
}

func (c *committer) close() {
	c.once.Do(func() { close(c.quit) })
	c.done.Wait()
}

func (c *committer) loop() {
	defer c.done.Done()
	group := make([]*txRequest, 0, maxGroup)
	for {
		select {
		case r := <-c.reqs:
			group = append(group[:0], r)
		case <-c.quit:
			return
		}
		group = c.gather(group)
		c.commit(group)
	}
}

// WriterStats is how many commits SQLite's writer made and how many write transactions
// they held since the database was opened; both are zero on PostgreSQL.
func (db *DB) WriterStats() (commits, transactions uint64) {
	if db.commits == nil {
		return 0, 0
	}
	return db.commits.commits.Load(), db.commits.transactions.Load()
}

// gatherYields bounds how often the writer steps aside before a commit, and gatherBudget
// how long it may have been away before it stops doing so: a long computation elsewhere
// (a report export) must not hold commits back.
const (
	gatherYields = 3
	gatherBudget = 200 * time.Microsecond
)

// gather adds to group the callers already waiting. Then it lets the other goroutines
// run, so that requests about to reach the writer (on a busy machine, handlers that
// already did their reading) join this commit rather than wait a whole one: a commit
// writes every page it changed, so the more transactions share it, the fewer pages each
// one costs. It stops as soon as stepping aside brought no one, or took too long.
func (c *committer) gather(group []*txRequest) []*txRequest {
	start := time.Now()
	for yields := 0; ; yields++ {
		before := len(group)
	drain:
		for len(group) < maxGroup {
			select {
			case r := <-c.reqs:
				group = append(group, r)
			default:
				break drain
			}
		}
		if yields == gatherYields || len(group) == maxGroup || (yields > 0 && len(group) == before) ||
			time.Since(start) > gatherBudget {
			return group
		}
		runtime.Gosched()
	}
}

// commit runs one group in one transaction and answers each caller.
func (c *committer) commit(group []*txRequest) {
	errs := make([]error, len(group))
	answer := func() {
		for i, r := range group {
			r.done <- errs[i]
		}
	}
	failAll := func(err error) {
		for i := range errs {
			if errs[i] == nil {
				errs[i] = err
			}
		}
		answer()
	}
	// The transaction's own context is never cancelled: database/sql rolls a transaction
	// back when its context ends, and one caller leaving must not undo the others.
	tx, err := c.db.write.BeginTx(context.Background(), nil)
	if err != nil {
		failAll(err)
		return
	}
	t := &Tx{db: c.db, tx: tx}
	savepoints := len(group) > 1
	for i, r := range group {
		if err := r.ctx.Err(); err != nil {
			errs[i] = err
			continue
		}
		t.ctx = context.WithoutCancel(r.ctx) // see Tx.ctx
		if savepoints {
			if _, err := t.Exec(t.ctx, `SAVEPOINT grp`); err != nil {
				tx.Rollback()
				failAll(err)
				return
			}
		}
		errs[i] = runGuarded(r.fn, t)
		if !savepoints {
			break
		}
		// A failed caller is undone to its savepoint. If even that fails, SQLite has
		// already rolled the whole transaction back (a full disk, an I/O error): everyone
		// in the group fails.
		if errs[i] != nil {
			if _, err := t.Exec(t.ctx, `ROLLBACK TO grp`); err != nil {
				tx.Rollback()
				failAll(err)
				return
			}
		}
		if _, err := t.Exec(t.ctx, `RELEASE grp`); err != nil {
			tx.Rollback()
			failAll(err)
			return
		}
	}
	if !savepoints && errs[0] != nil {
		tx.Rollback()
		answer()
		return
	}
	if err := tx.Commit(); err != nil {
		failAll(err)
		return
	}
	c.commits.Add(1)
	for _, err := range errs {
		if err == nil {
			c.transactions.Add(1)
		}
	}
	answer()
	// The writer's connection is free again: prepare what the group ran unprepared.
	for _, q := range t.unprepared {
		c.db.writeStmts.get(context.Background(), c.db.write, q)
	}
}

// runGuarded runs fn, turning a panic into an error: fn belongs to a request, and the
// writer that runs it serves every other request too.
func runGuarded(fn func(*Tx) error, t *Tx) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("sqlstore: write transaction panicked: %v\n%s", p, debug.Stack())
		}
	}()
	return fn(t)
}
