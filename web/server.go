// Package web is motcua's HTTP face: the server-rendered pages (Vietnamese first, with an
// English switch), the JSON API described by /api/openapi.json, and the operational
// endpoints. Every route is listed in routes.go with the permission it needs.
package web

import (
	"context"
	"html/template"
	"log/slog"
	"net/http"
	"net/netip"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/motcua/motcua/calendar"
	"github.com/motcua/motcua/service"
	"github.com/motcua/motcua/sqlstore"
)

// Config holds the settings of a Server.
type Config struct {
	// SecureCookies marks cookies Secure; set it when the server is reached over TLS.
	SecureCookies bool
	// TrackRate is how many public lookups a client may make per minute; 0 turns the limit off.
	TrackRate int
	// BaseURL is the public address, used in links printed on paper (QR codes).
	BaseURL string
	// MaxUploadBytes bounds one uploaded document; 0 means 10 MiB.
	MaxUploadBytes int64
	// Now is the clock; tests and simulations replace it.
	Now func() time.Time
	// RemindEvery is how often officers' deadline reminders are looked for (see
	// service.Dossiers.Remind); 0 sends none.
	RemindEvery time.Duration
	// TrackGuard is how many wrong secrets for one dossier code, from anyone, within how
	// long refuse that code's public lookups, and for how long; nil is DefaultTrackGuard,
	// and Failures 0 never locks a code.
	TrackGuard *sqlstore.TrackGuard
	// TrustedProxies are the reverse proxies and load balancers whose X-Forwarded-For
	// names the client (see realClient); none believes no such header.
	TrustedProxies []netip.Prefix
	// Addr is the address this instance listens on, as the list of instances shows it.
	Addr string
	// HeartbeatEvery is how often this instance tells the database it is alive (see fleet);
	// 0 means every 10 s. One not heard from for three times as long no longer counts.
	HeartbeatEvery time.Duration
}

// Server serves every page and endpoint.
type Server struct {
	cfg     Config
	db      *sqlstore.DB
	log     *slog.Logger
	catalog *catalogCache
	pages   map[string]*template.Template
	static  *staticFiles
	metrics *metrics
	limiter *clientLimiter
	fleet   *fleet
	mux     *http.ServeMux
	// tracking keeps decoded dossiers for the public lookup, trackLocks the codes' locks,
	// lookupGuard when codes are locked (trackGuardOf).
	tracking    trackCache
	trackLocks  trackLocks
	lookupGuard sqlstore.TrackGuard
	// sessions keeps recently seen sign-ins for a few seconds.
	sessions sessionCache
	// dossiers carries out every dossier move; reports answers the figures.
	dossiers *service.Dossiers
	reports  service.Reports
	// cal is the working-day calendar in force: the built-in rules plus the official
	// decisions kept in the database. It is swapped whole when a decision changes.
	cal atomic.Pointer[calendarState]
	// draining is set when the instance is about to stop (see Drain).
	draining atomic.Bool
}

// workCalendar is the calendar deadlines are counted with.
func (s *Server) workCalendar() *calendar.Calendar { return s.cal.Load().cal }

// New builds a Server over db. It loads the catalog index before returning, so the first
// request is served from memory.
func New(ctx context.Context, db *sqlstore.DB, log *slog.Logger, cfg Config) (*Server, error) {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.TrackRate < 0 {
		cfg.TrackRate = 0
	}
	s := &Server{cfg: cfg, db: db, log: slog.New(requestLogs{log.Handler()}), mux: http.NewServeMux(),
		lookupGuard: trackGuardOf(cfg)}
	s.cal.Store(&calendarState{rev: -1, cal: calendar.Default()})
	s.dossiers = &service.Dossiers{DB: db, Calendar: s.workCalendar, BaseURL: cfg.BaseURL, Log: log}
	s.reports = service.Reports{DB: db}
	var err error
	if s.static, err = newStaticFiles(); err != nil {
		return nil, err
	}
	if s.pages, err = parsePages(s.templateFuncs()); err != nil {
		return nil, err
	}
	if s.catalog, err = newCatalogCache(ctx, db); err != nil {
		return nil, err
	}
	if err = s.refreshCalendar(ctx); err != nil {
		return nil, err
	}
	s.limiter = newClientLimiter(cfg.TrackRate)
	s.fleet = newFleet(cfg, db)
	s.metrics = newMetrics(prometheus.NewRegistry(), db)
	s.metrics.registry.MustRegister(fleetGauges(s.fleet)...)
	for _, r := range s.routes() {
		s.mux.Handle(r.pattern, s.guard(r))
	}
	return s, nil
}

// Handler returns the server's handler with its outer middleware.
func (s *Server) Handler() http.Handler {
	var h http.Handler = s.mux
	h = s.csrf(h)
	h = s.securityHeaders(h)
	h = s.observe(h)
	h = s.realClient(h)
	h = s.requestID(h) // before realClient: a proxy's X-Request-ID is believed from the proxy itself
	return h
}

// Background runs the server's periodic work until ctx ends: telling the database this
// instance is alive, reloading the catalog when another instance changed it, purging
// expired sessions, tracking locks and instances long silent, and queuing deadline
// reminders.
func (s *Server) Background(ctx context.Context) {
	s.heartbeat(ctx)
	beat := time.NewTicker(s.fleet.every)
	defer beat.Stop()
	tick := time.NewTicker(2 * time.Second)
	defer tick.Stop()
	purge := time.NewTicker(time.Hour)
	defer purge.Stop()
	var remind <-chan time.Time
	if s.cfg.RemindEvery > 0 {
		t := time.NewTicker(s.cfg.RemindEvery)
		defer t.Stop()
		remind = t.C
	}
	for {
		select {
		case <-ctx.Done():
			return
		case <-remind:
			s.alone(ctx, "deadline reminders", func(ctx context.Context) error {
				n, err := s.dossiers.Remind(ctx, s.cfg.Now())
				if n > 0 {
					s.log.Debug("deadline reminders offered", "count", n)
				}
				return err
			})
		case <-beat.C:
			s.heartbeat(ctx)
		case <-tick.C:
			if err := s.catalog.refresh(ctx); err != nil && ctx.Err() == nil {
				s.log.Warn("catalog refresh", "err", err)
			}
			if err := s.refreshCalendar(ctx); err != nil && ctx.Err() == nil {
				s.log.Warn("calendar refresh", "err", err)
			}
		case <-purge.C:
			s.alone(ctx, "purge", s.purge)
		}
	}
}

// purge forgets expired sessions, the tracking guard's counts that are over and the
// instances silent for a day (killed, so never retired).
func (s *Server) purge(ctx context.Context) error {
	n, err := s.db.PurgeExpiredSessions(ctx)
	if err != nil {
		return err
	}
	if n > 0 {
		s.log.Info("purged expired sessions", "count", n)
	}
	if _, err := s.db.PurgeInstances(ctx, time.Now().Add(-24*time.Hour)); err != nil {
		return err
	}
	now := s.cfg.Now()
	_, err = s.db.PurgeTrackGuard(ctx, now.Add(-s.lookupGuard.Window), now)
	return err
}

// alone runs a periodic job unless another instance is running it (sqlstore's Alone),
// and logs its failure.
func (s *Server) alone(ctx context.Context, job string, fn func(context.Context) error) {
	ran, err := s.db.Alone(ctx, job, fn)
	switch {
	case err != nil && ctx.Err() == nil:
		s.log.Warn(job, "err", err)
	case !ran:
		s.log.Debug(job + ": another instance is at it")
	}
}
