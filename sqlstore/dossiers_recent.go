package sqlstore

import (
	"errors"
	"sync"

	"github.com/motcua/motcua/dossier"
)

// recentSize bounds how many dossiers the recent cache keeps: those being worked on now
// (an intake, an officer's session), not the archive.
const recentSize = 1024

// recentDossiers keeps the dossiers this handle stored last, decoded, with the text they
// were stored as and the report fact beside them. A move reads its dossier from here
// instead of decoding it again; the move's transaction compares the stored row with the
// kept one (see claimKept), so a dossier changed elsewhere (another instance, another
// process, the portal worker) is never moved from a stale copy.
type recentDossiers struct {
	mu   sync.Mutex
	byID map[int64]recentDossier
	ring [recentSize]int64 // ids in the order they were first kept; the oldest goes first
	next int
}

type recentDossier struct {
	d    *dossier.Dossier // never handed out: callers get clones
	body string
	fact storedFact
}

// keep remembers d as stored in body, beside fact. d itself stays with the caller. Two
// moves on one dossier may finish in either order here: a copy never replaces a later one.
func (r *recentDossiers) keep(d *dossier.Dossier, body string, fact storedFact) {
	c := d.Clone()
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.byID == nil {
		r.byID = make(map[int64]recentDossier, recentSize)
	}
	if k, ok := r.byID[d.ID]; ok && k.d.LastSeq > d.LastSeq {
		return
	} else if !ok {
		if old := r.ring[r.next]; old != 0 {
			delete(r.byID, old)
		}
		r.ring[r.next] = d.ID
		r.next = (r.next + 1) % recentSize
	}
	r.byID[d.ID] = recentDossier{d: c, body: body, fact: fact}
}

// snapshot returns a clone of the kept dossier id, if any.
func (r *recentDossiers) snapshot(id int64) (*Snapshot, bool) {
	r.mu.Lock()
	k, ok := r.byID[id]
	r.mu.Unlock()
	if !ok {
		return nil, false
	}
	return &Snapshot{D: k.d.Clone(), body: k.body, fact: k.fact, kept: true}, true
}

// text returns the text dossier id was stored as, if the kept copy is the one at seq.
func (r *recentDossiers) text(id int64, seq int) (string, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	k, ok := r.byID[id]
	if !ok || k.d.LastSeq != seq {
		return "", false
	}
	return k.body, true
}

// forget drops id: its kept copy turned out stale.
func (r *recentDossiers) forget(id int64) {
	r.mu.Lock()
	defer r.mu.Unlock()
	// Its ring slot stays until it comes round; deleting then is harmless.
	delete(r.byID, id)
}

// ErrStaleSnapshot is what a move given a kept snapshot (DossierSnapshot) answers when the
// dossier changed elsewhere since this handle stored it. Nothing was written; the caller
// takes a new snapshot, which is read from the database, and tries again.
var ErrStaleSnapshot = errors.New("sqlstore: the dossier changed since it was kept")
