package main

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/motcua/motcua/internal/pgbouncer"
	"github.com/motcua/motcua/sqlstore/sqlstoretest"
)

// TestBenchCommandsRunSmall runs each benchmark at a tiny size: the figures mean nothing
// here, but every path (server, load, baseline, report) must work.
func TestBenchCommandsRunSmall(t *testing.T) {
	for _, args := range [][]string{
		{"intake", "--n", "10", "--clients", "4"},
		{"track", "--dossiers", "5", "--clients", "2", "--duration", "200ms"},
		{"queue", "--dossiers", "300", "--requests", "30", "--clients", "2"},
	} {
		t.Run(args[0], func(t *testing.T) {
			var out bytes.Buffer
			if err := runBench(append(args, "--json"), &out); err != nil {
				t.Fatal(err)
			}
			var rep benchReport
			if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
				t.Fatalf("%v\n%s", err, out.String())
			}
			if rep.Benchmark != args[0] || rep.Machine.Cores < 1 || rep.Machine.GoVersion == "" || len(rep.Rows) == 0 {
				t.Fatalf("report %+v", rep)
			}
			for _, r := range rep.Rows {
				if r.Value <= 0 && !strings.Contains(r.Metric, "p50/p99") {
					t.Errorf("%s: %v", r.Metric, r.Value)
				}
			}
		})
	}
}

func TestBenchRejectsUnknownNames(t *testing.T) {
	if err := runBench([]string{"nope"}, &bytes.Buffer{}); err == nil {
		t.Fatal("unknown benchmark accepted")
	}
	if err := runBench(nil, &bytes.Buffer{}); err == nil {
		t.Fatal("no benchmark accepted")
	}
}

func TestLibpqURL(t *testing.T) {
	for in, want := range map[string]string{
		"postgres://u@h:5432/db?sslmode=disable&search_path=x":                                                         "postgres://u@h:5432/db?sslmode=disable",
		"postgres://u@h/db?sslmode=disable&default_query_exec_mode=exec&statement_cache_capacity=9&application_name=a": "postgres://u@h/db?sslmode=disable&application_name=a",
		"postgres://u@h/db?search_path=x":                                                                              "postgres://u@h/db",
		"postgres://u@h/db":                                                                                            "postgres://u@h/db",
	} {
		if got := libpqURL(in); got != want {
			t.Errorf("libpqURL(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestBenchIntakeOnPostgres runs the PostgreSQL intake benchmark at a tiny size, directly
// and through a PgBouncer it starts, which the store must find: pgbench's baseline, the
// pooler and the report all work.
func TestBenchIntakeOnPostgres(t *testing.T) {
	base := sqlstoretest.PostgresURL()
	if base == "" {
		t.Skip("MOTCUA_TEST_POSTGRES is not set")
	}
	for _, c := range []struct {
		name  string
		extra []string
		note  string
	}{
		{"directly", nil, ""},
		// "exec" unless the installed PgBouncer keeps prepared statements.
		{"through PgBouncer", []string{"--pgbouncer", "2"}, `the store found it: true, statements sent in mode "`},
	} {
		t.Run(c.name, func(t *testing.T) {
			if c.extra != nil && pgbouncer.Binary() == "" {
				if os.Getenv("MOTCUA_TEST_PGBOUNCER") != "" {
					t.Fatal("MOTCUA_TEST_PGBOUNCER is set but the benchmark finds no pgbouncer")
				}
				t.Skip("PgBouncer is not installed")
			}
			args := append([]string{"intake", "--db", base, "--n", "20", "--clients", "4", "--pgbench-seconds", "1", "--json"}, c.extra...)
			var out bytes.Buffer
			if err := runBench(args, &out); err != nil {
				t.Fatal(err)
			}
			var rep benchReport
			if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
				t.Fatalf("%v\n%s", err, out.String())
			}
			var dossiers *benchRow
			for i, r := range rep.Rows {
				if r.Metric == "dossiers" {
					dossiers = &rep.Rows[i]
				}
			}
			if rep.Engine != "postgres" || dossiers == nil || dossiers.Value <= 0 || dossiers.BaseVal <= 0 {
				t.Fatalf("report: %s", out.String())
			}
			if notes := strings.Join(rep.Notes, "\n"); !strings.Contains(notes, c.note) ||
				(c.note == "" && strings.Contains(notes, "PgBouncer")) {
				t.Fatalf("notes do not say %q:\n%s", c.note, notes)
			}
		})
	}
}
