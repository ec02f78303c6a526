package s3blob_test

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"strings"
	"testing"

	"github.com/minio/minio-go/v7"
	"github.com/minio/minio-go/v7/pkg/credentials"

	"github.com/motcua/motcua"
	"github.com/motcua/motcua/s3blob"
	"github.com/motcua/motcua/s3blob/s3blobtest"
)

// TestOpenCreatesBucket: the bucket is made at start-up, and opening again finds it.
func TestOpenCreatesBucket(t *testing.T) {
	ctx := context.Background()
	srv, cfg := s3blobtest.Start(t)
	raw, err := minio.New(cfg.Endpoint, &minio.Options{Creds: credentials.NewStaticV4(cfg.AccessKey, cfg.SecretKey, "")})
	if err != nil {
		t.Fatal(err)
	}
	if ok, err := raw.BucketExists(ctx, cfg.Bucket); err != nil || ok {
		t.Fatalf("before Open: exists %v, %v", ok, err)
	}
	if _, err := s3blob.Open(ctx, cfg); err != nil {
		t.Fatal(err)
	}
	if ok, err := raw.BucketExists(ctx, cfg.Bucket); err != nil || !ok {
		t.Fatalf("after Open on %s: exists %v, %v", srv.URL, ok, err)
	}
	if _, err := s3blob.Open(ctx, cfg); err != nil {
		t.Fatalf("second Open: %v", err)
	}
}

func TestPutGet(t *testing.T) {
	ctx := context.Background()
	s, _ := s3blobtest.Open(t)
	content := []byte("%PDF-1.4 giấy phép")
	if err := s.Put(ctx, "documents/abc", content, "application/pdf"); err != nil {
		t.Fatal(err)
	}
	got, err := s.Get(ctx, "documents/abc")
	if err != nil || !bytes.Equal(got, content) {
		t.Fatalf("get: %q, %v", got, err)
	}
	// Putting the same key again is harmless.
	if err := s.Put(ctx, "documents/abc", content, "application/pdf"); err != nil {
		t.Fatal(err)
	}
	if got, err := s.Get(ctx, "documents/abc"); err != nil || !bytes.Equal(got, content) {
		t.Fatalf("get after a second put: %q, %v", got, err)
	}
}

func TestGetMissingKey(t *testing.T) {
	s, _ := s3blobtest.Open(t)
	_, err := s.Get(context.Background(), "documents/none")
	if !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("missing key: %v, want fs.ErrNotExist", err)
	}
}

// TestErrorsHideSecret: a store that cannot be reached fails with an error naming the
// endpoint and never the secret key.
func TestErrorsHideSecret(t *testing.T) {
	ctx := context.Background()
	s, srv := s3blobtest.Open(t)
	srv.Close()
	errs := []error{s.Put(ctx, "documents/x", []byte("x"), "text/plain")}
	_, err := s.Get(ctx, "documents/x")
	errs = append(errs, err)
	_, cfg := s3blobtest.Start(t)
	cfg.Endpoint = strings.TrimPrefix(srv.URL, "http://")
	_, err = s3blob.Open(ctx, cfg)
	errs = append(errs, err)
	for i, err := range errs {
		if err == nil {
			t.Fatalf("call %d succeeded against a stopped server", i)
		}
		if strings.Contains(err.Error(), s3blobtest.SecretKey) || !strings.HasPrefix(err.Error(), "s3blob: ") {
			t.Fatalf("call %d: %v", i, err)
		}
	}
	if !strings.Contains(errs[2].Error(), cfg.Endpoint) {
		t.Fatalf("open error does not name the endpoint: %v", errs[2])
	}
}

// TestConfigNamesField: a missing endpoint or bucket is refused before any connection.
func TestConfigNamesField(t *testing.T) {
	for field, cfg := range map[string]s3blob.Config{
		"s3-endpoint": {Bucket: "b"},
		"s3-bucket":   {Endpoint: "127.0.0.1:9000"},
	} {
		_, err := s3blob.Open(context.Background(), cfg)
		var e *motcua.Error
		if !errors.As(err, &e) || e.Field != field || e.VI == "" || e.EN == "" {
			t.Fatalf("%s: %v", field, err)
		}
	}
}

// TestLogValueHidesKeys: logging the config shows where the store is and no key.
func TestLogValueHidesKeys(t *testing.T) {
	cfg := s3blob.Config{Endpoint: "s3.internal:9000", Bucket: "motcua", AccessKey: "AKIAEXAMPLE", SecretKey: "s3cr3t"}
	text := cfg.LogValue().String()
	if !strings.Contains(text, "s3.internal:9000") || !strings.Contains(text, "motcua") ||
		strings.Contains(text, "s3cr3t") || strings.Contains(text, "AKIAEXAMPLE") {
		t.Fatalf("log value: %s", text)
	}
}
