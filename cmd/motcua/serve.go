package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strconv"
	"syscall"
	"time"

	"github.com/motcua/motcua"
	"github.com/motcua/motcua/demo"
	"github.com/motcua/motcua/service"
	"github.com/motcua/motcua/sqlstore"
	"github.com/motcua/motcua/web"
)

// env returns the environment variable name, or def.
func env(name, def string) string {
	if v, ok := os.LookupEnv(name); ok && v != "" {
		return v
	}
	return def
}

func envInt(name string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(name)); err == nil {
		return v
	}
	return def
}

func envDuration(name string, def time.Duration) time.Duration {
	if v, err := time.ParseDuration(os.Getenv(name)); err == nil {
		return v
	}
	return def
}

func dbFlag(fs *flag.FlagSet) *string {
	return fs.String("db", env("MOTCUA_DB", "./data/motcua.db"), "SQLite file path or postgres:// URL (MOTCUA_DB)")
}

// trackGuard checks the tracking guard's settings and returns the guard they make.
func trackGuard(after int, lockFor time.Duration) (*sqlstore.TrackGuard, error) {
	switch {
	case after < 0:
		return nil, motcua.Invalid("track-lock-after", "không được âm; 0 là không bao giờ khóa", "must not be negative; 0 never locks")
	case lockFor < time.Minute || lockFor > 24*time.Hour:
		return nil, motcua.Invalid("track-lock-for", "từ 1 phút đến 24 giờ", "from 1 minute to 24 hours")
	}
	return &sqlstore.TrackGuard{Failures: after, Window: lockFor, Lock: lockFor}, nil
}

func newLogger(w io.Writer, level string) *slog.Logger {
	var l slog.Level
	if err := l.UnmarshalText([]byte(level)); err != nil {
		l = slog.LevelInfo
	}
	return slog.New(slog.NewJSONHandler(w, &slog.HandlerOptions{Level: l}))
}

func runServe(args []string, stdout io.Writer) error {
	tuneGC()
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	addr := fs.String("addr", env("MOTCUA_ADDR", "127.0.0.1:8080"), "listen address HOST:PORT (MOTCUA_ADDR)")
	dsn := dbFlag(fs)
	withDemo := fs.Bool("demo", false, "seed demo organisation, accounts and catalog (password: demo)")
	demoHistory := fs.Bool("demo-history", true, "with --demo, simulate a year of dossiers in a freshly seeded database")
	demoSeed := fs.Int64("demo-seed", 1, "random seed of the --demo-history simulation")
	demoOnNetwork := fs.Bool("demo-on-network", false, "allow demo accounts on a non-loopback address")
	secure := fs.Bool("secure-cookies", env("MOTCUA_SECURE_COOKIES", "") == "1", "mark cookies Secure (behind TLS) (MOTCUA_SECURE_COOKIES=1)")
	trackRate := fs.Int("track-rate", envInt("MOTCUA_TRACK_RATE", 30), "public lookups per client per minute; 0 = no limit (MOTCUA_TRACK_RATE)")
	lockAfter := fs.Int("track-lock-after", envInt("MOTCUA_TRACK_LOCK_AFTER", web.DefaultTrackGuard.Failures),
		"wrong secrets for one dossier code, from anyone, that lock its public lookup; 0 = never lock (MOTCUA_TRACK_LOCK_AFTER)")
	lockFor := fs.Duration("track-lock-for", envDuration("MOTCUA_TRACK_LOCK_FOR", web.DefaultTrackGuard.Lock),
		"the window those wrong secrets are counted in, and how long the code then stays locked (MOTCUA_TRACK_LOCK_FOR)")
	baseURL := fs.String("base-url", env("MOTCUA_BASE_URL", ""), "public URL printed on paper forms (MOTCUA_BASE_URL)")
	maxUpload := fs.Int64("max-upload", int64(envInt("MOTCUA_MAX_UPLOAD_MB", 10)), "largest uploaded document in MiB (MOTCUA_MAX_UPLOAD_MB)")
	remind := fs.Duration("remind-every", envDuration("MOTCUA_REMIND_EVERY", 10*time.Minute),
		"how often officers are reminded of dossiers due within a working day or overdue; 0 = never (MOTCUA_REMIND_EVERY)")
	maxConns := fs.Int("db-max-conns", envInt("MOTCUA_DB_MAX_CONNS", 0),
		"PostgreSQL connections this instance may hold, to the primary and to the replica each; 0 = 4 per core, at least 10 (MOTCUA_DB_MAX_CONNS)")
	replica := fs.String("db-replica", env("MOTCUA_DB_REPLICA", ""),
		"postgres:// URL of a streaming replica for the figures, public tracking and lists; empty = the primary serves all (MOTCUA_DB_REPLICA)")
	replicaLag := fs.Duration("db-replica-max-lag", envDuration("MOTCUA_DB_REPLICA_MAX_LAG", 5*time.Second),
		"how far behind the replica may be and still serve them (MOTCUA_DB_REPLICA_MAX_LAG)")
	replicaCheck := fs.Duration("db-replica-check", envDuration("MOTCUA_DB_REPLICA_CHECK", time.Second),
		"how often the replica's lag is checked; at most the allowed lag (MOTCUA_DB_REPLICA_CHECK)")
	drain := fs.Duration("drain", envDuration("MOTCUA_DRAIN", 0),
		"on SIGTERM, how long /readyz answers 503 while requests are still served, before the server stops; behind a load balancer, longer than it takes to notice (MOTCUA_DRAIN)")
	proxies := fs.String("trusted-proxies", env("MOTCUA_TRUSTED_PROXIES", web.DefaultTrustedProxies),
		"reverse proxies and load balancers (addresses, CIDR ranges) whose X-Forwarded-For names the client; empty = none (MOTCUA_TRUSTED_PROXIES)")
	dbWait := dbWaitFlag(fs)
	heartbeat := fs.Duration("heartbeat", envDuration("MOTCUA_HEARTBEAT", 10*time.Second),
		"how often this instance tells the database it is alive; one silent for three times as long no longer counts among the instances sharing the lookup limit (MOTCUA_HEARTBEAT)")
	logLevel := fs.String("log-level", env("MOTCUA_LOG_LEVEL", "info"), "debug, info, warn or error (MOTCUA_LOG_LEVEL)")
	s3 := s3Flags(fs)
	sweepEvery := fs.Duration("sweep-documents-every", envDuration("MOTCUA_SWEEP_DOCUMENTS_EVERY", 24*time.Hour),
		"with an object store, how often objects no attachment refers to (left by failed uploads) are removed, once a day old; 0 = never (MOTCUA_SWEEP_DOCUMENTS_EVERY)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	log := newLogger(os.Stderr, *logLevel)
	trusted, err := web.ParseTrustedProxies(*proxies)
	if err != nil {
		return err
	}
	if *maxConns != 0 {
		if err := sqlstore.CheckMaxConns(*maxConns); err != nil {
			return err
		}
	}
	guard, err := trackGuard(*lockAfter, *lockFor)
	if err != nil {
		return err
	}
	if *withDemo && !*demoOnNetwork && !isLoopback(*addr) {
		return fmt.Errorf("tài khoản demo chỉ chạy trên địa chỉ loopback; dùng --demo-on-network nếu thật sự muốn / " +
			"demo accounts only run on a loopback address; pass --demo-on-network to override")
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	db, err := openWaiting(ctx, *dbWait, log, func() (*sqlstore.DB, error) { return sqlstore.Open(ctx, *dsn) })
	if err != nil {
		return err
	}
	defer db.Close()
	warnNewerSchema(ctx, db, log)
	if db.TransactionPooled() {
		log.Info("PostgreSQL is reached through a pooler in transaction mode", "exec_mode", db.ExecMode())
	}
	if *maxConns != 0 {
		if err := db.SetMaxConns(*maxConns); err != nil {
			return err
		}
	}
	if err := useObjectStore(ctx, db, *s3, log); err != nil {
		return err
	}
	if *replica != "" {
		changed := func(st sqlstore.ReplicaStatus) {
			if st.Serving {
				log.Info("the replica serves the figures, public tracking and lists again", "lag", st.Lag.String(),
					"transaction_pooler", db.ReplicaPooled())
			} else {
				log.Warn("the replica does not serve: the primary serves every read", "err", st.Err)
			}
		}
		if err := db.UseReplica(*replica, *replicaLag, *replicaCheck, changed); err != nil {
			return err
		}
		log.Info("the figures, public tracking and lists read from a PostgreSQL replica while it is close enough behind",
			"max_lag", replicaLag.String(), "check", replicaCheck.String())
	}
	if *withDemo {
		seeded, err := demo.Seed(ctx, db)
		if err != nil {
			return err
		}
		log.Info("demo data", "seeded", seeded)
		if seeded && *demoHistory {
			svc := &service.Dossiers{DB: db, BaseURL: *baseURL, Log: log}
			if _, err := demo.History(ctx, db, svc, demo.HistoryOptions{Seed: *demoSeed, Log: log}); err != nil {
				return err
			}
		}
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	base := *baseURL
	if base == "" {
		base = "http://" + ln.Addr().String()
	}
	srv, err := web.New(ctx, db, log, web.Config{SecureCookies: *secure, TrackRate: *trackRate, BaseURL: base,
		MaxUploadBytes: *maxUpload << 20, RemindEvery: *remind, TrustedProxies: trusted,
		TrackGuard: guard, Addr: ln.Addr().String(), HeartbeatEvery: *heartbeat})
	if err != nil {
		return err
	}
	go srv.Background(ctx)
	mailer, err := newMailer(db, log)
	if err != nil {
		return err
	}
	go mailer.Run(ctx)
	if err := startPortalWorker(ctx, db, log); err != nil {
		return err
	}
	if s3.Endpoint != "" && *sweepEvery > 0 {
		go sweepDocuments(ctx, db, *sweepEvery, 24*time.Hour, log)
	}
	hs := &http.Server{Handler: srv.Handler(), ReadHeaderTimeout: 10 * time.Second, ReadTimeout: 2 * time.Minute,
		WriteTimeout: 2 * time.Minute, IdleTimeout: 2 * time.Minute, ErrorLog: slog.NewLogLogger(log.Handler(), slog.LevelWarn)}
	fmt.Fprintf(stdout, "motcua đang chạy tại / listening on %s (cơ sở dữ liệu / database: %s)\n", base, db.Engine)
	log.Info("serving", "addr", base, "db", string(db.Engine), "build", motcua.Build().String())
	if *withDemo {
		fmt.Fprintf(stdout, "Tài khoản demo / demo accounts (mật khẩu / password %q):\n", demo.Password)
		for _, a := range demo.Accounts {
			fmt.Fprintf(stdout, "  %-12s %s\n", a.Username, a.Role.Label())
		}
	}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	stop() // a second signal stops the process at once, without waiting for the drain
	return stopServing(hs, srv, *drain, log)
}

// stopServing ends the HTTP service: first the instance leaves the database's list of
// instances, so that the others take its share of the lookup limit; then, for drain,
// /readyz answers 503 while requests are still served, so a load balancer checking it
// sends no new ones; then the listener closes and requests in flight get up to 20 s to
// finish.
func stopServing(hs *http.Server, srv *web.Server, drain time.Duration, log *slog.Logger) error {
	retireCtx, cancelRetire := context.WithTimeout(context.Background(), 5*time.Second)
	if err := srv.Retire(retireCtx); err != nil {
		log.Warn("this instance stays on the list of instances until it is found silent", "err", err)
	}
	cancelRetire()
	if drain > 0 {
		srv.Drain()
		log.Info("draining: /readyz answers 503 before the server stops", "for", drain.String())
		time.Sleep(drain)
	}
	log.Info("shutting down")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if err := hs.Shutdown(shutdownCtx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// isLoopback reports whether a listen address only accepts connections from this machine.
func isLoopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
