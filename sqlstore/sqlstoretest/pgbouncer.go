package sqlstoretest

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/motcua/motcua/internal/pgbouncer"
)

// PgBouncer starts a PgBouncer in front of the PostgreSQL schema that dsn (a URL of
// PostgresDSN) names, and returns the URL that reaches the schema through it (see
// StartPgBouncer).
func PgBouncer(t testing.TB, dsn, mode string, serverConns int, settings ...string) string {
	t.Helper()
	return StartPgBouncer(t, dsn, mode, serverConns, settings...).URL
}

// Bouncer is a running PgBouncer with one database, "motcua", in front of one server.
type Bouncer struct {
	*pgbouncer.Bouncer
}

// StartPgBouncer starts a PgBouncer in front of the PostgreSQL server and database dsn
// names, pooling in mode ("transaction" or "session", or "statement") at most serverConns
// connections to the server; a schema and a statement_timeout dsn names are the pooler's
// to set (see pgbouncer.Config). Further PgBouncer settings ("name = value") may follow.
// It is a pooler that does not keep prepared statements, as PgBouncer was before 1.21: a
// later one is told max_prepared_statements = 0 (see StartPgBouncerKeepingPrepared).
//
// It skips t when PgBouncer is not installed, unless MOTCUA_TEST_PGBOUNCER names the
// program, as CI does, and PgBouncer stops when the test ends.
func StartPgBouncer(t testing.TB, dsn, mode string, serverConns int, settings ...string) *Bouncer {
	t.Helper()
	bin := os.Getenv("MOTCUA_TEST_PGBOUNCER")
	if bin == "" {
		if bin = pgbouncer.Binary(); bin == "" {
			t.Skip("PgBouncer is not installed (MOTCUA_TEST_PGBOUNCER names it)")
		}
	}
	keeps, err := pgbouncer.KeepsPrepared(bin)
	if err != nil {
		t.Fatal(err)
	}
	if keeps && !slices.ContainsFunc(settings, func(s string) bool { return strings.HasPrefix(s, "max_prepared_statements") }) {
		settings = append(settings, "max_prepared_statements = 0")
	}
	return startPgBouncer(t, bin, dsn, mode, serverConns, settings)
}

// PgBouncerKeepingPrepared starts a PgBouncer in transaction mode that keeps statements
// prepared by name (max_prepared_statements = 100; PgBouncer 1.21 or later) in front of
// the schema dsn names, and returns the URL that reaches it.
//
// The program is MOTCUA_TEST_PGBOUNCER_PREPARED, as CI names one it builds; else the one
// StartPgBouncer takes, if it is recent enough; else t is skipped.
func PgBouncerKeepingPrepared(t testing.TB, dsn string, serverConns int, settings ...string) string {
	t.Helper()
	bin, named := os.Getenv("MOTCUA_TEST_PGBOUNCER_PREPARED"), true
	if bin == "" {
		if bin, named = os.Getenv("MOTCUA_TEST_PGBOUNCER"), false; bin == "" {
			bin = pgbouncer.Binary()
		}
	}
	keeps, err := pgbouncer.KeepsPrepared(bin)
	switch {
	case named && !keeps:
		t.Fatalf("MOTCUA_TEST_PGBOUNCER_PREPARED=%s is not a PgBouncer 1.21 or later (%v)", bin, err)
	case !keeps:
		t.Skip("no PgBouncer 1.21 or later (MOTCUA_TEST_PGBOUNCER_PREPARED names one)")
	}
	settings = append([]string{"max_prepared_statements = 100"}, settings...)
	return startPgBouncer(t, bin, dsn, "transaction", serverConns, settings).URL
}

func startPgBouncer(t testing.TB, bin, dsn, mode string, serverConns int, settings []string) *Bouncer {
	t.Helper()
	b, err := pgbouncer.Start(pgbouncer.Config{Bin: bin, Server: dsn, Mode: mode, ServerConns: serverConns, Settings: settings})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(b.Close)
	return &Bouncer{b}
}

// Admin runs a command on the pooler's admin console (PAUSE, RESUME, RELOAD, …).
func (b *Bouncer) Admin(t testing.TB, command string) {
	t.Helper()
	if err := b.Bouncer.Admin(command); err != nil {
		t.Fatal(err)
	}
}

// Retarget points the pooler's database at the server on port (same host) from its next
// server connection on.
func (b *Bouncer) Retarget(t testing.TB, port string) {
	t.Helper()
	if err := b.Bouncer.Retarget(port); err != nil {
		t.Fatal(err)
	}
}
