package web_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/motcua/motcua/catalog"
	"github.com/motcua/motcua/demo"
	"github.com/motcua/motcua/org"
	"github.com/motcua/motcua/sqlstore/sqlstoretest"
	"github.com/motcua/motcua/web"
)

// BenchmarkSearchHTTP measures catalog search over HTTP on loopback against a bare
// net/http handler that writes a fixed JSON body of similar size, both in the same run with
// the same client. It reports requests per second of each and their ratio; the target is a
// ratio of at least 0.5.
func BenchmarkSearchHTTP(b *testing.B) {
	e := newBenchEnv(b)
	queries := []string{"ruou", "xang+dau", "thuoc+la", "giay+phep", "hoa+chat", "cap+lai", "dien", "khi"}
	sample, _ := http.Get(e.url + "/api/v1/procedures?q=ruou")
	body, _ := io.ReadAll(sample.Body)
	sample.Body.Close()
	bare := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.Write(body)
	}))
	defer bare.Close()

	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 64}}
	load := func(url func(i int) string) float64 {
		const workers = 16
		var next atomic.Int64
		var wg sync.WaitGroup
		start := time.Now()
		for w := 0; w < workers; w++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for {
					i := next.Add(1)
					if i > int64(b.N) {
						return
					}
					resp, err := client.Get(url(int(i)))
					if err != nil {
						b.Error(err)
						return
					}
					io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					if resp.StatusCode != 200 {
						b.Errorf("status %d", resp.StatusCode)
						return
					}
				}
			}()
		}
		wg.Wait()
		return float64(b.N) / time.Since(start).Seconds()
	}
	b.ResetTimer()
	bareRate := load(func(int) string { return bare.URL + "/" })
	searchRate := load(func(i int) string { return e.url + "/api/v1/procedures?q=" + queries[i%len(queries)] })
	b.StopTimer()
	b.ReportMetric(bareRate, "bare-req/s")
	b.ReportMetric(searchRate, "search-req/s")
	b.ReportMetric(searchRate/bareRate, "ratio")
}

type benchEnv struct{ url string }

// newBenchEnv serves a catalog of about 10,000 procedures: the demo's 41 real ones, copied
// under other codes with varied names.
func newBenchEnv(b *testing.B) benchEnv {
	b.Helper()
	ctx := context.Background()
	db := sqlstoretest.Open(b, sqlstoretest.SQLiteDSN(b))
	if _, err := demo.Seed(ctx, db); err != nil {
		b.Fatal(err)
	}
	base, err := db.Procedures(ctx)
	if err != nil {
		b.Fatal(err)
	}
	suffixes := []string{"", " tại khu công nghiệp", " cho hộ kinh doanh", " đối với thương nhân nước ngoài",
		" trên địa bàn xã", " (cấp lần đầu)"}
	var many []catalog.Procedure
	for i := 0; len(many)+len(base) < 10000; i++ {
		for _, p := range base {
			q := p
			q.Code = fmt.Sprintf("%s-%04d", p.Code, i)
			q.Versions = append([]catalog.Version(nil), p.Versions...)
			q.Versions[0].Name += suffixes[i%len(suffixes)]
			many = append(many, q)
		}
	}
	if err := db.ImportProcedures(ctx, many, org.Account{Username: "bench"}, "bench"); err != nil {
		b.Fatal(err)
	}
	var logs bytes.Buffer
	srv, err := web.New(ctx, db, discardLogger(&logs), web.Config{})
	if err != nil {
		b.Fatal(err)
	}
	hs := httptest.NewServer(srv.Handler())
	b.Cleanup(hs.Close)
	return benchEnv{url: hs.URL}
}
