package demo

import (
	"container/heap"
	"time"
)

// event is the next move one case is due to make.
type event struct {
	at  time.Time
	seq int // scheduling order: breaks ties so that equal instants replay identically
	c   *simCase
}

// agenda is the simulation's global event queue, earliest first.
type agenda struct {
	items []event
	seq   int
}

func (a *agenda) Len() int { return len(a.items) }
func (a *agenda) Less(i, j int) bool {
	if !a.items[i].at.Equal(a.items[j].at) {
		return a.items[i].at.Before(a.items[j].at)
	}
	return a.items[i].seq < a.items[j].seq
}
func (a *agenda) Swap(i, j int) { a.items[i], a.items[j] = a.items[j], a.items[i] }
func (a *agenda) Push(x any)    { a.items = append(a.items, x.(event)) }
func (a *agenda) Pop() any {
	n := len(a.items) - 1
	e := a.items[n]
	a.items = a.items[:n]
	return e
}

// schedule queues c's next move at at.
func (a *agenda) schedule(c *simCase, at time.Time) {
	a.seq++
	heap.Push(a, event{at: at, seq: a.seq, c: c})
}

// next takes the earliest event.
func (a *agenda) next() event { return heap.Pop(a).(event) }

// peek is the earliest instant queued.
func (a *agenda) peek() time.Time { return a.items[0].at }
