package s3blob_test

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/motcua/motcua/s3blob/s3blobtest"
)

// TestListExistsDelete: List returns what was put under the prefix with its size and
// time, Exists tells present from absent, and Delete removes a key (twice is harmless).
func TestListExistsDelete(t *testing.T) {
	ctx := context.Background()
	s, _ := s3blobtest.Open(t)
	before := time.Now().Add(-time.Minute)
	for key, content := range map[string]string{"documents/a": "aa", "documents/b": "bbb", "other/c": "c"} {
		if err := s.Put(ctx, key, []byte(content), "text/plain"); err != nil {
			t.Fatal(err)
		}
	}
	var keys []string
	sizes := map[string]int64{}
	err := s.List(ctx, "documents/", func(key string, size int64, modified time.Time) error {
		keys = append(keys, key)
		sizes[key] = size
		if modified.Before(before) || modified.After(time.Now().Add(time.Minute)) {
			t.Errorf("%s modified %v", key, modified)
		}
		return nil
	})
	if err != nil || !slices.Equal(keys, []string{"documents/a", "documents/b"}) || sizes["documents/b"] != 3 {
		t.Fatalf("list: %v %v %v", keys, sizes, err)
	}

	stop := errors.New("stop")
	n := 0
	if err := s.List(ctx, "", func(string, int64, time.Time) error { n++; return stop }); !errors.Is(err, stop) || n != 1 {
		t.Fatalf("list stopped by fn: %d calls, %v", n, err)
	}

	if ok, err := s.Exists(ctx, "documents/a"); err != nil || !ok {
		t.Fatalf("exists a: %v %v", ok, err)
	}
	if err := s.Delete(ctx, "documents/a"); err != nil {
		t.Fatal(err)
	}
	if ok, err := s.Exists(ctx, "documents/a"); err != nil || ok {
		t.Fatalf("exists a after delete: %v %v", ok, err)
	}
	if err := s.Delete(ctx, "documents/a"); err != nil {
		t.Fatalf("deleting a missing key: %v", err)
	}
}
