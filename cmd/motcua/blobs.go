package main

import (
	"context"
	"flag"
	"log/slog"
	"os"
	"time"

	"github.com/motcua/motcua/s3blob"
	"github.com/motcua/motcua/sqlstore"
)

// s3Flags adds the object store's flags to fs; the keys are read from the environment only.
func s3Flags(fs *flag.FlagSet) *s3blob.Config {
	var s3 s3blob.Config
	fs.StringVar(&s3.Endpoint, "s3-endpoint", env("MOTCUA_S3_ENDPOINT", ""),
		"S3-compatible object store HOST:PORT for attachments; empty = in the database (MOTCUA_S3_ENDPOINT; keys in MOTCUA_S3_ACCESS_KEY, MOTCUA_S3_SECRET_KEY)")
	fs.StringVar(&s3.Bucket, "s3-bucket", env("MOTCUA_S3_BUCKET", "motcua"), "bucket for attachments, created if missing (MOTCUA_S3_BUCKET)")
	fs.StringVar(&s3.Region, "s3-region", env("MOTCUA_S3_REGION", ""), "object store region, if it needs one (MOTCUA_S3_REGION)")
	fs.BoolVar(&s3.Insecure, "s3-insecure", env("MOTCUA_S3_INSECURE", "") == "1", "reach the object store over plain HTTP (MOTCUA_S3_INSECURE=1)")
	return &s3
}

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

// sweepDocuments removes, every interval until ctx ends, the objects no attachment refers
// to that are older than olderThan (SweepDocuments). A sweep is safe alongside another and
// alongside uploads, but when several instances share a database only one sweeps at a
// time (sqlstore's Alone). The first sweep waits a whole interval, so a restart loop does
// not list the bucket each time.
func sweepDocuments(ctx context.Context, db *sqlstore.DB, every, olderThan time.Duration, log *slog.Logger) {
	tick := time.NewTicker(every)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
		// One instance sweeps at a time; the others skip their turn.
		var rep sqlstore.SweepReport
		ran, err := db.Alone(ctx, "object store sweep", func(ctx context.Context) (err error) {
			rep, err = db.SweepDocuments(ctx, time.Now().Add(-olderThan), false)
			return err
		})
		switch {
		case err != nil && ctx.Err() == nil:
			log.Warn("object store sweep stopped", "err", err, "removed", rep.Removed)
		case ran && err == nil:
			log.Info("object store swept", "objects", rep.Objects, "referenced", rep.Referenced, "recent", rep.Young,
				"removed", rep.Removed, "removed_bytes", rep.Bytes)
		}
	}
}
