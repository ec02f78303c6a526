package loadgen

import (
	"math"
	"slices"
	"time"
)

// Latencies are measured durations, in no particular order.
type Latencies []time.Duration

// Percentile returns the p-th percentile (0 < p ≤ 100) by the nearest-rank method, or 0
// when there are no samples.
func (l Latencies) Percentile(p float64) time.Duration {
	if len(l) == 0 {
		return 0
	}
	s := slices.Clone(l)
	slices.Sort(s)
	return nearestRank(s, p)
}

func nearestRank(sorted Latencies, p float64) time.Duration {
	rank := int(math.Ceil(p / 100 * float64(len(sorted))))
	return sorted[min(max(rank, 1), len(sorted))-1]
}

// Summary is the usual set of percentiles.
type Summary struct {
	Count         int
	P50, P90, P99 time.Duration
	Max           time.Duration
}

// Summarize computes p50, p90, p99 and the maximum in one sort.
func (l Latencies) Summarize() Summary {
	if len(l) == 0 {
		return Summary{}
	}
	s := slices.Clone(l)
	slices.Sort(s)
	return Summary{Count: len(s), P50: nearestRank(s, 50), P90: nearestRank(s, 90), P99: nearestRank(s, 99), Max: s[len(s)-1]}
}
