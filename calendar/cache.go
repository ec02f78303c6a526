package calendar

import "sync"

// yearCache builds one value per year on first use and keeps it. Concurrent first uses may
// build the same year twice; only one result is kept, which is harmless for pure builders
// and cheaper than holding a lock while computing.
type yearCache[T any] struct {
	m     sync.Map // int → T
	build func(year int) T
}

func (c *yearCache[T]) get(year int) T {
	if v, ok := c.m.Load(year); ok {
		return v.(T)
	}
	v, _ := c.m.LoadOrStore(year, c.build(year))
	return v.(T)
}
