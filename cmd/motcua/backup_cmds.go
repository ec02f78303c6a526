package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"

	"github.com/motcua/motcua"
	"github.com/motcua/motcua/sqlstore"
)

// runBackup copies the database while the server runs: SQLite through VACUUM INTO,
// PostgreSQL through pg_dump in its custom format. Attachments kept in an object store are
// not in the database: --documents copies them into a folder after the database's copy is
// made, and a backup that would leave them out is refused unless --skip-documents says so.
func runBackup(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("backup", flag.ContinueOnError)
	dsn := dbFlag(fs)
	s3 := s3Flags(fs)
	documents := fs.String("documents", "", "also copy the attachments kept in the object store into this folder "+
		"(one file per SHA-256; files already there are kept, so one folder can serve every backup)")
	skipDocuments := fs.Bool("skip-documents", false, "back up the database alone, although attachments are in the object store")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return fmt.Errorf("cách dùng / usage: motcua backup [--db DB] [--documents DIR | --skip-documents] OUTPUT")
	}
	if *documents != "" && *skipDocuments {
		return motcua.Invalid("documents", "chọn --documents hoặc --skip-documents, không cả hai",
			"pass --documents or --skip-documents, not both")
	}
	out := fs.Arg(0)
	ctx := context.Background()
	return withDB(*dsn, func(db *sqlstore.DB) error {
		// Checked before anything is written, so a refused backup leaves nothing behind.
		stored, err := db.HasStoredDocuments(ctx)
		if err != nil {
			return err
		}
		if stored && *documents == "" && !*skipDocuments {
			return motcua.Invalid("documents",
				"tệp đính kèm nằm trong kho lưu trữ, không nằm trong cơ sở dữ liệu: thêm --documents THƯ_MỤC để chép cả chúng, hoặc --skip-documents",
				"attachments are kept in the object store, not in the database: add --documents DIR to copy them too, or --skip-documents")
		}
		copyThem := stored && *documents != ""
		if copyThem {
			if s3.Endpoint == "" {
				return motcua.Invalid("s3-endpoint", "cần --s3-endpoint (hoặc MOTCUA_S3_ENDPOINT) để chép tệp đính kèm",
					"--s3-endpoint (or MOTCUA_S3_ENDPOINT) is needed to copy the attachments")
			}
			if err := useObjectStore(ctx, db, *s3, newLogger(os.Stderr, "warn")); err != nil {
				return err
			}
		}
		if err := backupDatabase(ctx, db, *dsn, out, stdout); err != nil {
			return err
		}
		if !copyThem {
			return nil
		}
		return copyDocuments(ctx, db, true, *documents, stdout)
	})
}

// backupDatabase writes the database's copy to out.
func backupDatabase(ctx context.Context, db *sqlstore.DB, dsn, out string, stdout io.Writer) error {
	if db.Engine == sqlstore.Postgres {
		// Only the system's schema: a restore drops and rewrites what the dump holds.
		target, schema, err := sqlstore.PostgresTools(ctx, dsn)
		if err != nil {
			return err
		}
		cmd := exec.Command("pg_dump", "--format=custom", "--file", out, "--schema", schema, target)
		cmd.Stdout, cmd.Stderr = stdout, os.Stderr
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("pg_dump: %w", err)
		}
		fmt.Fprintf(stdout, "đã sao lưu / backed up to %s (pg_dump custom format)\n", out)
		return nil
	}
	if err := db.Backup(ctx, out); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "đã sao lưu / backed up to %s\n", out)
	return nil
}

// runRestore puts a backup in place. For SQLite the server must be stopped; the backup is
// checked first and swapped in with a rename, so a failed restore leaves the old file.
func runRestore(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("restore", flag.ContinueOnError)
	dsn := dbFlag(fs)
	force := fs.Bool("force", false, "replace an existing database file")
	s3 := s3Flags(fs)
	documents := fs.String("documents", "", "then put into the object store the attachments it lacks, from this folder (motcua backup --documents)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return fmt.Errorf("cách dùng / usage: motcua restore [--db DB] [--force] [--documents DIR] BACKUP")
	}
	if *documents != "" && s3.Endpoint == "" {
		return motcua.Invalid("s3-endpoint", "cần --s3-endpoint (hoặc MOTCUA_S3_ENDPOINT) để đưa tệp đính kèm lên kho",
			"--s3-endpoint (or MOTCUA_S3_ENDPOINT) is needed to put the attachments back")
	}
	if err := restoreDatabase(*dsn, fs.Arg(0), *force, stdout); err != nil {
		return err
	}
	if *documents == "" {
		return nil
	}
	ctx := context.Background()
	return withObjectStore(ctx, *dsn, *s3, func(db *sqlstore.DB) error {
		return copyDocuments(ctx, db, false, *documents, stdout)
	})
}

// restoreDatabase puts the database's backup in place.
func restoreDatabase(dsn, in string, force bool, stdout io.Writer) error {
	if sqlstore.IsPostgresURL(dsn) {
		return restorePostgres(dsn, in, stdout)
	}
	if _, err := os.Stat(dsn); err == nil && !force {
		return fmt.Errorf("%s đã tồn tại; dừng máy chủ và dùng --force / %s exists; stop the server and pass --force", dsn, dsn)
	}
	if _, err := os.Stat(in); err != nil {
		return fmt.Errorf("không có bản sao lưu / no backup: %w", err)
	}
	src, err := sqlstore.Open(context.Background(), in)
	if err != nil {
		return fmt.Errorf("bản sao lưu không mở được / cannot open the backup: %w", err)
	}
	version, err := src.Check(context.Background())
	src.Close()
	if err != nil {
		return fmt.Errorf("bản sao lưu hỏng / the backup is damaged: %w", err)
	}
	tmp := dsn + ".restoring"
	os.Remove(tmp)
	if err := src.Backup(context.Background(), tmp); err != nil {
		return err
	}
	for _, suffix := range []string{"-wal", "-shm"} {
		os.Remove(dsn + suffix)
	}
	if err := os.Rename(tmp, dsn); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "đã khôi phục / restored %s (schema %d)\n", dsn, version)
	return nil
}
