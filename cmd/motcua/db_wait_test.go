package main

import (
	"context"
	"errors"
	"io"
	"net"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/motcua/motcua/internal/logsink"
	"github.com/motcua/motcua/sqlstore"
	"github.com/motcua/motcua/sqlstore/sqlstoretest"
)

// TestOpenWaitsForTheDatabase: a PostgreSQL server that does not answer yet is tried every
// second until it does, with one warning; a missing database is not waited for, nor is
// anything with no wait allowed.
func TestOpenWaitsForTheDatabase(t *testing.T) {
	dsn := sqlstoretest.PostgresDSN(t)
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	// A port nothing listens on yet; a forwarder to the server opens there after 1.5 s.
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	later := l.Addr().String()
	l.Close()
	real := u.Host
	u.Host = later
	silent := u.String()
	ctx := context.Background()

	var tries atomic.Int32
	opener := func(dsn string) func() (*sqlstore.DB, error) {
		tries.Store(0)
		return func() (*sqlstore.DB, error) { tries.Add(1); return sqlstore.Open(ctx, dsn) }
	}
	var logs logsink.Buffer
	log := newLogger(&logs, "info")

	if _, err := openWaiting(ctx, 0, log, opener(silent)); !errors.Is(err, sqlstore.ErrNotAnswering) || tries.Load() != 1 {
		t.Fatalf("no wait: %v after %d tries", err, tries.Load())
	}
	missing := *u
	missing.Host, missing.Path = real, "/motcua_no_such_database"
	if _, err := openWaiting(ctx, 10*time.Second, log, opener(missing.String())); err == nil ||
		errors.Is(err, sqlstore.ErrNotAnswering) || tries.Load() != 1 {
		t.Fatalf("a missing database: %v after %d tries", err, tries.Load())
	}

	go func() {
		time.Sleep(1500 * time.Millisecond)
		forward(t, later, real)
	}()
	start := time.Now()
	db, err := openWaiting(ctx, 20*time.Second, log, opener(silent))
	if err != nil {
		t.Fatalf("after %v: %v\n%s", time.Since(start), err, logs.String())
	}
	db.Close()
	if n := tries.Load(); n < 2 || n > 5 {
		t.Fatalf("%d tries over %v", n, time.Since(start))
	}
	if got := strings.Count(logs.String(), "the database does not answer yet"); got != 1 {
		t.Fatalf("%d warnings, want 1:\n%s", got, logs.String())
	}
	if !strings.Contains(logs.String(), `"msg":"the database answers"`) {
		t.Fatalf("no word that it answers:\n%s", logs.String())
	}
}

// forward listens on from and passes every connection on to to, until the test ends.
func forward(t *testing.T, from, to string) {
	l, err := net.Listen("tcp", from)
	if err != nil {
		t.Error(err)
		return
	}
	t.Cleanup(func() { l.Close() })
	for {
		c, err := l.Accept()
		if err != nil {
			return
		}
		go func() {
			defer c.Close()
			s, err := net.Dial("tcp", to)
			if err != nil {
				return
			}
			defer s.Close()
			go io.Copy(s, c)
			io.Copy(c, s)
		}()
	}
}
