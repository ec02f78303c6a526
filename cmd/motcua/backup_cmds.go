package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"

	"github.com/motcua/motcua/sqlstore"
)

// runBackup copies the database while the server runs: SQLite through VACUUM INTO,
// PostgreSQL through pg_dump in its custom format.
func runBackup(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("backup", flag.ContinueOnError)
	dsn := dbFlag(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return fmt.Errorf("cách dùng / usage: motcua backup [--db DB] OUTPUT")
	}
	out := fs.Arg(0)
	if sqlstore.IsPostgresURL(*dsn) {
		cmd := exec.Command("pg_dump", "--format=custom", "--file", out, *dsn)
		cmd.Stdout, cmd.Stderr = stdout, os.Stderr
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("pg_dump: %w", err)
		}
		fmt.Fprintf(stdout, "đã sao lưu / backed up to %s (pg_dump custom format)\n", out)
		return nil
	}
	return withDB(*dsn, func(db *sqlstore.DB) error {
		if err := db.Backup(context.Background(), out); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "đã sao lưu / backed up to %s\n", out)
		return nil
	})
}

// runRestore puts a backup in place. For SQLite the server must be stopped; the backup is
// checked first and swapped in with a rename, so a failed restore leaves the old file.
func runRestore(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("restore", flag.ContinueOnError)
	dsn := dbFlag(fs)
	force := fs.Bool("force", false, "replace an existing database file")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return fmt.Errorf("cách dùng / usage: motcua restore [--db DB] [--force] BACKUP")
	}
	in := fs.Arg(0)
	if sqlstore.IsPostgresURL(*dsn) {
		cmd := exec.Command("pg_restore", "--clean", "--if-exists", "--no-owner", "--dbname", *dsn, in)
		cmd.Stdout, cmd.Stderr = stdout, os.Stderr
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("pg_restore: %w", err)
		}
		fmt.Fprintln(stdout, "đã khôi phục / restored")
		return nil
	}
	if _, err := os.Stat(*dsn); err == nil && !*force {
		return fmt.Errorf("%s đã tồn tại; dừng máy chủ và dùng --force / %s exists; stop the server and pass --force", *dsn, *dsn)
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
	tmp := *dsn + ".restoring"
	os.Remove(tmp)
	if err := src.Backup(context.Background(), tmp); err != nil {
		return err
	}
	for _, suffix := range []string{"-wal", "-shm"} {
		os.Remove(*dsn + suffix)
	}
	if err := os.Rename(tmp, *dsn); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "đã khôi phục / restored %s (schema %d)\n", *dsn, version)
	return nil
}
