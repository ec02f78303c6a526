package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"regexp"

	"github.com/motcua/motcua"
	"github.com/motcua/motcua/sqlstore"
)

// restorePostgres puts a pg_dump backup in place with pg_restore --clean. pg_restore writes
// into the schema the dump names, whatever the URL says, and drops what it replaces there:
// so a dump is restored only into the schema it came from (see PostgresTools), and only if
// it is a copy of this system. Afterwards the database must open (migrated to this build)
// and name its migration.
func restorePostgres(dsn, in string, stdout io.Writer) error {
	ctx := context.Background()
	target, schema, err := sqlstore.PostgresTools(ctx, dsn)
	if err != nil {
		return err
	}
	if _, err := os.Stat(in); err != nil {
		return fmt.Errorf("không có bản sao lưu / no backup: %w", err)
	}
	listing, err := exec.Command("pg_restore", "--list", in).Output()
	if err != nil {
		return fmt.Errorf("bản sao lưu không đọc được / cannot read the backup (pg_restore --list): %w", err)
	}
	from, err := dumpSchema(string(listing))
	if err != nil {
		return err
	}
	if from != schema {
		return motcua.Invalid("db",
			fmt.Sprintf("bản sao lưu là của schema %q, còn --db chỉ schema %q; pg_restore chỉ ghi vào schema %q. "+
				"Hãy khôi phục với search_path=%s, rồi đổi tên bằng ALTER SCHEMA nếu cần", from, schema, from, from),
			fmt.Sprintf("the backup holds schema %q but --db names schema %q; pg_restore writes only into %q. "+
				"Restore with search_path=%s, then rename it with ALTER SCHEMA if need be", from, schema, from, from))
	}
	cmd := exec.Command("pg_restore", "--clean", "--if-exists", "--no-owner", "--dbname", target, in)
	cmd.Stdout, cmd.Stderr = stdout, os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("pg_restore: %w", err)
	}
	db, err := sqlstore.Open(ctx, dsn)
	if err != nil {
		return fmt.Errorf("cơ sở dữ liệu đã khôi phục không mở được / the restored database does not open: %w", err)
	}
	defer db.Close()
	version, err := db.Check(ctx)
	if err != nil {
		return fmt.Errorf("cơ sở dữ liệu đã khôi phục không đọc được / the restored database does not read: %w", err)
	}
	fmt.Fprintf(stdout, "đã khôi phục / restored schema %s (migration %d)\n", schema, version)
	return nil
}

// migrationsTable is a TABLE entry of pg_restore --list for the system's migration table:
// "218; 1259 21764 TABLE lst schema_migrations postgres".
var migrationsTable = regexp.MustCompile(`(?m)^\d+; \d+ \d+ TABLE (\S+) schema_migrations `)

// dumpSchema names the schema a dump of this system holds, from pg_restore's listing.
func dumpSchema(listing string) (string, error) {
	found := migrationsTable.FindAllStringSubmatch(listing, -1)
	switch {
	case len(found) == 0:
		return "", motcua.Invalid("backup", "tệp này không phải bản sao lưu của hệ thống (không có bảng schema_migrations)",
			"this file is not a backup of this system (no schema_migrations table)")
	case len(found) > 1:
		return "", motcua.Invalid("backup", "bản sao lưu chứa nhiều schema của hệ thống; hãy sao lưu từng schema",
			"the backup holds several schemas of this system; back each one up on its own")
	}
	return found[0][1], nil
}
