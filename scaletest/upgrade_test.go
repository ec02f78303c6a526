package scaletest

import (
	"bytes"
	"context"
	"fmt"
	"mime/multipart"
	"net/http"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/motcua/motcua/demo"
	"github.com/motcua/motcua/loadgen"
	"github.com/motcua/motcua/sqlstore/sqlstoretest"
)

// TestUpgradeWhileThePreviousBuildServes follows the README's upgrade steps with the
// build before the newest migration (see previousBuild) as the running one. That build
// serves on a new database and files dossiers; this build's `motcua migrate` runs while
// it keeps filing; the previous build goes on working on the migrated schema (intake,
// upload, lists, public tracking) and starts again on it, as during a rolling upgrade or
// after a rollback of the binary; then both builds serve side by side, and this build
// reads and verifies everything the previous one wrote.
func TestUpgradeWhileThePreviousBuildServes(t *testing.T) {
	old, rev := previousBuild(t)
	t.Logf("previous build: %s", rev)
	t.Run("sqlite", func(t *testing.T) {
		upgradeWhileServing(t, old, filepath.Join(t.TempDir(), "motcua.db"))
	})
	t.Run("postgres", func(t *testing.T) {
		upgradeWhileServing(t, old, sqlstoretest.PostgresDSN(t))
	})
}

func upgradeWhileServing(t *testing.T, old, dsn string) {
	ctx := context.Background()
	prev := startBuild(t, old, "previous", dsn, nil, "--demo", "--demo-history=false")
	in, err := loadgen.SignIn(ctx, prev.Client, "congdan", "tiepnhan", demo.Password)
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	receipts := map[int64]string{}
	intake := func(pick func(loadgen.Step) *loadgen.Client, key string) error {
		id, r, err := in.Run(ctx, pick, key)
		if err == nil {
			mu.Lock()
			receipts[id] = r.Code
			mu.Unlock()
		}
		return err
	}
	onPrev := func(loadgen.Step) *loadgen.Client { return prev.Client }
	for i := range 10 {
		if err := intake(onPrev, fmt.Sprintf("before-%d", i)); err != nil {
			t.Fatal(err)
		}
	}

	// The upgrade's migration runs while the previous build takes dossiers.
	var during, failed atomic.Int64
	var firstErr atomic.Value
	stop := make(chan struct{})
	loaded := make(chan struct{})
	go func() {
		defer close(loaded)
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			if err := intake(onPrev, fmt.Sprintf("during-%d", i)); err != nil {
				failed.Add(1)
				firstErr.CompareAndSwap(nil, err)
			} else {
				during.Add(1)
			}
		}
	}()
	out, err := motcua(t, "migrate", "--db", dsn)
	migrated := during.Load()
	time.Sleep(500 * time.Millisecond)
	close(stop)
	<-loaded
	if err != nil {
		t.Fatalf("migrate: %v\n%s", err, out)
	}
	if !strings.Contains(out, "applied 00") {
		t.Fatalf("this build applied no migration to the previous build's database, so the test shows nothing:\n%s", out)
	}
	t.Logf("migrate:\n%s", strings.TrimSpace(out))
	if failed.Load() > 0 {
		t.Fatalf("%d intakes on the previous build failed during the migration; first: %v\n%s",
			failed.Load(), firstErr.Load(), prev.logTail())
	}
	if during.Load() == migrated {
		t.Fatalf("no intake ended after the migration (%d during it)", migrated)
	}
	t.Logf("%d intakes on the previous build while migrating, %d after", migrated, during.Load()-migrated)

	// The previous build on the migrated schema: an upload, the lists, public tracking.
	doc := previousBuildWorks(t, prev.Client, in, receipts)
	if err := prev.stop(15 * time.Second); err != nil {
		t.Fatal(err)
	}
	prev = startBuild(t, old, "previous-again", dsn, nil)

	// Both builds side by side, each dossier's requests spread over the two.
	cur := startServer(t, "current", dsn, nil)
	both := []*loadgen.Client{prev.Client, cur.Client}
	res := loadgen.Run(ctx, 40, 4, func(ctx context.Context, i int) error {
		return intake(func(s loadgen.Step) *loadgen.Client { return both[(i+int(s))%2] }, fmt.Sprintf("mixed-%d", i))
	})
	if res.Errors > 0 {
		t.Fatalf("%d of 40 intakes over both builds failed; first: %v\n%s\n%s", res.Errors, res.FirstErr, prev.logTail(), cur.logTail())
	}

	// This build reads what the previous one wrote: every receipt, the file, the chains.
	seen := map[string]int64{}
	for id, code := range receipts {
		var d loadgen.Receipt
		r, err := cur.Client.Expect(ctx, http.StatusOK, "GET", fmt.Sprintf("/api/v1/dossiers/%d", id), in.Desk, nil)
		if err == nil {
			err = r.Decode(&d)
		}
		if err != nil || d.Code != code {
			t.Fatalf("dossier %d on this build: %v, code %q, want %q", id, err, d.Code, code)
		}
		if other, dup := seen[code]; dup {
			t.Fatalf("code %s issued to dossiers %d and %d", code, other, id)
		}
		seen[code] = id
	}
	r, err := cur.Client.Expect(ctx, http.StatusOK, "GET", doc.path, in.Applicant, nil)
	if err != nil || !bytes.Equal(r.Body, doc.content) {
		t.Fatalf("the previous build's upload on this build: %v, %d bytes, want %d", err, len(r.Body), len(doc.content))
	}
	if out, err := motcua(t, "verify-log", "--db", dsn); err != nil {
		t.Fatalf("verify-log: %v\n%s", err, out)
	}
	t.Logf("%d dossiers received, every code once, every chain verified", len(receipts))
}

// uploaded is a file stored through the API: where to read it, and what it holds.
type uploaded struct {
	path    string
	content []byte
}

// previousBuildWorks uses the previous build on the migrated schema beyond the intake:
// an upload to a new draft, the desk's list, the applicant's list and a public lookup of
// a received dossier.
func previousBuildWorks(t *testing.T, c *loadgen.Client, in loadgen.Intake, receipts map[int64]string) uploaded {
	t.Helper()
	ctx := context.Background()
	r, err := c.Expect(ctx, http.StatusCreated, "POST", "/api/v1/dossiers", in.Applicant,
		map[string]any{"procedure_code": loadgen.DemoProcedure, "summary": "Hồ sơ có tệp"})
	if err != nil {
		t.Fatal(err)
	}
	var draft struct{ ID int64 }
	if err := r.Decode(&draft); err != nil {
		t.Fatal(err)
	}
	content := []byte("%PDF-1.4\n% tệp của bản dựng trước\n%%EOF\n")
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	mw.WriteField("slot", "0")
	fw, _ := mw.CreateFormFile("file", "don.pdf")
	fw.Write(content)
	mw.Close()
	req, _ := http.NewRequestWithContext(ctx, "POST", fmt.Sprintf("%s/api/v1/dossiers/%d/documents", c.Base, draft.ID), &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Authorization", "Bearer "+in.Applicant)
	var doc struct{ ID int64 }
	if r, err = c.Send(req); err == nil {
		err = r.Decode(&doc)
	}
	if r.Status != http.StatusCreated || err != nil || doc.ID == 0 {
		t.Fatalf("upload on the previous build: %d %v", r.Status, err)
	}
	for _, who := range []string{in.Desk, in.Applicant} {
		r, err := c.Expect(ctx, http.StatusOK, "GET", "/api/v1/dossiers", who, nil)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(r.Body, []byte(`"code"`)) {
			t.Fatalf("a list on the previous build shows no dossier: %.300s", r.Body)
		}
	}
	for _, code := range receipts {
		if _, err := c.Expect(ctx, http.StatusOK, "GET", "/api/v1/track?code="+code+"&secret=0912345678", "", nil); err != nil {
			t.Fatal(err)
		}
		break
	}
	return uploaded{fmt.Sprintf("/api/v1/dossiers/%d/documents/%d", draft.ID, doc.ID), content}
}
