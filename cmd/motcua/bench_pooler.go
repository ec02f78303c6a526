package main

import (
	"context"
	"errors"

	"github.com/motcua/motcua/internal/pgbouncer"
	"github.com/motcua/motcua/sqlstore"
)

// startBenchPooler migrates the benchmark's scratch schema directly, as the README says to
// do before serving through a pooler, and starts a PgBouncer in transaction mode with
// serverConns server connections in front of it.
func startBenchPooler(ctx context.Context, bdb *benchDB, serverConns int) (*pgbouncer.Bouncer, error) {
	if bdb.Engine != sqlstore.Postgres {
		return nil, errors.New("--pgbouncer cần PostgreSQL / --pgbouncer needs a postgres:// --db")
	}
	bin := pgbouncer.Binary()
	if bin == "" {
		return nil, errors.New("không có PgBouncer / PgBouncer is not installed (apt-get install pgbouncer)")
	}
	db, err := sqlstore.Open(ctx, bdb.DSN)
	if err != nil {
		return nil, err
	}
	db.Close()
	return pgbouncer.Start(pgbouncer.Config{Bin: bin, Server: bdb.DSN, Mode: "transaction", ServerConns: serverConns})
}
