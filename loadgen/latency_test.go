package loadgen

import (
	"context"
	"errors"
	"testing"
	"time"
)

func TestPercentilesByNearestRank(t *testing.T) {
	var l Latencies
	for i := 100; i >= 1; i-- {
		l = append(l, time.Duration(i)*time.Millisecond)
	}
	s := l.Summarize()
	if s.P50 != 50*time.Millisecond || s.P90 != 90*time.Millisecond || s.P99 != 99*time.Millisecond || s.Max != 100*time.Millisecond {
		t.Fatalf("summary %+v", s)
	}
	if got := (Latencies{7}).Percentile(99); got != 7 {
		t.Fatalf("one sample: %v", got)
	}
	if got := (Latencies{}).Summarize(); got.Count != 0 {
		t.Fatalf("no samples: %+v", got)
	}
}

func TestRunDoesEachOperationOnce(t *testing.T) {
	seen := make([]int, 50)
	res := Run(context.Background(), 50, 8, func(_ context.Context, i int) error {
		seen[i]++ // each index is handed to one goroutine only
		if i%10 == 0 {
			return errors.New("boom")
		}
		return nil
	})
	for i, n := range seen {
		if n != 1 {
			t.Fatalf("operation %d ran %d times", i, n)
		}
	}
	if res.N != 50 || res.Errors != 5 || len(res.Latency) != 45 || res.FirstErr == nil {
		t.Fatalf("result %+v", res)
	}
}

func TestForStopsAtTheDeadline(t *testing.T) {
	start := time.Now()
	res := For(context.Background(), 50*time.Millisecond, 4, func(ctx context.Context) error {
		time.Sleep(time.Millisecond)
		return nil
	})
	if el := time.Since(start); el > time.Second || res.N == 0 || res.Errors != 0 {
		t.Fatalf("ran %v, result %+v", el, res)
	}
}
