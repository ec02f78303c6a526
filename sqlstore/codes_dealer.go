package sqlstore

import (
	"context"
	"sync"
	"sync/atomic"
	"time"
)

// The dealer of dossier code numbers on PostgreSQL: what an instance knows of each unit's
// daily sequence, and whose turn it is to be dealt a number (see codes.go).

// codeDealer is an instance's knowledge of the code sequences it deals from.
type codeDealer struct {
	mu   sync.Mutex
	seqs map[[2]string]*codeSequence
	// dealt, taken and locked count numbers dealt, dealt numbers found taken, and
	// numbers taken under lock.
	dealt, taken, locked atomic.Int64
}

// CodeNumbers counts, since the handle opened, the code numbers dealt by this instance,
// the dealt ones found taken (each cost a second try), and those taken under lock
// (PostgreSQL; all zero on SQLite).
func (db *DB) CodeNumbers() (dealt, taken, locked int64) {
	return db.codes.dealt.Load(), db.codes.taken.Load(), db.codes.locked.Load()
}

// codeSequence is one unit's sequence of one day. Its turn is held by the receipt being
// dealt a number until that number is on its way to the server, so numbers reach the
// server in the order they were dealt. gen counts what the dealer learned: a failure
// makes it forget the last number only if nothing was learned since.
type codeSequence struct {
	turn  chan struct{}
	mu    sync.Mutex
	last  int
	known bool
	gen   int
	// inFlight is the dossier whose receipt took the last number (dealt or under lock),
	// until its transaction ends.
	inFlight int64
	// lockUntil: a dealt number was found taken, so another instance is receiving for
	// the unit too; until then numbers are taken under lock, as dealing would mostly miss.
	lockUntil time.Time
}

// contendedFor is how long a sequence whose dealt number was found taken is taken under
// lock before its instance deals again.
const contendedFor = time.Second

// takenElsewhere notes that a number dealt at now was found taken.
func (s *codeSequence) takenElsewhere(now time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.lockUntil = now.Add(contendedFor)
}

func (c *codeDealer) sequence(unit, day string) *codeSequence {
	c.mu.Lock()
	defer c.mu.Unlock()
	key := [2]string{unit, day}
	if s, ok := c.seqs[key]; ok {
		return s
	}
	if c.seqs == nil {
		c.seqs = map[[2]string]*codeSequence{}
	}
	for k := range c.seqs {
		if k[1] < day {
			delete(c.seqs, k) // an earlier day is over
		}
	}
	s := &codeSequence{turn: make(chan struct{}, 1)}
	s.turn <- struct{}{}
	c.seqs[key] = s
	return s
}

// forget marks the unit's last number of the day unknown, after a write to the sequence
// that did not go through the dealer.
func (c *codeDealer) forget(unit, day string) {
	c.mu.Lock()
	s := c.seqs[[2]string{unit, day}]
	c.mu.Unlock()
	if s != nil {
		s.mu.Lock()
		defer s.mu.Unlock()
		s.gen++
		s.known = false
	}
}

// take waits for the turn.
func (s *codeSequence) take(ctx context.Context) error {
	select {
	case <-s.turn:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (s *codeSequence) give() { s.turn <- struct{}{} }

// state is what the holder of the turn deals from at now: the knowledge's gen, the last
// number, whether to deal the next (it is known, and no dealt number was found taken in
// the last contendedFor), and the dossier whose receipt took the last number if its
// transaction is still open.
func (s *codeSequence) state(now time.Time) (gen, last int, deal bool, inFlight int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.gen, s.last, s.known && !now.Before(s.lockUntil), s.inFlight
}

// dealt counts n as taken, by a receipt of dossier id.
func (s *codeSequence) dealt(n int, id int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.last, s.inFlight = n, id
}

// settled notes that the receipt of dossier id has ended.
func (s *codeSequence) settled(id int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.inFlight == id {
		s.inFlight = 0
	}
}

// learn records n, taken under lock by the receipt of dossier id, and returns the
// knowledge's gen. The next number dealt waits for that receipt's transaction: a
// sequence row its upsert created is invisible to others until it commits. Receipts that
// took their numbers under lock at the same time may report them in any order, and
// numbers may have been dealt past n meanwhile: the dealer never goes back.
func (s *codeSequence) learn(n int, id int64) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.known || n > s.last {
		s.gen++
		s.last, s.known, s.inFlight = n, true, id
	}
	return s.gen
}

// forget marks the last number unknown, unless it was learned again since gen.
func (s *codeSequence) forget(gen int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.gen == gen {
		s.gen++
		s.known = false
	}
}
