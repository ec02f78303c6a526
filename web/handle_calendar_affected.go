package web

import (
	"context"
	"time"

	"github.com/motcua/motcua/calendar"
	"github.com/motcua/motcua/sqlstore"
)

// affectedDossiers are the open dossiers whose deadline window holds a day a decision
// changes. Their appointments stay as printed on the receipt slip; the list tells the
// administrator whom the new day concerns.
type affectedDossiers struct {
	Day  calendar.Date
	Rows []sqlstore.DossierRow
	More bool // the list was cut at one page
}

// dossiersAffectedBy lists the dossiers received by the end of day whose appointment is on
// or after day, not finished and with the clock running: a new day off or make-up workday
// changes how many working days their window holds. Dossiers waiting for a supplement are
// left out: their appointment is computed again, with the calendar then in force, when the
// applicant answers.
func (s *Server) dossiersAffectedBy(ctx context.Context, day calendar.Date) (affectedDossiers, error) {
	start := day.In(calendar.Vietnam)
	rows, next, err := s.db.ListDossiers(ctx, sqlstore.DossierFilter{
		Queue:      sqlstore.QueueDueSoon,
		Now:        start.Add(-time.Millisecond), // due_soon takes appointments after Now
		DueBy:      start.AddDate(100, 0, 0),
		ReceivedTo: day.AddDays(1).In(calendar.Vietnam),
		Limit:      sqlstore.MaxDossierPage,
	})
	return affectedDossiers{Day: day, Rows: rows, More: next != ""}, err
}
