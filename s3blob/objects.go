package s3blob

import (
	"context"
	"time"

	"github.com/minio/minio-go/v7"
)

// Exists reports whether key is in the bucket.
func (s *Store) Exists(ctx context.Context, key string) (bool, error) {
	_, err := s.client.StatObject(ctx, s.bucket, key, minio.StatObjectOptions{})
	if err == nil {
		return true, nil
	}
	if minio.ToErrorResponse(err).Code == minio.NoSuchKey {
		return false, nil
	}
	return false, s.fail("stat "+key, err)
}

// List calls fn with the key, size and last put time of every object whose key starts
// with prefix, in key order, and stops at the first error fn returns.
func (s *Store) List(ctx context.Context, prefix string, fn func(key string, size int64, modified time.Time) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel() // stops the lister if fn returns early
	for info := range s.client.ListObjects(ctx, s.bucket, minio.ListObjectsOptions{Prefix: prefix, Recursive: true}) {
		if info.Err != nil {
			return s.fail("list "+prefix, info.Err)
		}
		if err := fn(info.Key, info.Size, info.LastModified); err != nil {
			return err
		}
	}
	return ctx.Err()
}

// Delete removes key from the bucket; a key that is not there is no error.
func (s *Store) Delete(ctx context.Context, key string) error {
	if err := s.client.RemoveObject(ctx, s.bucket, key, minio.RemoveObjectOptions{}); err != nil {
		return s.fail("delete "+key, err)
	}
	return nil
}
