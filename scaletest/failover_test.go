package scaletest

import (
	"bufio"
	"context"
	"database/sql"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/motcua/motcua/demo"
	"github.com/motcua/motcua/loadgen"
	"github.com/motcua/motcua/sqlstore/sqlstoretest"
)

// TestFailoverKeepsAnsweredDossiers runs an instance on a PostgreSQL primary of its own with
// a synchronous standby, reached through an address that moves (a proxy here). While
// clients file, submit and receive, the primary is stopped at once, as a crash would, the
// standby promoted and the address moved to it. Requests during the fail-over are answered
// 503, never 500; the instance serves again on the promoted standby without a restart;
// and every dossier whose receipt was answered is there, with its code.
func TestFailoverKeepsAnsweredDossiers(t *testing.T) {
	if sqlstoretest.PostgresURL() == "" {
		t.Skip("MOTCUA_TEST_POSTGRES is not set")
	}
	cluster := startCluster(t)
	primary, err := sql.Open("pgx", cluster.url(cluster.port))
	if err != nil {
		t.Fatal(err)
	}
	defer primary.Close()
	if _, err := primary.Exec(`ALTER SYSTEM SET synchronous_standby_names = '*'`); err != nil {
		t.Fatal(err)
	}
	if _, err := primary.Exec(`SELECT pg_reload_conf()`); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the standby to be synchronous", func() bool {
		var state string
		primary.QueryRow(`SELECT sync_state FROM pg_stat_replication LIMIT 1`).Scan(&state)
		return state == "sync"
	})

	address := startTCPProxy(t, fmt.Sprintf("127.0.0.1:%s", cluster.port))
	srv := startServer(t, "failover", "postgres://postgres@"+address.Addr+"/postgres?sslmode=disable",
		nil, "--demo", "--demo-history=false")
	tally := intakeDuring(t, srv, func() {
		cluster.pgctl(t, "data", "-m", "immediate", "stop")
		time.Sleep(500 * time.Millisecond) // the instance meets a primary that is gone
		cluster.pgctl(t, "standby", "-w", "promote")
		address.switchTo(fmt.Sprintf("127.0.0.1:%s", cluster.standbyPort))
	})
	for answer, n := range tally.failed {
		if answer != "503" {
			t.Errorf("%d intakes failed with %s during the fail-over, want 503\n%s", n, answer, srv.logLines(`"level":"ERROR"`))
		}
	}
	cluster.checkKept(t, tally.answered)
}

// TestSwitchoverBehindPgBouncer moves an instance's database to the standby the way a
// planned switchover behind PgBouncer goes: PAUSE (the pooler lets running transactions
// finish and holds new ones), a clean stop of the primary, the standby promoted, the pooler
// pointed at it, RESUME. The instance's requests wait meanwhile instead of failing: not one
// intake fails, and every answered receipt is on the promoted standby.
func TestSwitchoverBehindPgBouncer(t *testing.T) {
	if sqlstoretest.PostgresURL() == "" {
		t.Skip("MOTCUA_TEST_POSTGRES is not set")
	}
	cluster := startCluster(t)
	pooler := sqlstoretest.StartPgBouncer(t, cluster.url(cluster.port), "transaction", 8)
	srv := startServer(t, "switchover", pooler.URL, nil, "--demo", "--demo-history=false")
	var paused time.Duration
	tally := intakeDuring(t, srv, func() {
		start := time.Now()
		pooler.Admin(t, "PAUSE motcua")
		cluster.pgctl(t, "data", "-m", "fast", "-w", "stop")
		cluster.pgctl(t, "standby", "-w", "promote")
		pooler.Retarget(t, cluster.standbyPort)
		pooler.Admin(t, "RESUME motcua")
		paused = time.Since(start)
	})
	t.Logf("the pooler held requests for %v", paused.Round(time.Millisecond))
	for answer, n := range tally.failed {
		t.Errorf("%d intakes failed with %s during the switchover\n%s", n, answer, srv.logLines(`"level":"ERROR"`))
	}
	cluster.checkKept(t, tally.answered)
}

// intakeTally is what intakeDuring saw.
type intakeTally struct {
	answered []string       // the codes of the receipts answered
	failed   map[string]int // failed intakes by HTTP status, or by error without one
}

// intakeDuring has 8 clients file, submit and receive dossiers on srv, runs move after
// 1.5 s, and stops the clients once 20 receipts were answered after it.
func intakeDuring(t *testing.T, srv *server, move func()) intakeTally {
	t.Helper()
	ctx := context.Background()
	in, err := loadgen.SignIn(ctx, srv.Client, "congdan", "tiepnhan", demo.Password)
	if err != nil {
		t.Fatal(err)
	}
	var (
		mu    sync.Mutex
		tally = intakeTally{failed: map[string]int{}}
		moved atomic.Bool
		after atomic.Int64
		stop  atomic.Bool
		wg    sync.WaitGroup
	)
	status := regexp.MustCompile(`: (\d{3}) `)
	pick := func(loadgen.Step) *loadgen.Client { return srv.Client }
	for w := range 8 {
		wg.Go(func() {
			for i := 0; !stop.Load(); i++ {
				_, r, err := in.Run(ctx, pick, fmt.Sprintf("move-%d-%d", w, i))
				mu.Lock()
				if err == nil {
					tally.answered = append(tally.answered, r.Code)
					if moved.Load() {
						after.Add(1)
					}
				} else if m := status.FindStringSubmatch(err.Error()); m != nil {
					tally.failed[m[1]]++
				} else {
					tally.failed[err.Error()]++
				}
				mu.Unlock()
				if err != nil {
					time.Sleep(50 * time.Millisecond)
				}
			}
		})
	}
	time.Sleep(1500 * time.Millisecond)
	move()
	moved.Store(true)
	waitFor(t, "intakes after the move", func() bool { return after.Load() >= 20 })
	stop.Store(true)
	wg.Wait()
	t.Logf("%d receipts answered (%d after the move); failed intakes by answer: %v", len(tally.answered), after.Load(), tally.failed)
	return tally
}

// checkKept checks that every answered receipt is on the promoted standby, and that the
// numbers of the day there run without a gap.
func (c *cluster) checkKept(t *testing.T, answered []string) {
	t.Helper()
	promoted, err := sql.Open("pgx", c.url(c.standbyPort))
	if err != nil {
		t.Fatal(err)
	}
	defer promoted.Close()
	kept := map[string]bool{}
	rows, err := promoted.Query(`SELECT code FROM dossiers WHERE code IS NOT NULL`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var code string
		rows.Scan(&code)
		kept[code] = true
	}
	rows.Close()
	for _, code := range answered {
		if !kept[code] {
			t.Errorf("receipt %s was answered but is not on the promoted standby", code)
		}
	}
	// Receipts committed whose answer was lost in the move have their numbers too.
	all := make([]string, 0, len(kept))
	for code := range kept {
		all = append(all, code)
	}
	checkSequences(t, all)
}

// cluster is a PostgreSQL primary with a streaming standby, made for one test by the CI's
// own script and removed after it.
type cluster struct {
	dir, bin, port, standbyPort string
}

func startCluster(t *testing.T) *cluster {
	t.Helper()
	script, err := filepath.Abs(filepath.Join("..", ".ci", "postgres.sh"))
	if err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("bash", script, "start").CombinedOutput()
	if err != nil {
		t.Skipf("no PostgreSQL cluster of its own: %v\n%s", err, out)
	}
	env := map[string]string{}
	sc := bufio.NewScanner(strings.NewReader(string(out)))
	for sc.Scan() {
		for _, kv := range strings.Fields(strings.TrimPrefix(sc.Text(), "export ")) {
			if k, v, ok := strings.Cut(kv, "="); ok {
				env[k] = strings.Trim(v, "'")
			}
		}
	}
	c := &cluster{dir: env["MOTCUA_PG_DIR"], bin: env["MOTCUA_PG_BIN"], port: env["MOTCUA_PG_PORT"]}
	c.standbyPort = regexp.MustCompile(`:(\d+)/`).FindStringSubmatch(env["MOTCUA_TEST_POSTGRES_REPLICA"])[1]
	t.Cleanup(func() { exec.Command("bash", script, "stop", c.dir).Run() })
	return c
}

func (c *cluster) url(port string) string {
	return "postgres://postgres@127.0.0.1:" + port + "/postgres?sslmode=disable"
}

// pgctl runs pg_ctl on one of the cluster's servers ("data" or "standby"), as the
// postgres user when the test runs as root.
func (c *cluster) pgctl(t *testing.T, server string, args ...string) {
	t.Helper()
	argv := append([]string{filepath.Join(c.bin, "pg_ctl"), "-D", filepath.Join(c.dir, server)}, args...)
	if os.Getuid() == 0 {
		argv = append([]string{"runuser", "-u", "postgres", "--"}, argv...)
	}
	if out, err := exec.Command(argv[0], argv[1:]...).CombinedOutput(); err != nil {
		t.Fatalf("pg_ctl %v: %v\n%s", args, err, out)
	}
}

func waitFor(t *testing.T, what string, ok func() bool) {
	t.Helper()
	for deadline := time.Now().Add(30 * time.Second); !ok(); time.Sleep(50 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("waited 30 s for %s", what)
		}
	}
}
