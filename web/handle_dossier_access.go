package web

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"unicode"
	"unicode/utf8"

	"github.com/motcua/motcua"
	"github.com/motcua/motcua/dossier"
	"github.com/motcua/motcua/org"
	"github.com/motcua/motcua/sqlstore"
)

// Who sees which dossier:
//   - an applicant sees only the dossiers they own, drafts included;
//   - the one-stop desk (officers), the department's leaders and the clerks see every
//     dossier once it has been submitted or filed, and the desk also sees the walk-in
//     drafts it is filing at the counter;
//   - specialists and heads of division see the dossiers their unit received or held a
//     step of;
//   - other accounts (administrators) see none.
//
// Everything else answers 404, the same answer as a dossier that does not exist, so an id
// reveals nothing.
func canSee(a *org.Account, d *dossier.Dossier) bool {
	if a == nil {
		return false
	}
	if a.Role.IsApplicant() {
		return d.OwnerAccountID != 0 && d.OwnerAccountID == a.ID
	}
	if d.Status == dossier.Draft {
		return a.Role == org.RoleOfficer && d.OwnerAccountID == 0
	}
	switch a.Role {
	case org.RoleOfficer, org.RoleLeader, org.RoleClerk:
		return true
	case org.RoleSpecialist, org.RoleHead:
		return unitTouched(d, a.UnitCode)
	}
	return false
}

func unitTouched(d *dossier.Dossier, unit string) bool {
	if unit == "" {
		return false
	}
	if d.ReceivingUnit == unit {
		return true
	}
	for _, s := range d.Steps {
		if s.UnitCode == unit {
			return true
		}
	}
	return false
}

func actorOf(a *org.Account) dossier.Actor {
	return dossier.Actor{AccountID: a.ID, Name: a.DisplayName, Role: a.Role, UnitCode: a.UnitCode}
}

func errDossierNotFound() error {
	return motcua.NotFound("không có hồ sơ này", "no such dossier")
}

// pathID reads a numeric path value; anything else is a dossier that does not exist.
func pathID(r *http.Request, name string) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue(name), 10, 64)
	if err != nil || id <= 0 {
		return 0, errDossierNotFound()
	}
	return id, nil
}

// visibleDossier loads the dossier of the {id} path value if the account may see it.
func (s *Server) visibleDossier(r *http.Request) (*dossier.Dossier, error) {
	id, err := pathID(r, "id")
	if err != nil {
		return nil, err
	}
	d, err := s.db.Dossier(r.Context(), id)
	if err != nil {
		return nil, err
	}
	if !canSee(account(r), d) {
		return nil, errDossierNotFound()
	}
	return d, nil
}

// moveErrorBody is a refused move: 409 with the moves the caller may make instead.
type moveErrorBody struct {
	apiErrorBody
	Status  dossier.Status   `json:"status"`
	Allowed []dossier.Action `json:"allowed"`
}

// fieldError is one of several input problems reported together.
type fieldError struct {
	Field   string `json:"path"`
	Message string `json:"message_vi"`
	MsgEN   string `json:"message_en"`
}

// dossierFail answers an error of the dossier engine: refused moves with what is allowed,
// several input problems together, the rest as apiFail does.
func (s *Server) dossierFail(w http.ResponseWriter, r *http.Request, err error) {
	var me *dossier.MoveError
	if errors.As(err, &me) {
		vi := fmt.Sprintf("Không thể %s khi hồ sơ ở trạng thái \"%s\"", lower(me.Action.Label()), me.From.Label())
		en := fmt.Sprintf("Cannot %s a dossier in status %s", me.Action, me.From.Key())
		if me.VI != "" {
			vi, en = vi+": "+me.VI, en+": "+me.EN
		}
		allowed := me.Allowed
		if allowed == nil {
			allowed = []dossier.Action{}
		}
		writeJSON(w, http.StatusConflict, moveErrorBody{
			apiErrorBody: apiErrorBody{Error: motcua.KindConflict, Message: vi, MsgEN: en},
			Status:       me.From, Allowed: allowed})
		return
	}
	if joined, ok := err.(interface{ Unwrap() []error }); ok {
		var details []fieldError
		for _, e := range joined.Unwrap() {
			var me *motcua.Error
			if errors.As(e, &me) && me.Kind == motcua.KindInvalid {
				details = append(details, fieldError{me.Field, me.VI, me.EN})
			}
		}
		if len(details) > 0 {
			writeJSON(w, http.StatusUnprocessableEntity, apiErrorBody{Error: motcua.KindInvalid, Field: details[0].Field,
				Message: details[0].Message, MsgEN: details[0].MsgEN, Details: details})
			return
		}
	}
	s.apiFail(w, r, err)
}

// lower puts the first letter of a label in lower case for use inside a sentence.
func lower(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToLower(r)) + s[n:]
}

// visibleTo limits a list filter to the dossiers a may see, the same rule canSee applies
// to one dossier: applicants their own (drafts too), the divisions what their unit touched,
// the desk, leaders and clerks every filed dossier; my_steps is the account's own open
// steps. It reports false for accounts that see no dossiers at all.
func visibleTo(f *sqlstore.DossierFilter, a *org.Account) bool {
	switch {
	case a.Role.IsApplicant():
		f.OwnerID, f.WithDrafts = a.ID, true
	case a.Role == org.RoleSpecialist || a.Role == org.RoleHead:
		f.UnitCode = a.UnitCode
	case a.Role == org.RoleOfficer || a.Role == org.RoleLeader || a.Role == org.RoleClerk:
	default:
		return false
	}
	f.StepUnit, f.AssigneeID, f.StepRoles = a.UnitCode, a.ID, stepRoles[a.Role]
	return true
}
