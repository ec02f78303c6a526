package service

import (
	"context"
	"fmt"
	"time"

	"github.com/motcua/motcua/calendar"
	"github.com/motcua/motcua/catalog"
	"github.com/motcua/motcua/dossier"
	"github.com/motcua/motcua/report"
	"github.com/motcua/motcua/sqlstore"
)

// record moves the figures from the dossier's old fact to the one it has after the move,
// and counts the internal steps the move finished. The portal's acknowledgment (Synced)
// is the sync's to set and carries over.
func (s *Dossiers) record(tx *sqlstore.DossierTx, d *dossier.Dossier, old report.Fact, stepsBefore map[int]bool,
	v *catalog.Version, clk *calendar.Calendar, now time.Time) error {
	f := report.FactOf(d, clk, now)
	f.Describe(v)
	f.Synced = old.Synced
	if err := tx.PutReportFact(old, f); err != nil {
		return err
	}
	var finished []report.StepLate
	for _, st := range report.StepLateness(d) {
		if !stepsBefore[st.Index] {
			finished = append(finished, st)
		}
	}
	return tx.AddStepLateness(finished)
}

// finishedSteps are the steps of d already counted: those finished, if the dossier's
// figures were recorded before; none otherwise, so that a dossier recorded for the first
// time counts all of them.
func finishedSteps(d *dossier.Dossier, counted bool) map[int]bool {
	out := map[int]bool{}
	if counted {
		for _, st := range report.StepLateness(d) {
			out[st.Index] = true
		}
	}
	return out
}

// version is the catalog version the dossier pinned. Published versions never change, so
// they are kept in memory.
func (s *Dossiers) version(ctx context.Context, code string, number int) (*catalog.Version, error) {
	key := fmt.Sprintf("%s#%d", code, number)
	if v, ok := s.versions.Load(key); ok {
		return v.(*catalog.Version), nil
	}
	p, err := s.DB.Procedure(ctx, code)
	if err != nil {
		return nil, err
	}
	v := p.Version(number)
	if v != nil && v.Status != catalog.Draft {
		s.versions.Store(key, v)
	}
	return v, nil
}

// Backfill records the figures of dossiers stored before the figures existed, at most
// limit of them (0: all), and returns how many it recorded. Their counters are added as
// they stand at now; it is safe to run while moves go on.
func (s *Dossiers) Backfill(ctx context.Context, now time.Time, limit int) (int, error) {
	clk, n, after := s.clock(), 0, int64(0)
	for limit == 0 || n < limit {
		ids, err := s.DB.UnreportedDossiers(ctx, after, 200)
		if err != nil || len(ids) == 0 {
			return n, err
		}
		for _, id := range ids {
			after = id
			d, err := s.DB.Dossier(ctx, id)
			if err != nil {
				return n, err
			}
			v, err := s.version(ctx, d.ProcedureCode, d.VersionNumber)
			if err != nil {
				return n, err
			}
			err = s.DB.WithDossier(ctx, id, func(d *dossier.Dossier, tx *sqlstore.DossierTx) error {
				old, counted, err := tx.ReportFact()
				if err != nil || counted { // a move recorded it meanwhile
					return err
				}
				return s.record(tx, d, old, nil, v, clk, now)
			})
			if err != nil {
				return n, err
			}
			n++
			if limit > 0 && n >= limit {
				break
			}
		}
	}
	return n, nil
}
