package web

import (
	"context"

	"github.com/motcua/motcua/calendar"
	"github.com/motcua/motcua/sqlstore"
)

// The working-day calendar in force is the built-in rules plus the official decisions
// kept in the database. Every change of a decision bumps the "calendar" revision; each
// instance compares it every few seconds (and at once after its own changes) and swaps in
// a calendar rebuilt whole, so deadline arithmetic never touches the database.

// calendarState is a calendar with the revision of the decisions it was built from.
type calendarState struct {
	rev int64
	cal *calendar.Calendar
}

// refreshCalendar rebuilds the calendar when the decisions changed since it was built.
// Concurrent refreshes are safe: a calendar only replaces the one it was built to replace,
// and the loser looks again.
func (s *Server) refreshCalendar(ctx context.Context) error {
	for {
		cur := s.cal.Load()
		// The revision is read before the decisions, so a calendar is never tagged newer
		// than its data; at worst the next refresh rebuilds it once more.
		rev, err := s.db.Revision(ctx, sqlstore.RevisionCalendar)
		if err != nil {
			return err
		}
		if cur.rev == rev {
			return nil
		}
		next, err := s.buildCalendar(ctx)
		if err != nil {
			return err
		}
		if s.cal.CompareAndSwap(cur, &calendarState{rev: rev, cal: next}) {
			return nil
		}
	}
}

// buildCalendar builds the calendar from the built-in rules and the stored decisions. A
// stored decision the rules no longer accept (say its rule was renamed) is left out and
// logged, rather than stopping every deadline computation.
func (s *Server) buildCalendar(ctx context.Context) (*calendar.Calendar, error) {
	stored, err := s.db.CalendarDecisions(ctx)
	if err != nil {
		return nil, err
	}
	base := calendar.DefaultRules()
	var ds []calendar.Decision
	for _, d := range stored {
		if err := base.WithDecisions(d.Decision).Validate(); err != nil {
			s.log.Warn("calendar decision left out", "id", d.ID, "err", err)
			continue
		}
		ds = append(ds, d.Decision)
	}
	return calendar.New(base.WithDecisions(ds...), calendar.Config{})
}
