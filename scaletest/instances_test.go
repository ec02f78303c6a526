package scaletest

import (
	"cmp"
	"context"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/motcua/motcua/demo"
	"github.com/motcua/motcua/loadgen"
	"github.com/motcua/motcua/smtp/smtptest"
	"github.com/motcua/motcua/sqlstore/sqlstoretest"
)

// TestSeveralInstancesOnPostgres runs two servers on one PostgreSQL schema, each with its
// own mail worker sending to a real SMTP server, and files and receives dossiers through
// both at once, every dossier's three requests spread over the two. Afterwards every code
// is unique, each unit's numbers of the day run 1..N without a gap, every "received"
// e-mail arrived exactly once, and a session opened on one instance works on the other.
// Each lists both as alive; once one is killed, the other lists it as not answering and
// counts itself alone.
func TestSeveralInstancesOnPostgres(t *testing.T) {
	dsn := sqlstoretest.PostgresDSN(t) // skips without MOTCUA_TEST_POSTGRES
	n := 2000
	if testing.Short() {
		n = 300
	}
	runInstances(t, dsn, n, false, "")
}

// TestSeveralInstancesThroughPgBouncer: the same through PgBouncer in transaction pooling
// mode, the two instances' twenty connections sharing six of the server's, on a schema
// the first instance creates through it. The URL is a plain one: each instance notices the
// pooler and prepares nothing. Their periodic jobs run meanwhile, each under its lock.
func TestSeveralInstancesThroughPgBouncer(t *testing.T) {
	pooled := sqlstoretest.PgBouncer(t, sqlstoretest.PostgresDSN(t), "transaction", 6)
	n := 1000
	if testing.Short() {
		n = 200
	}
	runInstances(t, pooled, n, true, "exec")
}

// TestSeveralInstancesThroughAPgBouncerKeepingPrepared: the same through a PgBouncer that
// keeps statements prepared by name (1.21 and later, max_prepared_statements): each
// instance notices the pooler and still prepares its statements, as directly.
func TestSeveralInstancesThroughAPgBouncerKeepingPrepared(t *testing.T) {
	pooled := sqlstoretest.PgBouncerKeepingPrepared(t, sqlstoretest.PostgresDSN(t), 6)
	n := 1000
	if testing.Short() {
		n = 200
	}
	runInstances(t, pooled, n, true, "cache_statement")
}

// runInstances starts two servers on dsn, checks that each reports in /metrics and the
// instances API how it reaches PostgreSQL (through a pooler in transaction mode or not,
// statements sent in mode, "" for the driver's default), has 16 clients file, submit and receive n dossiers through
// both, and ends with the second killed (checkFleet).
func runInstances(t *testing.T, dsn string, n int, pooled bool, mode string) {
	t.Helper()
	clients := 16
	mailbox := smtptest.Start(t)
	env := []string{"MOTCUA_SMTP_ADDR=" + mailbox.Addr, "MOTCUA_SMTP_TLS=none"}
	a := startServer(t, "a", dsn, env, "--demo", "--demo-history=false", "--heartbeat", "100ms")
	b := startServer(t, "b", dsn, env, "--heartbeat", "100ms")
	ctx := context.Background()
	instances := []*loadgen.Client{a.Client, b.Client}
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("instance a:\n%s\ninstance b:\n%s", a.logTail(), b.logTail())
		}
	})

	dbInfo := fmt.Sprintf(`motcua_db_info{engine="postgres",exec_mode=%q,pooler=%q}`,
		cmp.Or(mode, "default"), map[bool]string{true: "transaction", false: "none"}[pooled])
	for _, c := range instances {
		r, err := c.Expect(context.Background(), http.StatusOK, "GET", "/metrics", "", nil)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(r.Body), dbInfo+" 1\n") {
			t.Fatalf("an instance does not report %s", dbInfo)
		}
	}
	checkPoolerShown(t, b.Client, pooled, mode)
	checkSharedSessions(t, a.Client, b.Client)

	// Tokens come from both instances. Drafts are filed by the demo citizen: the demo
	// business account's tax code fails its check digit, so it cannot file.
	var applicant [2]string
	for i, c := range instances {
		tok, err := c.Token(ctx, "congdan", demo.Password)
		if err != nil {
			t.Fatal(err)
		}
		applicant[i] = tok
	}
	desk, err := b.Client.Token(ctx, "tiepnhan", demo.Password)
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	codes := map[string]int64{}
	start := time.Now()
	res := loadgen.Run(ctx, n, clients, func(ctx context.Context, i int) error {
		in := loadgen.Intake{Applicant: applicant[i%2], Desk: desk}
		// Each request of a dossier goes to the other instance than the one before.
		pick := func(s loadgen.Step) *loadgen.Client { return instances[(i+int(s))%2] }
		_, r, err := in.Run(ctx, pick, fmt.Sprintf("multi-%d", i))
		if err == nil {
			mu.Lock()
			codes[r.Code]++
			mu.Unlock()
		}
		return err
	})
	if res.Errors > 0 {
		t.Fatalf("%d of %d intakes failed, first: %v", res.Errors, n, res.FirstErr)
	}
	lat := res.Latency.Summarize()
	t.Logf("%d dossiers through 2 instances in %v (%.0f/s; intake p50 %v, p99 %v)",
		n, res.Elapsed.Round(time.Millisecond), res.PerSecond(), lat.P50, lat.P99)

	all := make([]string, 0, n)
	for c, k := range codes {
		if k != 1 {
			t.Errorf("code %s answered %d times", c, k)
		}
		all = append(all, c)
	}
	perDay := checkSequences(t, all)
	if len(all) != n {
		t.Fatalf("%d distinct codes for %d dossiers", len(all), n)
	}
	t.Logf("code sequences: %v", perDay)
	checkCodeNumbers(t, n, a.Client, b.Client)

	checkMailOnce(t, mailbox, codes, time.Since(start))
	// The last look: a session still crosses instances after the load.
	if _, err := b.Client.Expect(ctx, http.StatusOK, "GET", "/api/v1/me", applicant[0], nil); err != nil {
		t.Fatal(err)
	}
	checkFleet(t, a, b) // b ends killed
}

// checkCodeNumbers reads how each instance numbered its receipts from /metrics: every
// receipt's number was dealt or taken under lock, and each dealt number found taken was
// taken again under lock, so dealt - taken + locked is the number of receipts.
func checkCodeNumbers(t *testing.T, receipts int, instances ...*loadgen.Client) {
	t.Helper()
	var dealt, taken, locked, conflicts float64
	for _, c := range instances {
		r, err := c.Expect(context.Background(), http.StatusOK, "GET", "/metrics", "", nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(r.Body), "\n") {
			name, v, _ := strings.Cut(line, " ")
			f, _ := strconv.ParseFloat(v, 64)
			switch name {
			case "motcua_code_numbers_dealt_total":
				dealt += f
			case "motcua_code_numbers_taken_total":
				taken += f
			case "motcua_code_numbers_locked_total":
				locked += f
			case "motcua_db_conflicts_total":
				conflicts += f
			}
		}
	}
	t.Logf("code numbers: %.0f dealt, %.0f of them found taken, %.0f taken under lock; %.0f transactions rolled back by a conflict",
		dealt, taken, locked, conflicts)
	if int(dealt-taken+locked) != receipts {
		t.Errorf("%.0f dealt - %.0f taken + %.0f locked for %d receipts", dealt, taken, locked, receipts)
	}
}

// checkSharedSessions signs in on one instance and uses the token on the other, then
// signs out on the second and expects the first to refuse it.
func checkSharedSessions(t *testing.T, a, b *loadgen.Client) {
	t.Helper()
	ctx := context.Background()
	tok, err := a.Token(ctx, "chuyenvien", demo.Password)
	if err != nil {
		t.Fatal(err)
	}
	r, err := b.Expect(ctx, http.StatusOK, "GET", "/api/v1/me", tok, nil)
	if err != nil {
		t.Fatalf("token from instance A on instance B: %v", err)
	}
	var me struct{ Username string }
	if r.Decode(&me); me.Username != "chuyenvien" {
		t.Fatalf("instance B sees %s", r.Body)
	}
	if _, err := b.Expect(ctx, http.StatusNoContent, "DELETE", "/api/v1/auth/token", tok, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Expect(ctx, http.StatusUnauthorized, "GET", "/api/v1/me", tok, nil); err != nil {
		t.Fatalf("token revoked on B still works on A: %v", err)
	}
}

// checkPoolerShown checks that the instances API says, as motcua_db_info does, whether
// a pooler in transaction mode was found and how statements are sent.
func checkPoolerShown(t *testing.T, c *loadgen.Client, pooled bool, mode string) {
	t.Helper()
	ctx := context.Background()
	tok, err := c.Token(ctx, "admin", demo.Password)
	if err != nil {
		t.Fatal(err)
	}
	r, err := c.Expect(ctx, http.StatusOK, "GET", "/api/v1/instances", tok, nil)
	if err != nil {
		t.Fatal(err)
	}
	var v struct {
		Pooled bool   `json:"transaction_pooler"`
		Mode   string `json:"exec_mode"`
	}
	if err := r.Decode(&v); err != nil || v.Pooled != pooled || v.Mode != mode {
		t.Fatalf("the instances API says pooler %v, exec mode %q (%v); want %v, %q", v.Pooled, v.Mode, err, pooled, mode)
	}
}

// checkMailOnce waits for one "received" e-mail per code and checks that each arrived
// once: once in the mailbox (by Message-ID) and once on the wire.
func checkMailOnce(t *testing.T, mailbox *smtptest.Server, codes map[string]int64, since time.Duration) {
	t.Helper()
	n := len(codes)
	wire := mailbox.WaitReceived(n, time.Minute)
	// Give a duplicate, if any, the time to show up before counting.
	time.Sleep(500 * time.Millisecond)
	wire = mailbox.Received()
	box := mailbox.Mailbox()
	t.Logf("e-mail: %d on the wire, %d distinct Message-IDs, for %d receipts (all in by %v)",
		len(wire), len(box), n, since.Round(time.Millisecond))
	perCode := map[string]int{}
	for _, m := range box {
		subject, to, body := mailText(t, m)
		if !strings.Contains(to, "@example.vn") {
			t.Errorf("message %s to %q", m.MessageID, to)
		}
		found := ""
		for _, line := range strings.Fields(body) {
			line = strings.Trim(line, ".,;:()")
			if _, ok := codes[line]; ok {
				found = line
				break
			}
		}
		if found == "" {
			t.Errorf("message %s (%q) names no dossier code of this run", m.MessageID, subject)
			continue
		}
		perCode[found]++
	}
	for c := range codes {
		if perCode[c] != 1 {
			t.Errorf("dossier %s: %d e-mails in the mailbox, want 1", c, perCode[c])
		}
	}
	if len(box) != n {
		t.Errorf("%d distinct messages for %d receipts", len(box), n)
	}
	if len(wire) != n {
		t.Errorf("%d messages on the wire for %d receipts: a copy was sent twice", len(wire), n)
	}
}
