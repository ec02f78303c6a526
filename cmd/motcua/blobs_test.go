package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/motcua/motcua/internal/logsink"
	"github.com/motcua/motcua/s3blob/s3blobtest"
	"github.com/motcua/motcua/sqlstore/sqlstoretest"
)

// TestObjectStoreStartUp: the start-up log names the endpoint and bucket in use and never
// the keys, which come from the environment.
func TestObjectStoreStartUp(t *testing.T) {
	db := sqlstoretest.Open(t, sqlstoretest.SQLiteDSN(t))
	_, cfg := s3blobtest.Start(t)
	t.Setenv("MOTCUA_S3_ACCESS_KEY", "access-from-env")
	t.Setenv("MOTCUA_S3_SECRET_KEY", s3blobtest.SecretKey)
	var logs bytes.Buffer
	cfg.AccessKey, cfg.SecretKey = "", ""
	if err := useObjectStore(context.Background(), db, cfg, newLogger(&logs, "info")); err != nil {
		t.Fatal(err)
	}
	text := logs.String()
	if !strings.Contains(text, cfg.Endpoint) || !strings.Contains(text, cfg.Bucket) ||
		strings.Contains(text, s3blobtest.SecretKey) || strings.Contains(text, "access-from-env") {
		t.Fatalf("start-up log: %s", text)
	}

	logs.Reset()
	cfg.Endpoint = ""
	if err := useObjectStore(context.Background(), db, cfg, newLogger(&logs, "info")); err != nil ||
		!strings.Contains(logs.String(), "in the database") {
		t.Fatalf("without an endpoint: %v %s", err, logs.String())
	}
}

// TestServeSweepsDocuments: the sweep serve runs removes an orphan over a day old and logs
// what it did.
func TestServeSweepsDocuments(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	db := sqlstoretest.Open(t, sqlstoretest.SQLiteDSN(t))
	store, _ := s3blobtest.OpenWithClock(t, time.Now().Add(-48*time.Hour))
	db.UseBlobs(store)
	orphan := "documents/" + strings.Repeat("0", 64)
	if err := store.Put(ctx, orphan, []byte("%PDF-1.4 orphan\n"), "application/pdf"); err != nil {
		t.Fatal(err)
	}
	var logs logsink.Buffer
	done := make(chan struct{})
	go func() {
		sweepDocuments(ctx, db, 20*time.Millisecond, 24*time.Hour, newLogger(&logs, "info"))
		close(done)
	}()
	for deadline := time.Now().Add(5 * time.Second); !strings.Contains(logs.String(), "object store swept"); time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("no sweep logged: %s", logs.String())
		}
	}
	cancel()
	<-done
	if text := logs.String(); !strings.Contains(text, `"msg":"object store swept","objects":1,"referenced":0,"recent":0,"removed":1`) {
		t.Fatalf("sweep log: %s", text)
	}
	if ok, err := store.Exists(context.Background(), orphan); err != nil || ok {
		t.Fatalf("the orphan is still there: %v %v", ok, err)
	}
}
