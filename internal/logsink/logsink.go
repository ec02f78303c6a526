// Package logsink holds a log destination for tests: the code under test writes to it from
// its own goroutines while the test reads what was written.
package logsink

import (
	"strings"
	"sync"
)

// Buffer collects what is written to it, safely for any number of goroutines.
type Buffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *Buffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

// String is everything written so far.
func (l *Buffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}
