package service

import (
	"context"
	"errors"
	"log/slog"
	"slices"
	"sync"
	"time"

	"github.com/motcua/motcua"
	"github.com/motcua/motcua/calendar"
	"github.com/motcua/motcua/dossier"
	"github.com/motcua/motcua/org"
	"github.com/motcua/motcua/portal"
	"github.com/motcua/motcua/sqlstore"
)

// Dossiers carries out the moves on dossiers.
type Dossiers struct {
	DB *sqlstore.DB
	// Calendar is the working-day calendar in force; nil means calendar.Default().
	Calendar func() *calendar.Calendar
	// BaseURL is the public address, for the tracking link in e-mails and the document
	// links sent to the national portal; empty leaves them out.
	BaseURL string
	Log     *slog.Logger

	versions  sync.Map // "code#number" → *catalog.Version, published versions only
	unitCache unitCache
}

// Move applies cmd, taken by the account by, to dossier id at now. See MoveChecked.
func (s *Dossiers) Move(ctx context.Context, by org.Account, id int64, cmd dossier.Command,
	now time.Time) (*dossier.Dossier, dossier.Event, error) {
	return s.MoveChecked(ctx, by, id, cmd, now, nil)
}

// MoveChecked applies cmd, taken by the account by, to dossier id at now, after check
// (if any) accepted the dossier as locked for the move. In one transaction it stores the
// dossier and its event, issues a receipt's code number, queues the applicant's e-mail and
// the national portal messages, and moves the figures from the dossier's old fact to its
// new one. If anything fails, nothing changes. A move PostgreSQL rolled back to break a
// deadlock or a serialization conflict (sqlstore.Conflicted) is tried again from the
// start, from a new snapshot, up to sqlstore.ConflictTries times in all.
func (s *Dossiers) MoveChecked(ctx context.Context, by org.Account, id int64, cmd dossier.Command, now time.Time,
	check func(*dossier.Dossier) error) (*dossier.Dossier, dossier.Event, error) {
	cmd.Actor = dossier.Actor{AccountID: by.ID, Name: by.DisplayName, Role: by.Role, UnitCode: by.UnitCode}
	stale, guess, conflicts := false, true, 0
	for {
		d, ev, err := s.move(ctx, by, id, cmd, now, check, guess)
		switch {
		case sqlstore.Conflicted(err) && conflicts+1 < sqlstore.ConflictTries:
			// Nothing of the move was kept: after a random pause, so that the two sides
			// of a deadlock do not meet again, it starts again with a fresh snapshot.
			conflicts++
			if err := sqlstore.PauseAfterConflict(ctx, conflicts); err != nil {
				return nil, dossier.Event{}, err
			}
		case errors.Is(err, sqlstore.ErrStaleSnapshot) && !stale:
			// The copy this instance kept was stale (the dossier moved elsewhere): the
			// next snapshot comes from the database.
			stale = true
		case errors.Is(err, sqlstore.ErrCodeTaken) && guess:
			// The code number this instance dealt was taken elsewhere: the next try
			// takes one under lock.
			guess = false
		default:
			return d, ev, err
		}
	}
}

// move is one try of MoveChecked; guess lets a receipt's code number come from this
// instance's dealer (see sqlstore.DossierTx.IssueCode).
func (s *Dossiers) move(ctx context.Context, by org.Account, id int64, cmd dossier.Command, now time.Time,
	check func(*dossier.Dossier) error, guess bool) (*dossier.Dossier, dossier.Event, error) {
	// What the portal and the figures need from elsewhere (catalog, units, accounts) is read
	// before the transaction: on PostgreSQL reads and writes share one pool, and a move
	// holding a connection while waiting for a second could starve it. The dossier's own
	// files are read in the transaction, on its connection. The snapshot taken here (the
	// copy this instance kept, or else a read) is handed to the transaction, which uses it
	// if nothing changed in between.
	before, err := s.DB.DossierSnapshot(ctx, id)
	if err != nil {
		return nil, dossier.Event{}, err
	}
	in, err := s.syncInputs(ctx, before.D, &by)
	if err != nil {
		return nil, dossier.Event{}, err
	}
	unitIdentifier := ""
	if cmd.Action == dossier.Receive && by.UnitCode != "" {
		if unitIdentifier = in.identifiers[by.UnitCode]; unitIdentifier == "" {
			return nil, dossier.Event{}, motcua.NotFound("không có đơn vị "+by.UnitCode, "no unit "+by.UnitCode)
		}
	}
	clk := s.clock()
	// The files for the national portal are read with the locked dossier when the copy
	// says they will be needed; if the dossier turns out otherwise, Documents reads them.
	docs := portal.MayMessage(before.D, cmd.Action)
	return s.DB.ApplyDossierSeen(ctx, id, before, docs, func(d *dossier.Dossier, tx *sqlstore.DossierTx) (dossier.Event, error) {
		if check != nil {
			if err := check(d); err != nil {
				return dossier.Event{}, err
			}
		}
		if ok, err := tx.HasDocuments(cmd.Attachments); err != nil {
			return dossier.Event{}, err
		} else if !ok {
			return dossier.Event{}, motcua.Invalid("attachments", "tệp đính kèm phải là tệp đã tải lên hồ sơ này",
				"attachments must be files uploaded to this dossier")
		}
		if portal.MayMessage(d, cmd.Action) {
			// The files as they are now, beside the dossier as it is now: read in the move's
			// own transaction (on SQLite by the writer, which has them at hand), before a
			// receipt takes its code number and holds the unit's sequence.
			docs, err := tx.Documents()
			if err != nil {
				return dossier.Event{}, err
			}
			in.files = s.portalFiles(d, docs)
		}
		if cmd.Action == dossier.Receive && d.Code == "" && unitIdentifier != "" {
			// Only a move the rules allow may spend a number; a refused one rolls it back.
			if slices.Contains(dossier.AllowedActions(d, cmd.Actor), cmd.Action) {
				code, err := tx.IssueCode(unitIdentifier, calendar.DateOf(now.In(calendar.Vietnam)), guess)
				if err != nil {
					return dossier.Event{}, err
				}
				cmd.Code = code
			}
		}
		old, counted, err := tx.ReportFact()
		if err != nil {
			return dossier.Event{}, err
		}
		stepsBefore := finishedSteps(d, counted)
		ev, err := d.Apply(cmd, now, clk)
		if err != nil {
			return ev, err
		}
		if err := s.queueEmail(tx, d, ev); err != nil {
			return ev, err
		}
		if err := s.record(tx, d, old, stepsBefore, in.version, clk, now); err != nil {
			return ev, err
		}
		return ev, queuePortal(tx, d, ev, in.context(d))
	})
}

// Create stores a new draft filed by the account by (the applicant, or the officer at the
// counter for a walk-in); in.Procedure must be set. A draft with the same idempotency key
// from the same account comes back with existed set. A draft counts in no figure.
func (s *Dossiers) Create(ctx context.Context, by org.Account, in dossier.DraftInput,
	now time.Time) (d *dossier.Dossier, existed bool, err error) {
	if in.Procedure == nil {
		return nil, false, motcua.Invalid("procedure_code", "cần chọn thủ tục", "a procedure is required")
	}
	d, err = dossier.NewDraft(in, now)
	if err != nil {
		return nil, false, err
	}
	id, existed, err := s.DB.CreateDossierDraft(ctx, d, by.ID)
	if err != nil {
		return nil, false, err
	}
	if !existed {
		return d, false, nil // as stored, with its id
	}
	d, err = s.DB.Dossier(ctx, id)
	return d, existed, err
}

func (s *Dossiers) clock() *calendar.Calendar {
	if s.Calendar != nil {
		if c := s.Calendar(); c != nil {
			return c
		}
	}
	return calendar.Default()
}

func (s *Dossiers) log() *slog.Logger {
	if s.Log != nil {
		return s.Log
	}
	return slog.Default()
}
