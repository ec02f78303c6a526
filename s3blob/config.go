// Package s3blob keeps document content in an S3-compatible object store (Amazon S3,
// MinIO, Ceph and the like) through the MinIO client. It satisfies sqlstore.Blobs.
package s3blob

import (
	"log/slog"

	"github.com/motcua/motcua"
)

// Config says where the bucket is and how to reach it.
type Config struct {
	Endpoint  string // host:port, without a scheme
	Bucket    string
	Region    string // optional; some servers require it to create a bucket
	AccessKey string
	SecretKey string // never logged, never in an error
	Insecure  bool   // plain HTTP instead of TLS
	// MaxRetries is how many times a failed request is tried; 0 is the client's default (10).
	MaxRetries int
}

func (c Config) validate() error {
	if c.Endpoint == "" {
		return motcua.Invalid("s3-endpoint", "thiếu địa chỉ kho lưu trữ (host:port)", "object store endpoint (host:port) is missing")
	}
	if c.Bucket == "" {
		return motcua.Invalid("s3-bucket", "thiếu tên bucket", "bucket name is missing")
	}
	return nil
}

// LogValue shows where the store is, without the keys.
func (c Config) LogValue() slog.Value {
	return slog.GroupValue(slog.String("endpoint", c.Endpoint), slog.String("bucket", c.Bucket),
		slog.String("region", c.Region), slog.Bool("tls", !c.Insecure))
}
