package loadgen

import (
	"context"
	"sync"
	"sync/atomic"
	"time"
)

// Result is what a run measured.
type Result struct {
	N        int           // operations attempted
	Errors   int           // operations that failed
	Elapsed  time.Duration // wall time of the whole run
	Latency  Latencies     // one entry per successful operation
	FirstErr error
}

// PerSecond is successful operations per second of wall time.
func (r Result) PerSecond() float64 {
	if r.Elapsed <= 0 {
		return 0
	}
	return float64(r.N-r.Errors) / r.Elapsed.Seconds()
}

// Run calls op(i) for i in [0, n) from clients goroutines at once and times each call.
// It stops handing out work when ctx ends.
func Run(ctx context.Context, n, clients int, op func(ctx context.Context, i int) error) Result {
	var next atomic.Int64
	return drive(ctx, max(1, min(clients, n)), func() (int, bool) {
		i := int(next.Add(1)) - 1
		return i, i < n
	}, op)
}

// For calls op from clients goroutines at once until d has passed, and times each call.
func For(ctx context.Context, d time.Duration, clients int, op func(ctx context.Context) error) Result {
	ctx, cancel := context.WithTimeout(ctx, d)
	defer cancel()
	return drive(ctx, max(1, clients), func() (int, bool) { return 0, true },
		func(ctx context.Context, _ int) error { return op(ctx) })
}

// drive runs clients goroutines that each take work from next until it runs out or ctx
// ends, timing every call to op. A call cut short by ctx ending is not a failure.
func drive(ctx context.Context, clients int, next func() (int, bool), op func(ctx context.Context, i int) error) Result {
	var mu sync.Mutex
	var res Result
	var wg sync.WaitGroup
	start := time.Now()
	for range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var local Latencies
			var errs int
			var first error
			for ctx.Err() == nil {
				i, ok := next()
				if !ok {
					break
				}
				t0 := time.Now()
				if err := op(ctx, i); err != nil {
					if ctx.Err() != nil {
						break
					}
					errs++
					if first == nil {
						first = err
					}
					continue
				}
				local = append(local, time.Since(t0))
			}
			mu.Lock()
			res.Latency = append(res.Latency, local...)
			res.Errors += errs
			if res.FirstErr == nil {
				res.FirstErr = first
			}
			mu.Unlock()
		}()
	}
	wg.Wait()
	res.Elapsed = time.Since(start)
	res.N = len(res.Latency) + res.Errors
	return res
}
