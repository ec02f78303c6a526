package portal

import "time"

// The worker's in-process memory of order: which dossier waits behind which message, and
// which snapshot of each dossier was delivered last.

// hold is a message that has to wait, and so its dossier's later messages with it.
type hold struct {
	id      int64
	next    time.Time // when it is due again
	expires time.Time
}

// heldBack reports whether message id of a dossier must wait behind an earlier one, and
// until when.
func (w *Worker) heldBack(code string, id int64) (time.Time, bool) {
	w.mu.Lock()
	defer w.mu.Unlock()
	h, ok := w.holds[code]
	switch {
	case !ok || id <= h.id:
		return time.Time{}, false
	case w.now().After(h.expires):
		delete(w.holds, code)
		return time.Time{}, false
	}
	return h.next, true
}

// hold makes the dossier's later messages wait behind message id until next.
func (w *Worker) hold(code string, id int64, next time.Time) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if h, ok := w.holds[code]; ok && h.id < id && !w.now().After(h.expires) {
		return
	}
	if w.holds == nil {
		w.holds = map[string]hold{}
	}
	w.holds[code] = hold{id: id, next: next, expires: next.Add(or(w.Lease, 10*time.Minute))}
}

// release lifts the hold of message id once it is delivered or given up.
func (w *Worker) release(code string, id int64) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if h, ok := w.holds[code]; ok && h.id == id {
		delete(w.holds, code)
	}
}

func (w *Worker) deliveredSeq(code string) int {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.delivered[code]
}

func (w *Worker) markDelivered(code string, seq int) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.delivered == nil {
		w.delivered = map[string]int{}
	}
	w.delivered[code] = max(w.delivered[code], seq)
}
