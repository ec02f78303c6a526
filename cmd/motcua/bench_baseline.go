package main

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
)

// sqliteInsertBaseline measures what raw SQLite does on this machine: n single-row
// INSERT transactions of a row with a body of bodySize bytes, through one connection with
// motcua's settings (WAL, synchronous NORMAL, BEGIN IMMEDIATE). It returns transactions
// per second and removes its file.
func sqliteInsertBaseline(ctx context.Context, path string, n, bodySize int) (float64, error) {
	defer func() {
		for _, s := range []string{"", "-wal", "-shm"} {
			os.Remove(path + s)
		}
	}()
	dsn := "file:" + path + "?_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)&_txlock=immediate"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return 0, err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	if _, err := db.ExecContext(ctx, `CREATE TABLE scratch (id INTEGER PRIMARY KEY, status INTEGER NOT NULL,
		code TEXT, procedure_code TEXT NOT NULL, applicant_name TEXT NOT NULL, created_at INTEGER NOT NULL, body TEXT NOT NULL)`); err != nil {
		return 0, err
	}
	body := strings.Repeat("x", bodySize)
	start := time.Now()
	for i := range n {
		tx, err := db.BeginTx(ctx, nil)
		if err != nil {
			return 0, err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO scratch (status, code, procedure_code, applicant_name, created_at, body)
			VALUES (?, ?, ?, ?, ?, ?)`, 1, fmt.Sprintf("000.01.12.H26-260101-%04d", i), "2.000648.000.00.00.H50",
			"Nguyễn Văn An", time.Now().UnixMilli(), body); err != nil {
			tx.Rollback()
			return 0, err
		}
		if err := tx.Commit(); err != nil {
			return 0, err
		}
	}
	return float64(n) / time.Since(start).Seconds(), nil
}

// pgbenchBinary finds pgbench on PATH or in the newest /usr/lib/postgresql/*/bin.
func pgbenchBinary() (string, error) {
	if p, err := exec.LookPath("pgbench"); err == nil {
		return p, nil
	}
	found, _ := filepath.Glob("/usr/lib/postgresql/*/bin/pgbench")
	if len(found) == 0 {
		return "", fmt.Errorf("pgbench không có / pgbench not found (apt-get install postgresql-contrib or postgresql)")
	}
	sort.Slice(found, func(i, j int) bool { return pgVersion(found[i]) < pgVersion(found[j]) })
	return found[len(found)-1], nil
}

func pgVersion(path string) int {
	v, _ := strconv.Atoi(filepath.Base(filepath.Dir(filepath.Dir(path))))
	return v
}

var tpsLine = regexp.MustCompile(`tps = ([0-9.]+)`)

// pgbenchRunner runs pgbench's default TPC-B-like script against the server of a
// benchmark's database, in a scratch schema initialised once (scale 1).
type pgbenchRunner struct {
	bin, base, schema, conn string
	env                     []string
}

// newPgbench makes the scratch schema and initialises it; close drops it.
func newPgbench(base string) (*pgbenchRunner, error) {
	bin, err := pgbenchBinary()
	if err != nil {
		return nil, err
	}
	schema, _, err := scratchSchema(base, "motcua_pgbench_")
	if err != nil {
		return nil, err
	}
	p := &pgbenchRunner{bin: bin, base: base, schema: schema, conn: libpqURL(base),
		env: append(os.Environ(), "PGOPTIONS=-c search_path="+schema)}
	if _, err := p.exec("-i", "-s", "1", "-q", p.conn); err != nil {
		p.close()
		return nil, err
	}
	return p, nil
}

func (p *pgbenchRunner) close() { dropSchema(p.base, p.schema) }

func (p *pgbenchRunner) exec(args ...string) (string, error) {
	cmd := exec.Command(p.bin, args...)
	cmd.Env = p.env
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("pgbench %s: %w\n%s", strings.Join(args[:len(args)-1], " "), err, out.String())
	}
	return out.String(), nil
}

// run runs pgbench with clients and 2 threads for secs seconds and returns its TPS.
func (p *pgbenchRunner) run(clients, secs int) (float64, error) {
	out, err := p.exec("-c", strconv.Itoa(clients), "-j", "2", "-T", strconv.Itoa(secs), p.conn)
	if err != nil {
		return 0, err
	}
	m := tpsLine.FindStringSubmatch(out)
	if m == nil {
		return 0, fmt.Errorf("pgbench printed no tps:\n%s", out)
	}
	return strconv.ParseFloat(m[1], 64)
}

// libpqURL is dsn without the settings libpq does not know: the search_path, which motcua
// passes as a server setting, and the Go driver's own (how statements are sent, the
// sizes of its caches).
func libpqURL(dsn string) string {
	base, query, ok := strings.Cut(dsn, "?")
	if !ok {
		return dsn
	}
	var keep []string
	for _, kv := range strings.Split(query, "&") {
		switch key, _, _ := strings.Cut(kv, "="); key {
		case "search_path", "default_query_exec_mode", "statement_cache_capacity", "description_cache_capacity":
		default:
			keep = append(keep, kv)
		}
	}
	if len(keep) == 0 {
		return base
	}
	return base + "?" + strings.Join(keep, "&")
}
