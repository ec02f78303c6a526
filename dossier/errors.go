package dossier

import (
	"fmt"
	"strings"

	"github.com/motcua/motcua"
)

// MoveError says an action cannot be taken from the dossier's current status or state.
// HTTP answers it with 409 and the moves that are allowed.
type MoveError struct {
	Action  Action
	From    Status
	Allowed []Action
	// VI and EN explain a refusal that is not about the status alone (guidance already
	// used, too little time left for an apology); empty when the status says it all.
	VI, EN string
}

func (e *MoveError) Error() string {
	allowed := make([]string, len(e.Allowed))
	for i, a := range e.Allowed {
		allowed[i] = string(a)
	}
	vi := fmt.Sprintf("không thể %q khi hồ sơ ở trạng thái %q", e.Action.Label(), e.From.Label())
	en := fmt.Sprintf("cannot %s a dossier in status %s", e.Action, e.From.Key())
	if e.VI != "" {
		vi, en = vi+": "+e.VI, en+": "+e.EN
	}
	return fmt.Sprintf("%s / %s (allowed: %s)", vi, en, strings.Join(allowed, ", "))
}

// Is lets errors.Is(err, motcua.ErrConflict) find a MoveError.
func (e *MoveError) Is(target error) bool { return target == motcua.ErrConflict }

func forbidden(vi, en string) error {
	return &motcua.Error{Kind: motcua.KindForbidden, VI: vi, EN: en}
}

func invalid(field, vi, en string) error { return motcua.Invalid(field, vi, en) }
