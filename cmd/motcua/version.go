package main

import (
	"flag"
	"fmt"
	"io"

	"github.com/motcua/motcua"
	"github.com/motcua/motcua/sqlstore"
)

// runVersion prints the build's revision and the newest migration it carries for each
// engine: during a rolling upgrade, what tells the builds apart.
func runVersion(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("version", flag.ContinueOnError)
	if err := fs.Parse(args); err != nil {
		return err
	}
	b := motcua.Build()
	fmt.Fprintf(stdout, "motcua %s", b)
	if b.Time != "" {
		fmt.Fprintf(stdout, " (%s)", b.Time)
	}
	fmt.Fprintf(stdout, " %s\n", b.GoVersion)
	for _, engine := range []sqlstore.Engine{sqlstore.SQLite, sqlstore.Postgres} {
		m, err := sqlstore.NewestMigration(engine)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "bản di trú mới nhất / newest migration (%s): %s\n", engine, m)
	}
	return nil
}
