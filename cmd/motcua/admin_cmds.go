package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"time"

	"github.com/motcua/motcua/catalog"
	"github.com/motcua/motcua/org"
	"github.com/motcua/motcua/sqlstore"
)

// withDB opens (and migrates) the database for one command.
func withDB(dsn string, fn func(*sqlstore.DB) error) error {
	db, err := sqlstore.Open(context.Background(), dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	return fn(db)
}

func runMigrate(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("migrate", flag.ContinueOnError)
	dsn := dbFlag(fs)
	status := fs.Bool("status", false, "list the migrations applied and those to apply, and change nothing")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *status {
		return migrationStatus(*dsn, stdout)
	}
	db, err := sqlstore.Connect(*dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	err = db.MigrateEach(context.Background(), func(m sqlstore.Migration, took time.Duration) {
		fmt.Fprintf(stdout, "đã áp dụng / applied %s (%s)\n", m, took.Round(time.Millisecond))
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "đã cập nhật lược đồ / schema up to date (%s)\n", db.Engine)
	return nil
}

// migrationStatus lists the migrations the database has and those it lacks, and changes
// nothing: a missing SQLite file is not created.
func migrationStatus(dsn string, stdout io.Writer) error {
	var applied, pending []sqlstore.Migration
	engine := sqlstore.SQLite
	if _, err := os.Stat(dsn); !sqlstore.IsPostgresURL(dsn) && errors.Is(err, fs.ErrNotExist) {
		if pending, err = sqlstore.Migrations(engine); err != nil {
			return err
		}
	} else {
		db, err := sqlstore.Connect(dsn)
		if err != nil {
			return err
		}
		defer db.Close()
		engine = db.Engine
		if applied, pending, err = db.MigrationStatus(context.Background()); err != nil {
			return err
		}
	}
	fmt.Fprintf(stdout, "cơ sở dữ liệu / database: %s\n", engine)
	fmt.Fprintf(stdout, "đã áp dụng / applied: %d", len(applied))
	if len(applied) > 0 {
		fmt.Fprintf(stdout, " (%s … %s)", applied[0], applied[len(applied)-1])
	}
	fmt.Fprintf(stdout, "\nchưa áp dụng / to apply: %d\n", len(pending))
	for _, m := range pending {
		fmt.Fprintf(stdout, "  %s\n", m)
	}
	return nil
}

// runImport loads a catalog file (canonical JSON or CSV) all at once.
func runImport(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("import", flag.ContinueOnError)
	dsn := dbFlag(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return fmt.Errorf("cần đúng một tệp / usage: motcua import [--db DB] FILE")
	}
	f, err := os.Open(fs.Arg(0))
	if err != nil {
		return err
	}
	defer f.Close()
	body, err := io.ReadAll(f)
	if err != nil {
		return err
	}
	var ps []catalog.Procedure
	if len(body) > 0 && body[0] == '{' {
		ps, err = catalog.Import(bytes.NewReader(body))
	} else {
		ps, err = catalog.ImportCSV(bytes.NewReader(body))
	}
	if err != nil {
		return fmt.Errorf("không nhập gì / nothing imported: %w", err)
	}
	return withDB(*dsn, func(db *sqlstore.DB) error {
		if err := db.ImportProcedures(context.Background(), ps, org.Account{Username: "cli"}, fs.Arg(0)); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "đã nhập %d thủ tục / imported %d procedures\n", len(ps), len(ps))
		return nil
	})
}

func runExport(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	dsn := dbFlag(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	return withDB(*dsn, func(db *sqlstore.DB) error {
		ps, err := db.Procedures(context.Background())
		if err != nil {
			return err
		}
		return catalog.Export(stdout, ps)
	})
}
