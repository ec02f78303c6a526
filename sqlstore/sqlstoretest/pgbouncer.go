package sqlstoretest

import (
	"database/sql"
	"fmt"
	"net"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
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
	// URL reaches the database through the pooler.
	URL string
	// Addr is where the pooler listens; its admin console is the database "pgbouncer".
	Addr string

	dir, user, server, target, connect, rest string
}

// StartPgBouncer starts a PgBouncer in front of the PostgreSQL server and database dsn
// names, pooling in mode ("transaction" or "session", or "statement") at most serverConns
// connections to the server. PgBouncer refuses server settings in a client's URL, so a
// schema and a statement_timeout that dsn names are the pooler's to set on each server
// connection (connect_query), as a deployment would. Further PgBouncer settings
// ("name = value") may follow.
//
// It skips t when PgBouncer is not installed, unless MOTCUA_TEST_PGBOUNCER names the
// program, as CI does, and PgBouncer stops when the test ends.
func StartPgBouncer(t testing.TB, dsn, mode string, serverConns int, settings ...string) *Bouncer {
	t.Helper()
	bin := pgbouncerBinary(t)
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	var connect []string
	if v := u.Query().Get("search_path"); v != "" {
		connect = append(connect, "SET search_path TO "+v)
	}
	if v := u.Query().Get("statement_timeout"); v != "" {
		connect = append(connect, "SET statement_timeout = "+v)
	}
	host, port, err := net.SplitHostPort(u.Host)
	if err != nil {
		t.Fatal(err)
	}
	user := u.User.Username()

	// PgBouncer will not run as root: it then switches to the server's user, which must be
	// able to read the configuration and write the log.
	dir, err := os.MkdirTemp("", "motcua-pgbouncer-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	os.Chmod(dir, 0o777)
	b := &Bouncer{Addr: fmt.Sprintf("127.0.0.1:%d", freePort(t)), dir: dir, user: user,
		server:  fmt.Sprintf("host=%s dbname=%s user=%s", host, strings.TrimPrefix(u.Path, "/"), user),
		target:  port,
		connect: strings.Join(connect, "; ")}
	b.rest = fmt.Sprintf(`[pgbouncer]
listen_addr = 127.0.0.1
listen_port = %s
unix_socket_dir =
auth_type = trust
auth_file = %s
admin_users = %s
pool_mode = %s
default_pool_size = %d
max_client_conn = 1000
logfile = %s
pidfile = %s
%s
`, strings.TrimPrefix(b.Addr, "127.0.0.1:"), filepath.Join(dir, "users.txt"), user, mode, serverConns,
		filepath.Join(dir, "pgbouncer.log"), filepath.Join(dir, "pgbouncer.pid"), strings.Join(settings, "\n"))
	if err := os.WriteFile(filepath.Join(dir, "users.txt"), []byte(fmt.Sprintf("%q \"\"\n", user)), 0o644); err != nil {
		t.Fatal(err)
	}
	b.writeConfig(t)

	args := []string{filepath.Join(dir, "pgbouncer.ini")}
	if os.Geteuid() == 0 {
		args = append([]string{"-u", "postgres"}, args...)
	}
	cmd := exec.Command(bin, args...)
	out, err := os.Create(filepath.Join(dir, "stderr.log"))
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stdout, cmd.Stderr = out, out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan struct{})
	go func() { cmd.Wait(); close(exited) }()
	t.Cleanup(func() {
		cmd.Process.Kill()
		<-exited
		out.Close()
	})
	for deadline := time.Now().Add(10 * time.Second); ; {
		c, err := net.DialTimeout("tcp", b.Addr, time.Second)
		if err == nil {
			c.Close()
			break
		}
		select {
		case <-exited:
			log, _ := os.ReadFile(filepath.Join(dir, "stderr.log"))
			t.Fatalf("PgBouncer exited: %s", log)
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("PgBouncer does not listen on %s: %v", b.Addr, err)
		}
		time.Sleep(20 * time.Millisecond)
	}
	pooled := url.URL{Scheme: "postgres", User: url.User(user), Host: b.Addr, Path: "/motcua", RawQuery: "sslmode=disable"}
	b.URL = pooled.String()
	return b
}

// pgbouncerBinary finds PgBouncer, or skips t.
func pgbouncerBinary(t testing.TB) string {
	t.Helper()
	if bin := os.Getenv("MOTCUA_TEST_PGBOUNCER"); bin != "" {
		return bin
	}
	if bin, err := exec.LookPath("pgbouncer"); err == nil {
		return bin
	}
	if _, err := os.Stat("/usr/sbin/pgbouncer"); err == nil {
		return "/usr/sbin/pgbouncer"
	}
	t.Skip("PgBouncer is not installed (MOTCUA_TEST_PGBOUNCER names it)")
	return ""
}

// writeConfig writes the pooler's configuration, its database on port b.target.
func (b *Bouncer) writeConfig(t testing.TB) {
	t.Helper()
	db := fmt.Sprintf("motcua = %s port=%s", b.server, b.target)
	if b.connect != "" {
		db += " connect_query='" + b.connect + "'"
	}
	ini := "[databases]\n" + db + "\n\n" + b.rest
	if err := os.WriteFile(filepath.Join(b.dir, "pgbouncer.ini"), []byte(ini), 0o644); err != nil {
		t.Fatal(err)
	}
}

// Admin runs a command on the pooler's admin console (PAUSE, RESUME, RELOAD, …).
func (b *Bouncer) Admin(t testing.TB, command string) {
	t.Helper()
	console, err := sql.Open("pgx", "postgres://"+b.user+"@"+b.Addr+"/pgbouncer?sslmode=disable&default_query_exec_mode=simple_protocol")
	if err != nil {
		t.Fatal(err)
	}
	defer console.Close()
	if _, err := console.Exec(command); err != nil {
		t.Fatalf("PgBouncer %s: %v", command, err)
	}
}

// Retarget points the pooler's database at the server on port (same host) from its next
// server connection on.
func (b *Bouncer) Retarget(t testing.TB, port string) {
	t.Helper()
	b.target = port
	b.writeConfig(t)
	b.Admin(t, "RELOAD")
}

// freePort is a loopback TCP port nothing listens on right now.
func freePort(t testing.TB) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}
