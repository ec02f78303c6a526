package scaletest

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/motcua/motcua/loadgen"
)

// server is one running `motcua serve` process.
type server struct {
	t      *testing.T
	name   string
	cmd    *exec.Cmd
	URL    string
	Client *loadgen.Client
	log    *os.File
	done   chan struct{}
	once   sync.Once
}

var listening = regexp.MustCompile(`listening on (http://\S+)`)

// startServer runs `motcua serve` on a free loopback port with extra flags and
// environment, waits until it answers /readyz and stops it when the test ends.
func startServer(t *testing.T, name, dsn string, env []string, flags ...string) *server {
	t.Helper()
	return startBuild(t, binary, name, dsn, env, flags...)
}

// startBuild is startServer with another build of motcua, bin.
func startBuild(t *testing.T, bin, name, dsn string, env []string, flags ...string) *server {
	t.Helper()
	logPath := filepath.Join(t.TempDir(), name+".log")
	logFile, err := os.Create(logPath)
	if err != nil {
		t.Fatal(err)
	}
	args := append([]string{"serve", "--db", dsn, "--addr", "127.0.0.1:0", "--track-rate", "0", "--log-level", "warn"}, flags...)
	cmd := exec.Command(bin, args...)
	cmd.Env = append(cleanEnv(), env...)
	cmd.Stderr = logFile
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	s := &server{t: t, name: name, cmd: cmd, log: logFile, done: make(chan struct{})}
	urlc := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			if m := listening.FindStringSubmatch(sc.Text()); m != nil {
				select {
				case urlc <- m[1]:
				default:
				}
			}
		}
		io.Copy(io.Discard, stdout)
	}()
	go func() { cmd.Wait(); close(s.done) }()
	t.Cleanup(func() { s.kill(); logFile.Close() })
	select {
	case s.URL = <-urlc:
	case <-s.done:
		t.Fatalf("%s exited before listening:\n%s", name, s.logTail())
	case <-time.After(60 * time.Second):
		s.kill()
		t.Fatalf("%s did not start:\n%s", name, s.logTail())
	}
	s.Client = loadgen.NewClient(s.URL, 32)
	if err := s.Client.WaitReady(context.Background(), 30*time.Second); err != nil {
		t.Fatalf("%s: %v\n%s", name, err, s.logTail())
	}
	return s
}

// cleanEnv is the test's environment without motcua's own settings, so that a developer's
// MOTCUA_DB or SMTP server never reaches the processes under test.
func cleanEnv() []string {
	var out []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "MOTCUA_") {
			out = append(out, kv)
		}
	}
	return out
}

// kill ends the process at once with SIGKILL, as a power cut or the OOM killer would:
// no deferred code, no graceful shutdown.
func (s *server) kill() {
	s.once.Do(func() {
		if s.cmd.Process != nil {
			s.cmd.Process.Signal(syscall.SIGKILL)
		}
		<-s.done
	})
}

// stop ends the process as an orchestrator does, with SIGTERM, and waits for it to exit;
// it must exit by itself within limit and with status 0.
func (s *server) stop(limit time.Duration) error {
	if err := s.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		return err
	}
	select {
	case <-s.done:
	case <-time.After(limit):
		s.kill()
		return fmt.Errorf("%s still running %v after SIGTERM", s.name, limit)
	}
	if code := s.cmd.ProcessState.ExitCode(); code != 0 {
		return fmt.Errorf("%s exited with status %d after SIGTERM:\n%s", s.name, code, s.logTail())
	}
	return nil
}

// logTail is the end of the process's log, for failure messages.
func (s *server) logTail() string {
	b, _ := os.ReadFile(s.log.Name())
	if len(b) > 4000 {
		b = b[len(b)-4000:]
	}
	return string(bytes.TrimSpace(b))
}

// logLines is every line of the process's log that holds part.
func (s *server) logLines(part string) string {
	b, _ := os.ReadFile(s.log.Name())
	var out []string
	for _, line := range strings.Split(string(b), "\n") {
		if strings.Contains(line, part) {
			out = append(out, line)
		}
	}
	return strings.Join(out, "\n")
}

// motcua runs another motcua command to completion and returns its output.
func motcua(t *testing.T, args ...string) (string, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, binary, args...)
	cmd.Env = cleanEnv()
	out, err := cmd.CombinedOutput()
	return string(out), err
}
