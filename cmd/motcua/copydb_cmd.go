package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/motcua/motcua"
	"github.com/motcua/motcua/sqlstore"
)

// runCopyDB moves a province from its SQLite file to PostgreSQL: every row, in one
// transaction of the new database, then the history chains checked there.
func runCopyDB(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("copy-db", flag.ContinueOnError)
	from := fs.String("from", "", "the SQLite file to copy (stop the server that uses it first)")
	to := fs.String("to", "", "postgres:// URL of the new database (migrated here if need be; it must hold no rows)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *from == "" || sqlstore.IsPostgresURL(*from) {
		return motcua.Invalid("from", "cần --from là tệp SQLite", "--from must name an SQLite file")
	}
	if _, err := os.Stat(*from); err != nil {
		return motcua.Invalid("from", "không có tệp "+*from, "no file "+*from)
	}
	if !sqlstore.IsPostgresURL(*to) {
		return motcua.Invalid("to", "cần --to là URL postgres://", "--to must be a postgres:// URL")
	}
	ctx := context.Background()
	src, err := sqlstore.Open(ctx, *from)
	if err != nil {
		return err
	}
	defer src.Close()
	dst, err := sqlstore.Open(ctx, *to)
	if err != nil {
		return err
	}
	defer dst.Close()
	tables, err := src.CopyInto(ctx, dst)
	if err != nil {
		return err
	}
	var total int64
	for _, t := range tables {
		fmt.Fprintf(stdout, "  %-20s %d\n", t.Name, t.Rows)
		total += t.Rows
	}
	fmt.Fprintf(stdout, "đã chép / copied %d rows in %d tables\n", total, len(tables))
	return verifyChains(ctx, dst, stdout)
}
