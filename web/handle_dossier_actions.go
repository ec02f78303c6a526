package web

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"slices"

	"github.com/motcua/motcua"
	"github.com/motcua/motcua/calendar"
	"github.com/motcua/motcua/dossier"
	"github.com/motcua/motcua/sqlstore"
)

// apiDossierAction takes one move on a dossier. The body is a small JSON object with the
// fields the action needs (see dossier.Command); the actor always comes from the session.
// The move, its event, a receipt's code number and the notification it causes are written
// in one transaction.
func (s *Server) apiDossierAction(action dossier.Action) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		id, err := pathID(r, "id")
		if err != nil {
			s.apiFail(w, r, err)
			return
		}
		cmd, err := decodeCommand(w, r, action)
		if err != nil {
			s.apiFail(w, r, err)
			return
		}
		d, err := s.moveDossier(r, id, cmd)
		if err != nil {
			s.dossierFail(w, r, err)
			return
		}
		s.writeDossier(w, r, http.StatusOK, d)
	}
}

// moveDossier applies cmd, as the signed-in account, to dossier id: the move, its event, a
// receipt's code number and the notification it causes are written in one transaction.
// Pages and the API both come through here.
func (s *Server) moveDossier(r *http.Request, id int64, cmd dossier.Command) (*dossier.Dossier, error) {
	a := account(r)
	cmd.Actor = actorOf(a)
	unitIdentifier := ""
	if cmd.Action == dossier.Receive && a.UnitCode != "" {
		u, err := s.db.Unit(r.Context(), a.UnitCode)
		if err != nil {
			return nil, err
		}
		unitIdentifier = u.Identifier
	}
	now := s.cfg.Now()
	d, _, err := s.db.ApplyDossier(r.Context(), id, func(d *dossier.Dossier, tx *sqlstore.DossierTx) (dossier.Event, error) {
		if !canSee(a, d) {
			return dossier.Event{}, errDossierNotFound()
		}
		if ok, err := tx.HasDocuments(cmd.Attachments); err != nil {
			return dossier.Event{}, err
		} else if !ok {
			return dossier.Event{}, motcua.Invalid("attachments", "tệp đính kèm phải là tệp đã tải lên hồ sơ này",
				"attachments must be files uploaded to this dossier")
		}
		if cmd.Action == dossier.Receive && d.Code == "" && unitIdentifier != "" {
			// Only a move the rules allow may spend a number; a refused one rolls it back.
			if slices.Contains(dossier.AllowedActions(d, cmd.Actor), cmd.Action) {
				code, err := tx.IssueCode(unitIdentifier, calendar.DateOf(now.In(calendar.Vietnam)))
				if err != nil {
					return dossier.Event{}, err
				}
				cmd.Code = code
			}
		}
		ev, err := d.Apply(cmd, now, s.workCalendar())
		if err != nil {
			return ev, err
		}
		return ev, s.notify(tx, d, ev)
	})
	return d, err
}

// decodeCommand reads the action's body; an empty body is an empty command. Rating takes
// the rating itself as its body.
func decodeCommand(w http.ResponseWriter, r *http.Request, action dossier.Action) (dossier.Command, error) {
	r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
	raw, err := io.ReadAll(r.Body)
	if err != nil {
		return dossier.Command{}, motcua.Invalid("body", "nội dung yêu cầu quá lớn", "request body too large")
	}
	cmd := dossier.Command{}
	if len(raw) > 0 {
		var target any = &cmd
		var rating dossier.Rating
		if action == dossier.Rate {
			target = &rating
		}
		if err := strictJSON(raw, target); err != nil {
			return cmd, err
		}
		if action == dossier.Rate {
			cmd.Rating = &rating
		}
	}
	cmd.Action = action
	return cmd, nil
}

func strictJSON(raw []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var me *motcua.Error
		if errors.As(err, &me) {
			return me
		}
		return motcua.Invalid("body", "JSON không hợp lệ: "+err.Error(), "invalid JSON: "+err.Error())
	}
	return nil
}
