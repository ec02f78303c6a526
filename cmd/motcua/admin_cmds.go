package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"os"

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
