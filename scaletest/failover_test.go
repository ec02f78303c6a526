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
	ctx := context.Background()
	in, err := loadgen.SignIn(ctx, srv.Client, "congdan", "tiepnhan", demo.Password)
	if err != nil {
		t.Fatal(err)
	}

	var (
		mu       sync.Mutex
		answered []string
		statuses = map[string]int{}
		moved    atomic.Bool
		after    atomic.Int64 // intakes answered after the address moved
		stop     atomic.Bool
		wg       sync.WaitGroup
	)
	status := regexp.MustCompile(`: (\d{3}) `)
	pick := func(loadgen.Step) *loadgen.Client { return srv.Client }
	for w := range 8 {
		wg.Go(func() {
			for i := 0; !stop.Load(); i++ {
				_, r, err := in.Run(ctx, pick, fmt.Sprintf("failover-%d-%d", w, i))
				mu.Lock()
				if err == nil {
					answered = append(answered, r.Code)
					if moved.Load() {
						after.Add(1)
					}
				} else if m := status.FindStringSubmatch(err.Error()); m != nil {
					statuses[m[1]]++
				} else {
					statuses[err.Error()]++
				}
				mu.Unlock()
				if err != nil {
					time.Sleep(50 * time.Millisecond)
				}
			}
		})
	}
	time.Sleep(1500 * time.Millisecond)
	cluster.pgctl(t, "data", "-m", "immediate", "stop")
	time.Sleep(500 * time.Millisecond) // the instance meets a primary that is gone
	cluster.pgctl(t, "standby", "-w", "promote")
	address.switchTo(fmt.Sprintf("127.0.0.1:%s", cluster.standbyPort))
	moved.Store(true)
	waitFor(t, "intakes on the promoted standby", func() bool { return after.Load() >= 20 })
	stop.Store(true)
	wg.Wait()

	mu.Lock()
	defer mu.Unlock()
	t.Logf("%d receipts answered (%d after the fail-over); failed intakes by answer: %v", len(answered), after.Load(), statuses)
	for answer, n := range statuses {
		if answer != "503" {
			t.Errorf("%d intakes failed with %s during the fail-over, want 503\n%s", n, answer, srv.logLines(`"level":"ERROR"`))
		}
	}
	promoted, err := sql.Open("pgx", cluster.url(cluster.standbyPort))
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
	// Receipts committed whose answer was lost in the fail-over have their numbers too.
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
