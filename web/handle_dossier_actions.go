package web

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http"

	"github.com/motcua/motcua"
	"github.com/motcua/motcua/dossier"
)

// apiDossierAction takes one move on a dossier. The body is a small JSON object with the
// fields the action needs (see dossier.Command); the actor always comes from the session.
// Everything the move causes is written in one transaction (see moveDossier).
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
		d, ev, err := s.moveDossier(r, id, cmd)
		if err != nil {
			s.dossierFail(w, r, err)
			return
		}
		state := s.stateOf(r, d)
		s.writeStored(w, http.StatusOK, d, func(d *dossier.Dossier) any {
			state.Dossier = d
			return movedView{dossierState: state, Event: ev}
		})
	}
}

// moveDossier applies cmd, as the signed-in account, to dossier id, through the service:
// the move, its event, a receipt's code number, the e-mail, the figures and the national
// portal messages it causes are written in one transaction. Pages and the API both come
// through here; a dossier the account may not see is not found.
func (s *Server) moveDossier(r *http.Request, id int64, cmd dossier.Command) (*dossier.Dossier, dossier.Event, error) {
	a := account(r)
	d, ev, err := s.dossiers.MoveChecked(r.Context(), *a, id, cmd, s.cfg.Now(), func(d *dossier.Dossier) error {
		if !canSee(a, d) {
			return errDossierNotFound()
		}
		return nil
	})
	if err == nil {
		s.tracking.forget(id) // public tracking shows the move at once
	}
	return d, ev, err
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
