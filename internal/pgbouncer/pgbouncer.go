// Package pgbouncer runs a PgBouncer in front of one PostgreSQL database, for the tests
// and the benchmark that measure motcua through a connection pooler.
package pgbouncer

import (
	"database/sql"

	"fmt"
	"net"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // registers "pgx"
)

// Config is what to run.
type Config struct {
	Bin string // the program (Binary finds it)
	// Server is the postgres:// URL of the database to pool. PgBouncer refuses server
	// settings in a client's URL, so a search_path and a statement_timeout it names become
	// the pooler's to set on each server connection (connect_query), as a deployment would.
	Server string
	// Mode is the pool mode: "transaction", "session" or "statement"; ServerConns bounds
	// the connections to the server.
	Mode        string
	ServerConns int
	// Settings are further PgBouncer settings ("name = value").
	Settings []string
}

// Bouncer is a running PgBouncer with one database, "motcua".
type Bouncer struct {
	// URL reaches the database through the pooler.
	URL string
	// Addr is where the pooler listens; its admin console is the database "pgbouncer".
	Addr string

	dir, user, server, target, connect, rest string

	cmd    *exec.Cmd
	out    *os.File
	exited chan struct{}
}

// Binary is the installed PgBouncer, or "" when there is none.
func Binary() string {
	if bin, err := exec.LookPath("pgbouncer"); err == nil {
		return bin
	}
	if _, err := os.Stat("/usr/sbin/pgbouncer"); err == nil {
		return "/usr/sbin/pgbouncer"
	}
	return ""
}

// Start runs PgBouncer as cfg says and waits until it listens on loopback. Run as root,
// it runs as the user postgres, which must be able to read its configuration.
func Start(cfg Config) (b *Bouncer, err error) {
	u, err := url.Parse(cfg.Server)
	if err != nil {
		return nil, err
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
		return nil, err
	}
	user := u.User.Username()
	listen, err := freePort()
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "motcua-pgbouncer-")
	if err != nil {
		return nil, err
	}
	defer func() {
		if err != nil {
			os.RemoveAll(dir)
		}
	}()
	os.Chmod(dir, 0o777)
	b = &Bouncer{Addr: fmt.Sprintf("127.0.0.1:%d", listen), dir: dir, user: user,
		server:  fmt.Sprintf("host=%s dbname=%s user=%s", host, strings.TrimPrefix(u.Path, "/"), user),
		target:  port,
		connect: strings.Join(connect, "; "),
		exited:  make(chan struct{})}
	b.rest = fmt.Sprintf(`[pgbouncer]
listen_addr = 127.0.0.1
listen_port = %d
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
`, listen, filepath.Join(dir, "users.txt"), user, cfg.Mode, cfg.ServerConns,
		filepath.Join(dir, "pgbouncer.log"), filepath.Join(dir, "pgbouncer.pid"), strings.Join(cfg.Settings, "\n"))
	if err := os.WriteFile(filepath.Join(dir, "users.txt"), []byte(fmt.Sprintf("%q \"\"\n", user)), 0o644); err != nil {
		return nil, err
	}
	if err := b.writeConfig(); err != nil {
		return nil, err
	}
	args := []string{filepath.Join(dir, "pgbouncer.ini")}
	if os.Geteuid() == 0 {
		args = append([]string{"-u", "postgres"}, args...)
	}
	b.cmd = exec.Command(cfg.Bin, args...)
	if b.out, err = os.Create(filepath.Join(dir, "stderr.log")); err != nil {
		return nil, err
	}
	b.cmd.Stdout, b.cmd.Stderr = b.out, b.out
	if err := b.cmd.Start(); err != nil {
		b.out.Close()
		return nil, err
	}
	go func() { b.cmd.Wait(); close(b.exited) }()
	if err := b.waitListening(10 * time.Second); err != nil {
		b.Close()
		return nil, err
	}
	pooled := url.URL{Scheme: "postgres", User: url.User(user), Host: b.Addr, Path: "/motcua", RawQuery: "sslmode=disable"}
	b.URL = pooled.String()
	return b, nil
}

func (b *Bouncer) waitListening(limit time.Duration) error {
	for deadline := time.Now().Add(limit); ; time.Sleep(20 * time.Millisecond) {
		c, err := net.DialTimeout("tcp", b.Addr, time.Second)
		if err == nil {
			c.Close()
			return nil
		}
		select {
		case <-b.exited:
			log, _ := os.ReadFile(filepath.Join(b.dir, "stderr.log"))
			return fmt.Errorf("PgBouncer exited: %s", log)
		default:
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("PgBouncer does not listen on %s: %w", b.Addr, err)
		}
	}
}

// Close stops the pooler and removes its files.
func (b *Bouncer) Close() {
	b.cmd.Process.Kill()
	<-b.exited
	b.out.Close()
	os.RemoveAll(b.dir)
}

// writeConfig writes the pooler's configuration, its database on port b.target.
func (b *Bouncer) writeConfig() error {
	db := fmt.Sprintf("motcua = %s port=%s", b.server, b.target)
	if b.connect != "" {
		db += " connect_query='" + b.connect + "'"
	}
	ini := "[databases]\n" + db + "\n\n" + b.rest
	return os.WriteFile(filepath.Join(b.dir, "pgbouncer.ini"), []byte(ini), 0o644)
}

// Admin runs a command on the pooler's admin console (PAUSE, RESUME, RELOAD, …).
func (b *Bouncer) Admin(command string) error {
	console, err := sql.Open("pgx", "postgres://"+b.user+"@"+b.Addr+"/pgbouncer?sslmode=disable&default_query_exec_mode=simple_protocol")
	if err != nil {
		return err
	}
	defer console.Close()
	if _, err := console.Exec(command); err != nil {
		return fmt.Errorf("PgBouncer %s: %w", command, err)
	}
	return nil
}

// Retarget points the pooler's database at the server on port (same host) from its next
// server connection on.
func (b *Bouncer) Retarget(port string) error {
	b.target = port
	if err := b.writeConfig(); err != nil {
		return err
	}
	return b.Admin("RELOAD")
}

// freePort is a loopback TCP port nothing listens on right now.
func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}
