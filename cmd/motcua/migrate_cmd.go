package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"strings"
	"time"

	"github.com/motcua/motcua/sqlstore"
)

// runMigrate applies this build's migrations without serving, or with --status lists them.
func runMigrate(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("migrate", flag.ContinueOnError)
	dsn := dbFlag(fs)
	status := fs.Bool("status", false, "list the migrations applied and those to apply, and change nothing")
	wait := dbWaitFlag(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *status {
		return migrationStatus(*dsn, stdout)
	}
	db, err := openWaiting(context.Background(), *wait, newLogger(os.Stderr, "info"),
		func() (*sqlstore.DB, error) { return sqlstore.Connect(*dsn) })
	if err != nil {
		return err
	}
	defer db.Close()
	if db.TransactionPooled() {
		fmt.Fprintln(stdout, "qua bộ gộp kết nối theo giao dịch, nên dùng kết nối trực tiếp / "+
			"through a pooler in transaction mode: a direct URL is the safer way to migrate")
	}
	err = db.MigrateEach(context.Background(), func(m sqlstore.Migration, took time.Duration) {
		fmt.Fprintf(stdout, "đã áp dụng / applied %s (%s)\n", m, took.Round(time.Millisecond))
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "đã cập nhật lược đồ / schema up to date (%s)\n", db.Engine)
	if st, err := db.MigrationStatus(context.Background()); err == nil && len(st.Newer) > 0 {
		fmt.Fprintf(stdout, "cơ sở dữ liệu đã có %d bản cập nhật mới hơn bản này / the database has %d migrations newer than this build, from %s\n",
			len(st.Newer), len(st.Newer), st.Newer[0])
	}
	return nil
}

// warnNewerSchema logs once at start when a newer build has migrated the database: this
// build serves it, as the build before an upgrade must while instances are replaced, but
// one left serving it for long is most likely a rollback of the binary.
func warnNewerSchema(ctx context.Context, db *sqlstore.DB, log *slog.Logger) {
	if st, err := db.MigrationStatus(ctx); err == nil && len(st.Newer) > 0 {
		log.Warn("a newer build has migrated the database: this build serves it but does not know these migrations",
			"newer", strings.Join(sqlstore.MigrationNames(st.Newer), ","))
	}
}

// migrationStatus lists the migrations the database has and those it lacks, and changes
// nothing: a missing SQLite file is not created.
func migrationStatus(dsn string, stdout io.Writer) error {
	var st sqlstore.MigrationState
	engine := sqlstore.SQLite
	if _, err := os.Stat(dsn); !sqlstore.IsPostgresURL(dsn) && errors.Is(err, fs.ErrNotExist) {
		if st.Pending, err = sqlstore.Migrations(engine); err != nil {
			return err
		}
	} else {
		db, err := sqlstore.Connect(dsn)
		if err != nil {
			return err
		}
		defer db.Close()
		engine = db.Engine
		if st, err = db.MigrationStatus(context.Background()); err != nil {
			return err
		}
	}
	fmt.Fprintf(stdout, "cơ sở dữ liệu / database: %s\n", engine)
	fmt.Fprintf(stdout, "đã áp dụng / applied: %d", len(st.Applied))
	if len(st.Applied) > 0 {
		fmt.Fprintf(stdout, " (%s … %s)", st.Applied[0], st.Applied[len(st.Applied)-1])
	}
	fmt.Fprintf(stdout, "\nchưa áp dụng / to apply: %d\n", len(st.Pending))
	for _, m := range st.Pending {
		fmt.Fprintf(stdout, "  %s\n", m)
	}
	if len(st.Newer) > 0 {
		fmt.Fprintf(stdout, "mới hơn bản này / newer than this build: %d\n", len(st.Newer))
		for _, m := range st.Newer {
			fmt.Fprintf(stdout, "  %s\n", m)
		}
	}
	return nil
}
