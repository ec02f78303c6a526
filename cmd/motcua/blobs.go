package main

import (
	"context"
	"log/slog"
	"os"

	"github.com/motcua/motcua/s3blob"
	"github.com/motcua/motcua/sqlstore"
)

// useObjectStore moves the content of new documents to an S3-compatible bucket when cfg
// names an endpoint; without one it stays in the database. The keys come only from the
// environment, never from flags, so they show in no process list and no log.
func useObjectStore(ctx context.Context, db *sqlstore.DB, cfg s3blob.Config, log *slog.Logger) error {
	if cfg.Endpoint == "" {
		log.Info("attachments stored in the database: MOTCUA_S3_ENDPOINT is not set")
		return nil
	}
	cfg.AccessKey, cfg.SecretKey = os.Getenv("MOTCUA_S3_ACCESS_KEY"), os.Getenv("MOTCUA_S3_SECRET_KEY")
	store, err := s3blob.Open(ctx, cfg)
	if err != nil {
		return err
	}
	db.UseBlobs(store)
	log.Info("attachments stored in S3-compatible object storage", "s3", cfg)
	return nil
}
