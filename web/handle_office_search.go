package web

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/motcua/motcua"
	"github.com/motcua/motcua/dossier"
	"github.com/motcua/motcua/sqlstore"
	"github.com/motcua/motcua/textfold"
)

// officeFindByCode is the id of the dossier with code if the account may see it, else 0. The
// code column is unique, so this is one index lookup.
func (s *Server) officeFindByCode(r *http.Request, code string) (int64, error) {
	d, err := s.db.DossierByCode(r.Context(), code)
	if errors.Is(err, motcua.ErrNotFound) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	if !canSee(account(r), d) {
		return 0, nil
	}
	return d.ID, nil
}

// officeSearch looks for text in the applicant's name (and the code) of the queue's
// dossiers, reading at most officeSearchWindow of them from f's cursor on: the store has no
// name index, so a search is bounded rather than a scan of every dossier. next continues
// the search after the dossiers read.
func (s *Server) officeSearch(ctx context.Context, f sqlstore.DossierFilter, text string) (found []sqlstore.DossierRow, next string, scanned int, err error) {
	want := textfold.Fold(text)
	f.Limit = sqlstore.MaxDossierPage
	for scanned < officeSearchWindow {
		rows, after, err := s.db.ListDossiers(ctx, f)
		if err != nil {
			return nil, "", scanned, err
		}
		scanned += len(rows)
		for _, row := range rows {
			if strings.Contains(textfold.Fold(row.ApplicantName), want) || strings.Contains(textfold.Fold(row.Code), want) {
				found = append(found, row)
			}
		}
		if after == "" {
			return found, "", scanned, nil
		}
		f.After, next = after, after
	}
	return found, next, scanned, nil
}

// identityNumber reports whether q is written like an ID card number (9 or 12 digits), a
// tax code or a phone number: digits, with spaces, dots or a leading + at most.
func identityNumber(q string) bool {
	digits := 0
	for i, r := range q {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == ' ' || r == '.' || (r == '+' && i == 0):
		default:
			return false
		}
	}
	return digits >= 9 && digits <= 13
}

// officeRowProgress is the deadline of a listed dossier. A dossier waiting for the applicant has
// its clock stopped: the appointment will move by the time the wait lasts.
func officeRowProgress(row sqlstore.DossierRow, clk dossier.Clock, now time.Time) dossier.Progress {
	if row.Status == dossier.Waiting && !row.AppointmentAt.IsZero() {
		return dossier.Progress{Appointment: row.AppointmentAt, Paused: true}
	}
	return dossier.Track(&dossier.Dossier{ReceivedAt: row.ReceivedAt, AppointmentAt: row.AppointmentAt,
		FinishedAt: row.FinishedAt}, clk, now)
}

// officeDossierPath is the console page of a dossier.
func officeDossierPath(id int64) string { return "/office/dossiers/" + strconv.FormatInt(id, 10) }
