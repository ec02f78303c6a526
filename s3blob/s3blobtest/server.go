// Package s3blobtest runs an S3-compatible server on loopback for tests: gofakes3 with its
// in-memory backend behind httptest, since no real S3 or MinIO is at hand where tests run.
// The client under test speaks real S3 over HTTP to it.
package s3blobtest

import (
	"context"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/johannesboyne/gofakes3"
	"github.com/johannesboyne/gofakes3/backend/s3mem"

	"github.com/motcua/motcua/s3blob"
)

// SecretKey is the secret the test configs carry, for checking it never shows.
const SecretKey = "test-secret-9f3b7c"

// Start runs an empty server until the test ends; the config points at it, with a bucket
// name that does not exist yet. Failed requests are not retried, so tests of a stopped
// server end quickly.
func Start(t testing.TB) (*httptest.Server, s3blob.Config) {
	t.Helper()
	return start(t, s3mem.New())
}

// Clock is the time a server started by OpenWithClock stamps on what is put.
type Clock = gofakes3.TimeSourceAdvancer

// OpenWithClock is Open with a server whose objects are stamped with the clock's time,
// which starts at at and moves only when the test advances it.
func OpenWithClock(t testing.TB, at time.Time) (*s3blob.Store, Clock) {
	t.Helper()
	clock := gofakes3.FixedTimeSource(at)
	_, cfg := start(t, s3mem.New(s3mem.WithTimeSource(clock)))
	s, err := s3blob.Open(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	return s, clock
}

func start(t testing.TB, backend gofakes3.Backend) (*httptest.Server, s3blob.Config) {
	srv := httptest.NewServer(gofakes3.New(backend).Server())
	t.Cleanup(srv.Close)
	return srv, s3blob.Config{Endpoint: strings.TrimPrefix(srv.URL, "http://"), Bucket: "motcua-documents",
		AccessKey: "test-access", SecretKey: SecretKey, Insecure: true, MaxRetries: 1}
}

// Open starts a server and opens a store on it.
func Open(t testing.TB) (*s3blob.Store, *httptest.Server) {
	t.Helper()
	srv, cfg := Start(t)
	s, err := s3blob.Open(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	return s, srv
}
