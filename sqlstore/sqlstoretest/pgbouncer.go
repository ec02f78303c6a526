package sqlstoretest

import (
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
// PostgresDSN) names, pooling in mode ("transaction" or "session") at most serverConns
// connections to the server, and returns the URL that reaches the schema through it.
// PgBouncer refuses server settings in a client's URL, so the schema and a
// statement_timeout that dsn names are the pooler's to set on each server connection
// (connect_query), as a deployment would. Further PgBouncer settings ("name = value") may
// follow.
//
// It skips t when PgBouncer is not installed, unless MOTCUA_TEST_PGBOUNCER names the
// program, as CI does, and PgBouncer stops when the test ends.
func PgBouncer(t testing.TB, dsn, mode string, serverConns int, settings ...string) string {
	t.Helper()
	bin := os.Getenv("MOTCUA_TEST_PGBOUNCER")
	if bin == "" {
		var err error
		if bin, err = exec.LookPath("pgbouncer"); err != nil {
			if _, err := os.Stat("/usr/sbin/pgbouncer"); err != nil {
				t.Skip("PgBouncer is not installed (MOTCUA_TEST_PGBOUNCER names it)")
			}
			bin = "/usr/sbin/pgbouncer"
		}
	}
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	connect := []string{"SET search_path TO " + u.Query().Get("search_path")}
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
	listen := freePort(t)
	ini := fmt.Sprintf(`[databases]
motcua = host=%s port=%s dbname=%s user=%s connect_query='%s'

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = %d
unix_socket_dir =
auth_type = trust
auth_file = %s
pool_mode = %s
default_pool_size = %d
max_client_conn = 1000
logfile = %s
pidfile = %s
%s
`, host, port, strings.TrimPrefix(u.Path, "/"), user, strings.Join(connect, "; "), listen,
		filepath.Join(dir, "users.txt"), mode, serverConns,
		filepath.Join(dir, "pgbouncer.log"), filepath.Join(dir, "pgbouncer.pid"), strings.Join(settings, "\n"))
	for name, text := range map[string]string{
		"pgbouncer.ini": ini,
		"users.txt":     fmt.Sprintf("%q \"\"\n", user),
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
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
	addr := fmt.Sprintf("127.0.0.1:%d", listen)
	for deadline := time.Now().Add(10 * time.Second); ; {
		c, err := net.DialTimeout("tcp", addr, time.Second)
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
			t.Fatalf("PgBouncer does not listen on %s: %v", addr, err)
		}
		time.Sleep(20 * time.Millisecond)
	}
	pooled := url.URL{Scheme: "postgres", User: url.User(user), Host: addr, Path: "/motcua",
		RawQuery: "sslmode=disable"}
	return pooled.String()
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
