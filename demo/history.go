package demo

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"time"

	"github.com/motcua/motcua/calendar"
	"github.com/motcua/motcua/catalog"
	"github.com/motcua/motcua/dossier"
	"github.com/motcua/motcua/org"
	"github.com/motcua/motcua/service"
	"github.com/motcua/motcua/sqlstore"
)

// HistoryOptions shape the simulated past.
type HistoryOptions struct {
	// Seed makes the history reproducible: the same seed, window and catalog give the
	// same dossiers, codes and statuses.
	Seed int64
	// From and To bound the window; zero values mean the year before now.
	From, To time.Time
	// PerWorkingDay is the mean number of dossiers filed per working day; 0 means
	// DefaultPerWorkingDay.
	PerWorkingDay float64
	Log           *slog.Logger
}

// DefaultPerWorkingDay fills a year with about 1,300 dossiers (11,000 moves): every move
// is a real transaction of about 2 ms on SQLite, and a demo start should stay under half
// a minute on a small machine.
const DefaultPerWorkingDay = 5

// sim is one run of the simulation.
type sim struct {
	ctx    context.Context
	db     *sqlstore.DB
	svc    *service.Dossiers
	clk    *calendar.Calendar
	log    *slog.Logger
	staff  map[org.Role]org.Account
	procs  []catalog.Procedure
	mix    procedureMix
	agenda agenda
	cases  []*simCase

	citizen, business    org.Account
	resultSeq, noticeSeq int
	stats                HistoryStats
}

// History fills db with the dossiers a department would have handled over the window:
// a discrete-event simulation in which every filing, receipt, hand-over, supplement,
// payment, apology, result and rating is a real move through svc at its simulated
// instant, so the figures come from the same code paths as real use. Moves happen in
// time order across all dossiers; a dossier still in progress at To stays open. It
// needs the demo organisation and catalog (Seed).
func History(ctx context.Context, db *sqlstore.DB, svc *service.Dossiers, opts HistoryOptions) (HistoryStats, error) {
	started := time.Now()
	s := &sim{ctx: ctx, db: db, svc: svc, clk: calendar.Default(), log: opts.Log, staff: map[org.Role]org.Account{}}
	if svc.Calendar != nil {
		if c := svc.Calendar(); c != nil {
			s.clk = c
		}
	}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	if err := s.load(ctx); err != nil {
		return s.stats, err
	}
	from, to := opts.From, opts.To
	if to.IsZero() {
		to = time.Now()
	}
	if from.IsZero() {
		from = to.AddDate(-1, 0, 0)
	}
	perDay := opts.PerWorkingDay
	if perDay <= 0 {
		perDay = DefaultPerWorkingDay
	}
	s.log.Info("demo history: simulating dossiers", "from", from.Format(time.DateOnly), "to", to.Format(time.DateOnly),
		"per_working_day", perDay, "seed", opts.Seed)
	s.arrivals(opts.Seed, from, to, perDay)
	for s.agenda.Len() > 0 && !s.agenda.peek().After(to) {
		if err := ctx.Err(); err != nil {
			return s.stats, err
		}
		ev := s.agenda.next()
		if err := s.step(ev.c, ev.at); err != nil {
			return s.stats, fmt.Errorf("demo history: dossier %d at %s: %w", ev.c.n, ev.at.Format(time.DateTime), err)
		}
	}
	s.tally(to)
	s.stats.Elapsed = time.Since(started)
	s.log.Info("demo history: done", "dossiers", s.stats.Dossiers, "moves", s.stats.Moves, "late", s.stats.Late,
		"elapsed", s.stats.Elapsed.Round(time.Millisecond))
	return s.stats, nil
}

// load reads the demo accounts and the catalog once.
func (s *sim) load(ctx context.Context) error {
	for _, a := range Accounts {
		acc, _, err := s.db.AccountByUsername(ctx, a.Username)
		if err != nil {
			return fmt.Errorf("demo history needs the demo accounts (demo.Seed): %w", err)
		}
		switch {
		case acc.Role == org.RoleCitizen:
			s.citizen = acc
		case acc.Role == org.RoleBusiness:
			s.business = acc
		case acc.Role.IsStaff():
			if _, ok := s.staff[acc.Role]; !ok {
				s.staff[acc.Role] = acc
			}
		}
	}
	var err error
	s.procs, err = s.db.Procedures(ctx)
	return err
}

// step takes the case's queued move at now, then queues its next one.
func (s *sim) step(c *simCase, now time.Time) error {
	if c.d == nil {
		return s.create(c, now)
	}
	a, by := c.next, s.actor(c, c.next)
	if !s.allowed(c, a, by, now) {
		// The office can no longer do what it meant to (apologise with less than a
		// working day left, say): it carries on without. A case that keeps failing
		// is left where it stands.
		s.stats.Skipped++
		if c.failed++; c.failed <= 3 {
			s.queue(c, now)
		}
		return nil
	}
	d, _, err := s.svc.Move(s.ctx, by, c.d.ID, s.command(c, a, now), now)
	var me *dossier.MoveError
	switch {
	case errors.As(err, &me):
		// The rules said no where the simulation expected a yes: carry on as the office
		// would.
		s.stats.Refused++
		s.log.Warn("demo history: move refused", "dossier", c.d.Code, "action", a, "err", err)
		if c.failed++; c.failed > 3 {
			return nil
		}
	case err != nil:
		return fmt.Errorf("%s: %w", a, err)
	default:
		s.stats.Moves++
		c.d, c.failed = d, 0
	}
	s.queue(c, now)
	return nil
}

// allowed asks the rules whether by may take action a on c's dossier at now, the
// apology's deadline included: at the latest one working day before the appointment.
func (s *sim) allowed(c *simCase, a dossier.Action, by org.Account, now time.Time) bool {
	actor := dossier.Actor{AccountID: by.ID, Name: by.DisplayName, Role: by.Role, UnitCode: by.UnitCode}
	if !slices.Contains(dossier.AllowedActions(c.d, actor), a) {
		return false
	}
	return a != dossier.Apologize || !s.clk.Due(now, calendar.Days(1)).After(c.d.AppointmentAt)
}

// create files the case's draft at now.
func (s *sim) create(c *simCase, now time.Time) error {
	by := s.staff[org.RoleOfficer]
	var owner int64
	if c.owner != nil {
		by, owner = *c.owner, c.owner.ID
	}
	who := c.applicant.Organisation
	if who == "" {
		who = c.applicant.Name
	}
	d, _, err := s.svc.Create(s.ctx, by, dossier.DraftInput{Procedure: c.proc, Channel: c.channel,
		ApplicantType: c.appType, Applicant: c.applicant, OwnerAccountID: owner,
		Summary: c.proc.Latest().Name + " — " + who}, now)
	if err != nil {
		return fmt.Errorf("file: %w", err)
	}
	c.d = d
	if c.withDocuments {
		if err := s.attach(c, by.ID, now); err != nil {
			return fmt.Errorf("attach: %w", err)
		}
	}
	s.queue(c, now)
	return nil
}

// queue schedules the case's next move, never before now: a case's moves keep time order.
func (s *sim) queue(c *simCase, now time.Time) {
	if at, a, ok := s.plan(c, now); ok {
		c.next = a
		if at = at.Truncate(time.Second); at.Before(now) {
			at = now
		}
		s.agenda.schedule(c, at)
	}
}
