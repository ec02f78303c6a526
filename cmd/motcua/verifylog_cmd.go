package main

import (
	"context"
	"flag"
	"fmt"
	"io"

	"github.com/motcua/motcua/sqlstore"
)

// runVerifyLog checks every dossier's history chain and names the first broken link of
// each dossier whose history was altered, cut or reordered. It fails when any is broken,
// so monitoring can run it on a schedule.
func runVerifyLog(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("verify-log", flag.ContinueOnError)
	dsn := dbFlag(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	return withDB(*dsn, func(db *sqlstore.DB) error {
		return verifyChains(context.Background(), db, stdout)
	})
}

// verifyChains checks every dossier's history chain on db, names each broken one and
// fails when any is.
func verifyChains(ctx context.Context, db *sqlstore.DB, stdout io.Writer) error {
	broken := 0
	err := db.VerifyAllChains(ctx, func(id int64, code string, firstBad int, err error) {
		broken++
		if code == "" {
			code = "(chưa có mã / no code)"
		}
		fmt.Fprintf(stdout, "HỎNG / BROKEN  hồ sơ / dossier %d %s, sự kiện / event %d: %v\n", id, code, firstBad, err)
	})
	if err != nil {
		return err
	}
	if broken > 0 {
		return fmt.Errorf("%d hồ sơ có lịch sử bị hỏng / %d dossiers have a broken history", broken, broken)
	}
	fmt.Fprintln(stdout, "lịch sử mọi hồ sơ toàn vẹn / every dossier history verifies")
	return nil
}
