package main

import (
	"bytes"
	"context"
	"strings"
	"testing"

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
