package scaletest

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// balancer is a small HTTP load balancer in front of motcua instances, as a deployment
// puts one: it sends each request to the next instance whose /readyz answered 200 at its
// last check (every 100 ms), and adds X-Forwarded-For.
type balancer struct {
	URL      string
	mu       sync.Mutex
	backends []*backend
	next     atomic.Uint64
	proxy    *httputil.ReverseProxy
	stop     chan struct{}
}

type backend struct {
	url    *url.URL
	ready  atomic.Bool
	served atomic.Int64
}

type backendKey struct{}

func startBalancer(t *testing.T) *balancer {
	t.Helper()
	b := &balancer{stop: make(chan struct{})}
	b.proxy = &httputil.ReverseProxy{
		Rewrite: func(pr *httputil.ProxyRequest) {
			pr.SetURL(pr.In.Context().Value(backendKey{}).(*url.URL))
			pr.SetXForwarded()
		},
		Transport: &http.Transport{MaxIdleConnsPerHost: 64, IdleConnTimeout: 30 * time.Second},
	}
	hs := httptest.NewServer(http.HandlerFunc(b.serve))
	b.URL = hs.URL
	go b.check()
	t.Cleanup(func() { close(b.stop); hs.Close() })
	return b
}

// add puts an instance in the pool; it takes requests once its /readyz answers 200.
func (b *balancer) add(rawURL string) {
	u, _ := url.Parse(rawURL)
	b.mu.Lock()
	b.backends = append(b.backends, &backend{url: u})
	b.mu.Unlock()
}

func (b *balancer) serve(w http.ResponseWriter, r *http.Request) {
	b.mu.Lock()
	var ready []*backend
	for _, be := range b.backends {
		if be.ready.Load() {
			ready = append(ready, be)
		}
	}
	b.mu.Unlock()
	if len(ready) == 0 {
		http.Error(w, "no instance ready", http.StatusBadGateway)
		return
	}
	be := ready[b.next.Add(1)%uint64(len(ready))]
	be.served.Add(1)
	b.proxy.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), backendKey{}, be.url)))
}

// waitReady waits until n instances take requests.
func (b *balancer) waitReady(t *testing.T, n int) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		b.mu.Lock()
		ready := 0
		for _, be := range b.backends {
			if be.ready.Load() {
				ready++
			}
		}
		b.mu.Unlock()
		if ready == n {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d instances ready behind the balancer, want %d", ready, n)
		}
	}
}

// served is how many requests each instance was sent, in the order they were added.
func (b *balancer) served() []int64 {
	b.mu.Lock()
	defer b.mu.Unlock()
	out := make([]int64, len(b.backends))
	for i, be := range b.backends {
		out[i] = be.served.Load()
	}
	return out
}

func (b *balancer) check() {
	client := &http.Client{Timeout: 500 * time.Millisecond}
	tick := time.NewTicker(100 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case <-b.stop:
			return
		case <-tick.C:
		}
		b.mu.Lock()
		backends := append([]*backend(nil), b.backends...)
		b.mu.Unlock()
		for _, be := range backends {
			resp, err := client.Get(be.url.String() + "/readyz")
			ok := err == nil && resp.StatusCode == http.StatusOK
			if resp != nil {
				resp.Body.Close()
			}
			be.ready.Store(ok)
		}
	}
}
