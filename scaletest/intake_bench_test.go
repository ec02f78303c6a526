package scaletest

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http/httptest"
	"testing"

	"github.com/motcua/motcua/demo"
	"github.com/motcua/motcua/loadgen"
	"github.com/motcua/motcua/sqlstore/sqlstoretest"
	"github.com/motcua/motcua/web"
)

// BenchmarkIntakeHTTP files, submits and receives b.N dossiers over loopback HTTP on an
// in-process server, 16 clients at once, on each available engine. One op is one dossier
// (three requests). `motcua bench intake` prints the same figure beside a baseline.
func BenchmarkIntakeHTTP(b *testing.B) {
	for _, engine := range []string{"sqlite", "postgres"} {
		b.Run(engine, func(b *testing.B) {
			dsn := sqlstoretest.SQLiteDSN(b)
			if engine == "postgres" {
				dsn = sqlstoretest.PostgresDSN(b)
			}
			db := sqlstoretest.Open(b, dsn)
			ctx := context.Background()
			if _, err := demo.Seed(ctx, db); err != nil {
				b.Fatal(err)
			}
			srv, err := web.New(ctx, db, slog.New(slog.NewTextHandler(io.Discard, nil)), web.Config{})
			if err != nil {
				b.Fatal(err)
			}
			hs := httptest.NewServer(srv.Handler())
			defer hs.Close()
			c := loadgen.NewClient(hs.URL, 16)
			in, err := loadgen.SignIn(ctx, c, "congdan", "tiepnhan", demo.Password)
			if err != nil {
				b.Fatal(err)
			}
			pick := func(loadgen.Step) *loadgen.Client { return c }
			b.ResetTimer()
			res := loadgen.Run(ctx, b.N, 16, func(ctx context.Context, i int) error {
				_, _, err := in.Run(ctx, pick, fmt.Sprintf("bench-%d-%d", b.N, i))
				return err
			})
			b.StopTimer()
			if res.Errors > 0 {
				b.Fatalf("%d failed: %v", res.Errors, res.FirstErr)
			}
			b.ReportMetric(res.PerSecond(), "dossiers/s")
			b.ReportMetric(float64(res.Latency.Summarize().P99.Microseconds())/1000, "p99-ms")
		})
	}
}
