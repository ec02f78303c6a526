package catalog

import (
	"slices"
	"testing"
	"time"
)

// BenchmarkSearch10k runs the query mix over 10,000 procedures and reports the median
// and 99th percentile latency of single searches, the figures the catalog page is held to.
func BenchmarkSearch10k(b *testing.B) {
	ix := NewIndex(syntheticCatalog(b, 10_000), at(2026, 1, 1, 0))
	queries := withSecondPages(ix, benchQueries)
	lat := make([]time.Duration, 0, 1<<16)
	i := 0
	for b.Loop() {
		start := time.Now()
		ix.Search(queries[i%len(queries)])
		lat = append(lat, time.Since(start))
		i++
	}
	p50, p99 := percentiles(lat)
	b.ReportMetric(float64(p50.Nanoseconds()), "p50-ns")
	b.ReportMetric(float64(p99.Nanoseconds()), "p99-ns")
}

// TestSearchLatency10k measures 10,000 searches. It fails only on a gross regression;
// the benchmark gives the real figures.
func TestSearchLatency10k(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 10,000-procedure catalog")
	}
	ix := NewIndex(syntheticCatalog(t, 10_000), at(2026, 1, 1, 0))
	queries := withSecondPages(ix, benchQueries)
	lat := make([]time.Duration, 10_000)
	for i := range lat {
		start := time.Now()
		ix.Search(queries[i%len(queries)])
		lat[i] = time.Since(start)
	}
	p50, p99 := percentiles(lat)
	t.Logf("10,000 searches over 10,000 procedures: p50 %v, p99 %v", p50, p99)
	if p99 > 20*time.Millisecond {
		t.Errorf("p99 %v", p99)
	}
}

func BenchmarkNewIndex10k(b *testing.B) {
	ps := syntheticCatalog(b, 10_000)
	for b.Loop() {
		NewIndex(ps, at(2026, 1, 1, 0))
	}
}

// withSecondPages adds, for each query with more than one page, the query for its
// second page, so paging is part of the mix.
func withSecondPages(ix *Index, qs []Query) []Query {
	out := slices.Clone(qs)
	for _, q := range qs {
		if next := ix.Search(q).Next; next != "" {
			q.After = next
			out = append(out, q)
		}
	}
	return out
}

func percentiles(lat []time.Duration) (p50, p99 time.Duration) {
	if len(lat) == 0 {
		return 0, 0
	}
	s := slices.Clone(lat)
	slices.Sort(s)
	return s[len(s)*50/100], s[min(len(s)*99/100, len(s)-1)]
}
