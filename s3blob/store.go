package s3blob

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"io/fs"
	"strings"

	"github.com/minio/minio-go/v7"
	"github.com/minio/minio-go/v7/pkg/credentials"
)

// Store is one bucket of an S3-compatible object store.
type Store struct {
	client *minio.Client
	bucket string
	secret string // redacted from every error
}

// Open connects to the store and creates the bucket if it does not exist yet.
func Open(ctx context.Context, cfg Config) (*Store, error) {
	if err := cfg.validate(); err != nil {
		return nil, err
	}
	s := &Store{bucket: cfg.Bucket, secret: cfg.SecretKey}
	client, err := minio.New(cfg.Endpoint, &minio.Options{
		Creds:      credentials.NewStaticV4(cfg.AccessKey, cfg.SecretKey, ""),
		Secure:     !cfg.Insecure,
		Region:     cfg.Region,
		MaxRetries: cfg.MaxRetries,
	})
	if err != nil {
		return nil, s.fail("connect to "+cfg.Endpoint, err)
	}
	s.client = client
	if err := s.ensureBucket(ctx, cfg.Region); err != nil {
		return nil, err
	}
	return s, nil
}

func (s *Store) ensureBucket(ctx context.Context, region string) error {
	exists, err := s.client.BucketExists(ctx, s.bucket)
	if err != nil {
		return s.fail("check bucket "+s.bucket, err)
	}
	if exists {
		return nil
	}
	err = s.client.MakeBucket(ctx, s.bucket, minio.MakeBucketOptions{Region: region})
	if err != nil {
		// Another instance starting at the same moment may have created it first.
		if exists, again := s.client.BucketExists(ctx, s.bucket); again == nil && exists {
			return nil
		}
		return s.fail("create bucket "+s.bucket, err)
	}
	return nil
}

// Put stores content under key, replacing what was there.
func (s *Store) Put(ctx context.Context, key string, content []byte, contentType string) error {
	_, err := s.client.PutObject(ctx, s.bucket, key, bytes.NewReader(content), int64(len(content)),
		minio.PutObjectOptions{ContentType: contentType})
	if err != nil {
		return s.fail("put "+key, err)
	}
	return nil
}

// Get returns the content under key; a missing key is an error that matches fs.ErrNotExist.
func (s *Store) Get(ctx context.Context, key string) ([]byte, error) {
	obj, err := s.client.GetObject(ctx, s.bucket, key, minio.GetObjectOptions{})
	if err != nil {
		return nil, s.fail("get "+key, err)
	}
	defer obj.Close()
	content, err := io.ReadAll(obj)
	if err != nil {
		if minio.ToErrorResponse(err).Code == minio.NoSuchKey {
			return nil, fmt.Errorf("s3blob: get %s/%s: %w", s.bucket, key, fs.ErrNotExist)
		}
		return nil, s.fail("get "+key, err)
	}
	return content, nil
}

// fail wraps a client error for op, with the secret key cut out of its text.
func (s *Store) fail(op string, err error) error {
	msg := err.Error()
	if s.secret != "" {
		msg = strings.ReplaceAll(msg, s.secret, "[redacted]")
	}
	return &storeError{msg: "s3blob: " + op + ": " + msg, err: err}
}

// storeError keeps the cause for errors.Is (a cancelled context, say) while its text is
// the redacted one.
type storeError struct {
	msg string
	err error
}

func (e *storeError) Error() string { return e.msg }
func (e *storeError) Unwrap() error { return e.err }
