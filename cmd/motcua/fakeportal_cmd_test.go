package main

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/motcua/motcua/portal"
)

func TestFakePortalCommandServes(t *testing.T) {
	record := filepath.Join(t.TempDir(), "requests.jsonl")
	pr, pw := io.Pipe()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- serveFakePortal(ctx, []string{"--addr", "127.0.0.1:0", "--fail-first", "1", "--record", record}, pw)
		pw.Close()
	}()
	line, err := bufio.NewReader(pr).ReadString('\n')
	if err != nil {
		t.Fatalf("no address printed: %v", err)
	}
	go io.Copy(io.Discard, pr)
	base := regexp.MustCompile(`http://[0-9.:]+`).FindString(line)
	if base == "" {
		t.Fatalf("no URL in %q", line)
	}

	c := &portal.Client{BaseURL: base, HTTP: &http.Client{Timeout: 5 * time.Second}}
	data := []portal.ProgressRecord{{MaHoSo: "x"}}
	if _, err := c.Send(context.Background(), portal.ServiceUpdateProgress, false, data); err == nil || portal.IsPermanent(err) {
		t.Fatalf("first call should be a temporary 503: %v", err)
	}
	if _, err := c.Send(context.Background(), portal.ServiceUpdateProgress, false, data); !portal.IsPermanent(err) {
		t.Fatalf("an incomplete step should be refused: %v", err)
	}
	resp, err := http.Get(base + "/records")
	if err != nil {
		t.Fatal(err)
	}
	var recs portal.FakeRecords
	err = json.NewDecoder(resp.Body).Decode(&recs)
	resp.Body.Close()
	if err != nil || len(recs.Requests) != 2 {
		t.Fatalf("records %+v, %v", recs, err)
	}

	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("fake portal did not stop")
	}
	b, _ := os.ReadFile(record)
	if n := strings.Count(string(b), "\n"); n != 2 {
		t.Fatalf("%d requests recorded", n)
	}
}

func TestFakePortalCommandRejectsBadFlags(t *testing.T) {
	var out strings.Builder
	if err := serveFakePortal(context.Background(), []string{"--fail-mode", "flaky"}, &out); err == nil {
		t.Fatal("accepted --fail-mode flaky")
	}
	if err := serveFakePortal(context.Background(), []string{"extra"}, &out); err == nil {
		t.Fatal("accepted a stray argument")
	}
}
