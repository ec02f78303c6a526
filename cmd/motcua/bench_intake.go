package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"runtime"
	"time"

	"github.com/motcua/motcua/demo"
	"github.com/motcua/motcua/loadgen"
	"github.com/motcua/motcua/sqlstore"
)

// benchIntake files, submits and receives dossiers over HTTP on an in-process server and
// compares the rate with the bare database's in the same run: single-row insert
// transactions on SQLite, pgbench's TPC-B-like load on PostgreSQL.
func benchIntake(args []string, stdout io.Writer) error {
	fs, bf := newBenchFlags("intake",
		"new SQLite file (default: a temporary one) or postgres:// URL (a scratch schema is made and dropped)",
		16, "write a CPU profile of the measured part to this file")
	n := fs.Int("n", 2000, "dossiers to file, submit and receive")
	pgbenchSecs := fs.Int("pgbench-seconds", 5, "PostgreSQL baseline: pgbench -T of the run before and of the run after")
	pooled := fs.Int("pgbouncer", 0, "PostgreSQL: file through a PgBouncer in transaction mode with this many server connections, started for the run (0: directly)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *n < 1 || *n > 1_000_000 || bf.clients < 1 || bf.clients > 1024 || *pooled < 0 || *pooled > 1000 {
		return fmt.Errorf("--n 1..1000000, --clients 1..1024, --pgbouncer 0..1000")
	}
	ctx := context.Background()
	bdb, err := openBenchDB(bf.target)
	if err != nil {
		return err
	}
	defer bdb.Close()
	rep := newReport("intake", string(bdb.Engine))
	rep.Counted = "1 dossier = 3 HTTP requests with bearer tokens: POST /api/v1/dossiers (draft), " +
		"POST …/submit, POST …/receive (code, appointment, event chain, e-mail queued); 3 write transactions"

	// On PostgreSQL the baseline runs just before the intake and again just after it: the
	// speed of a shared machine drifts, and the mean of the two is the fairer comparison.
	var pgb *pgbenchRunner
	var tpsBefore float64
	if bdb.Engine == sqlstore.Postgres {
		if pgb, err = newPgbench(bf.target); err != nil {
			return err
		}
		defer pgb.close()
		if tpsBefore, err = pgb.run(bf.clients, *pgbenchSecs); err != nil {
			return err
		}
	}
	serverDSN := bdb.DSN
	if *pooled > 0 {
		bouncer, err := startBenchPooler(ctx, bdb, *pooled)
		if err != nil {
			return err
		}
		defer bouncer.Close()
		serverDSN = bouncer.URL
	}
	srv, err := startBenchServer(ctx, serverDSN, true)
	if err != nil {
		return err
	}
	if *pooled > 0 {
		rep.note("through PgBouncer in transaction mode with %d server connections, started for the run on this machine "+
			"(its CPU counted with the machine's); the store found it: %v, statements sent in mode %q",
			*pooled, srv.DB.TransactionPooled(), srv.DB.ExecMode())
	}
	c := loadgen.NewClient(srv.URL, bf.clients)
	in, err := loadgen.SignIn(ctx, c, "congdan", "tiepnhan", demo.Password)
	if err != nil {
		srv.Close()
		return err
	}
	pick := func(loadgen.Step) *loadgen.Client { return c }
	warm := min(*n/10+1, 100)
	loadgen.Run(ctx, warm, bf.clients, func(ctx context.Context, i int) error {
		_, _, err := in.Run(ctx, pick, fmt.Sprintf("warm-%d", i))
		return err
	})
	stop, err := startCPUProfile(bf.profile)
	if err != nil {
		srv.Close()
		return err
	}
	commits0, txs0 := srv.DB.WriterStats()
	dealt0, taken0, locked0 := srv.DB.CodeNumbers()
	cpu0, busy0 := processCPU(), machineCPU()
	res := loadgen.Run(ctx, *n, bf.clients, func(ctx context.Context, i int) error {
		_, _, err := in.Run(ctx, pick, fmt.Sprintf("bench-%d", i))
		return err
	})
	stop()
	commits1, txs1 := srv.DB.WriterStats()
	dealt1, taken1, locked1 := srv.DB.CodeNumbers()
	cpu, busy := processCPU()-cpu0, machineCPU()-busy0
	bodySize := averageBodySize(ctx, srv.DB)
	srv.Close()
	if res.Errors > 0 {
		return fmt.Errorf("%d of %d intakes failed; first: %v", res.Errors, res.N, res.FirstErr)
	}
	lat := res.Latency.Summarize()
	rate := res.PerSecond()

	switch bdb.Engine {
	case sqlstore.SQLite:
		base, err := sqliteInsertBaseline(ctx, bdb.DSN+".baseline", *n*3, bodySize)
		if err != nil {
			return err
		}
		rep.compare("write transactions", rate*3, "tx/s", "single-row INSERT tx/s, raw SQLite", base, 0)
		rep.atLeast("dossiers", rate, "dossiers/s", 2000)
		rep.note("baseline: %d single-row INSERT transactions of a %d-byte row (the average dossier body) into a scratch "+
			"table, one connection, WAL, synchronous=NORMAL, same folder", *n*3, bodySize)
		if c := commits1 - commits0; c > 0 {
			rep.note("the writer made %d commits for %d write transactions: %.1f transactions per commit",
				c, txs1-txs0, float64(txs1-txs0)/float64(c))
		}
	case sqlstore.Postgres:
		tpsAfter, err := pgb.run(bf.clients, *pgbenchSecs)
		if err != nil {
			return err
		}
		tps := (tpsBefore + tpsAfter) / 2
		rep.compare("dossiers", rate, "dossiers/s", "pgbench TPC-B-like TPS", tps, 0.5)
		rep.compare("write transactions", rate*3, "tx/s", "pgbench TPC-B-like TPS", tps, 0)
		rep.note("baseline: pgbench -i -s 1 into a scratch schema, then pgbench -c %d -j 2 -T %d on the same server "+
			"just before the intake (%.0f TPS) and just after it (%.0f TPS); the mean", bf.clients, *pgbenchSecs, tpsBefore, tpsAfter)
		rep.note("code numbers: %d dealt, %d of them found taken and tried again; %d taken under lock",
			dealt1-dealt0, taken1-taken0, locked1-locked0)
	}
	rep.add(benchRow{Metric: "intake latency p50", Value: ms(lat.P50), Unit: "ms"})
	rep.add(benchRow{Metric: "intake latency p99", Value: ms(lat.P99), Unit: "ms"})
	rep.note("%d dossiers (after %d warm-up) by %d clients in %v; client and server share this process and its cores",
		*n, warm, bf.clients, res.Elapsed.Round(time.Millisecond))
	rep.note("this process (client and server) used %.2f ms of CPU per dossier; the cores were %d",
		float64(cpu.Microseconds())/1000/float64(*n), runtime.NumCPU())
	if busy > 0 {
		rep.note("the machine's cores were busy %.2f ms per dossier, every process counted (the database server's too)",
			float64(busy.Microseconds())/1000/float64(*n))
	}
	return rep.print(stdout, bf.asJSON)
}

// averageBodySize is the mean size of a stored dossier, for a comparable baseline row.
func averageBodySize(ctx context.Context, db *sqlstore.DB) int {
	rows, _, err := db.ListDossiers(ctx, sqlstore.DossierFilter{Queue: sqlstore.QueueAll, Limit: 50})
	if err != nil || len(rows) == 0 {
		return 2048
	}
	total := 0
	for _, r := range rows {
		d, err := db.Dossier(ctx, r.ID)
		if err != nil {
			return 2048
		}
		body, _ := json.Marshal(d)
		total += len(body)
	}
	return total / len(rows)
}
