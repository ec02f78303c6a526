package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/dustin/go-humanize"

	"github.com/motcua/motcua"
	"github.com/motcua/motcua/s3blob"
	"github.com/motcua/motcua/sqlstore"
)

// runDocuments looks after attachments kept in the object store:
// `motcua documents sweep|export|import`.
func runDocuments(args []string, stdout io.Writer) error {
	usage := "cách dùng / usage: motcua documents sweep [--older-than 24h] [--dry-run] | export DIR | import DIR"
	if len(args) == 0 {
		return fmt.Errorf("%s", usage)
	}
	fs := flag.NewFlagSet("documents "+args[0], flag.ContinueOnError)
	dsn := dbFlag(fs)
	s3 := s3Flags(fs)
	ctx := context.Background()
	switch args[0] {
	case "sweep":
		olderThan := fs.Duration("older-than", 24*time.Hour, "spare objects put more recently than this: their upload may still be committing")
		dryRun := fs.Bool("dry-run", false, "count what would be removed and remove nothing")
		if err := fs.Parse(args[1:]); err != nil {
			return err
		}
		if *olderThan < time.Minute {
			return motcua.Invalid("older-than", "--older-than phải từ 1 phút trở lên", "--older-than must be at least a minute")
		}
		return withObjectStore(ctx, *dsn, *s3, func(db *sqlstore.DB) error {
			rep, err := db.SweepDocuments(ctx, time.Now().Add(-*olderThan), *dryRun)
			verb := "đã xoá / removed"
			if *dryRun {
				verb = "sẽ xoá (chạy thử) / would remove (dry run)"
			}
			fmt.Fprintf(stdout, "%d đối tượng / objects: %d có hồ sơ trỏ tới / referenced, %d mới / recent; %s %d (%s)\n",
				rep.Objects, rep.Referenced, rep.Young, verb, rep.Removed, humanize.IBytes(uint64(rep.Bytes)))
			return err
		})
	case "export", "import":
		if err := fs.Parse(args[1:]); err != nil {
			return err
		}
		if fs.NArg() != 1 {
			return fmt.Errorf("%s", usage)
		}
		return withObjectStore(ctx, *dsn, *s3, func(db *sqlstore.DB) error {
			return copyDocuments(ctx, db, args[0] == "export", fs.Arg(0), stdout)
		})
	}
	return fmt.Errorf("%s", usage)
}

// copyDocuments copies the object store's documents into dir (export) or from it (import)
// and reports what it did.
func copyDocuments(ctx context.Context, db *sqlstore.DB, export bool, dir string, stdout io.Writer) error {
	copyFn, verb := db.ImportDocuments, "đưa lên kho từ / imported from"
	if export {
		copyFn, verb = db.ExportDocuments, "chép ra / exported to"
	}
	rep, err := copyFn(ctx, dir)
	fmt.Fprintf(stdout, "tệp đính kèm / attachments: %d; %s %s: %d (%s); đã có sẵn / already there: %d\n",
		rep.Documents, verb, dir, rep.Copied, humanize.IBytes(uint64(rep.Bytes)), rep.Present)
	return err
}

// withObjectStore opens the database with its object store, which must be configured.
func withObjectStore(ctx context.Context, dsn string, cfg s3blob.Config, fn func(*sqlstore.DB) error) error {
	if cfg.Endpoint == "" {
		return motcua.Invalid("s3-endpoint", "chưa cấu hình kho lưu trữ: đặt --s3-endpoint hoặc MOTCUA_S3_ENDPOINT",
			"no object store is configured: set --s3-endpoint or MOTCUA_S3_ENDPOINT")
	}
	return withDB(dsn, func(db *sqlstore.DB) error {
		if err := useObjectStore(ctx, db, cfg, newLogger(os.Stderr, "warn")); err != nil {
			return err
		}
		return fn(db)
	})
}
