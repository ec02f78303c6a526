package main

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"time"

	"github.com/motcua/motcua/demo"
	"github.com/motcua/motcua/sqlstore"
	"github.com/motcua/motcua/web"
)

// benchDB is the database a benchmark runs on: a fresh SQLite file, or a fresh schema on
// the PostgreSQL server named, dropped afterwards.
type benchDB struct {
	DSN     string
	Engine  sqlstore.Engine
	cleanup func()
}

// openBenchDB makes a fresh database for target: "" (a file in a new temporary folder),
// a file path (which must not exist yet), or a postgres:// URL (a new schema on it).
func openBenchDB(target string) (*benchDB, error) {
	if sqlstore.IsPostgresURL(target) {
		schema, dsn, err := scratchSchema(target, "motcua_bench_")
		if err != nil {
			return nil, err
		}
		return &benchDB{DSN: dsn, Engine: sqlstore.Postgres, cleanup: func() { dropSchema(target, schema) }}, nil
	}
	if target == "" {
		dir, err := os.MkdirTemp("", "motcua-bench-")
		if err != nil {
			return nil, err
		}
		return &benchDB{DSN: filepath.Join(dir, "bench.db"), Engine: sqlstore.SQLite, cleanup: func() { os.RemoveAll(dir) }}, nil
	}
	if _, err := os.Stat(target); err == nil {
		return nil, fmt.Errorf("%s đã tồn tại; phép đo cần một tệp mới / %s exists; the benchmark needs a new file", target, target)
	}
	return &benchDB{DSN: target, Engine: sqlstore.SQLite, cleanup: func() {}}, nil
}

func (b *benchDB) Close() { b.cleanup() }

// scratchSchema creates a schema with a random name on the server of base and returns the
// schema and a URL whose connections use it.
func scratchSchema(base, prefix string) (string, string, error) {
	raw := make([]byte, 5)
	rand.Read(raw)
	schema := prefix + hex.EncodeToString(raw)
	admin, err := sql.Open("pgx", base)
	if err != nil {
		return "", "", err
	}
	defer admin.Close()
	if _, err := admin.Exec(`CREATE SCHEMA ` + schema); err != nil {
		return "", "", fmt.Errorf("create schema: %w", err)
	}
	u, err := url.Parse(base)
	if err != nil {
		return "", "", err
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return schema, u.String(), nil
}

func dropSchema(base, schema string) {
	if admin, err := sql.Open("pgx", base); err == nil {
		admin.Exec(`DROP SCHEMA ` + schema + ` CASCADE`)
		admin.Close()
	}
}

// benchServer is motcua serving on a loopback port inside this process, as
// `motcua serve --track-rate 0` would, without the mail worker.
type benchServer struct {
	DB  *sqlstore.DB
	URL string
	hs  *http.Server
}

func startBenchServer(ctx context.Context, dsn string, seed bool) (*benchServer, error) {
	db, err := sqlstore.Open(ctx, dsn)
	if err != nil {
		return nil, err
	}
	if seed {
		if _, err := demo.Seed(ctx, db); err != nil {
			db.Close()
			return nil, err
		}
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	srv, err := web.New(ctx, db, log, web.Config{TrackRate: 0})
	if err != nil {
		db.Close()
		return nil, err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		db.Close()
		return nil, err
	}
	hs := &http.Server{Handler: srv.Handler(), ReadHeaderTimeout: 10 * time.Second}
	go hs.Serve(ln)
	return &benchServer{DB: db, URL: "http://" + ln.Addr().String(), hs: hs}, nil
}

func (s *benchServer) Close() {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := s.hs.Shutdown(ctx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		s.hs.Close()
	}
	s.DB.Close()
}
