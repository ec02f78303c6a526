package web

import (
	"errors"
	"net/http"
	"strings"

	"github.com/motcua/motcua"
	"github.com/motcua/motcua/dossier"
)

// officeProblem is an error of the engine as a page shows it: the status to answer, a
// sentence in the page's language, the moves still open after a refused one, and the
// message of each field at fault.
type officeProblem struct {
	Status  int
	Message string
	Allowed []dossier.Action
	Fields  map[string]string
}

// officeProblemOf reads an error of the dossier engine in language l; ok is false for errors
// that are not the user's to read (the caller answers 500).
func officeProblemOf(l lang, err error) (p officeProblem, ok bool) {
	var me *dossier.MoveError
	if errors.As(err, &me) {
		msg := l.S("Không thể "+lower(me.Action.Label())+" khi hồ sơ ở trạng thái \""+me.From.Label()+"\"",
			"Cannot "+lower(me.Action.LabelEN())+" a dossier that is \""+lower(me.From.LabelEN())+"\"")
		if me.VI != "" {
			msg += ": " + l.S(me.VI, me.EN)
		}
		return officeProblem{Status: http.StatusConflict, Message: msg, Allowed: me.Allowed}, true
	}
	p = officeProblem{Fields: map[string]string{}}
	var msgs []string
	for _, e := range flattenErrors(err) {
		var ue *motcua.Error
		if !errors.As(e, &ue) {
			return officeProblem{}, false
		}
		text := l.S(ue.VI, ue.EN)
		msgs = append(msgs, text)
		if ue.Field != "" {
			if _, seen := p.Fields[ue.Field]; !seen {
				p.Fields[ue.Field] = text
			}
		}
		if p.Status == 0 {
			p.Status = map[string]int{motcua.KindNotFound: 404, motcua.KindConflict: 409,
				motcua.KindInvalid: 422, motcua.KindForbidden: 403}[ue.Kind]
		}
	}
	if p.Status == 0 {
		p.Status = http.StatusBadRequest
	}
	p.Message = strings.Join(msgs, "; ")
	return p, true
}

// flattenErrors lists the errors joined in err, however deeply.
func flattenErrors(err error) []error {
	joined, ok := err.(interface{ Unwrap() []error })
	if !ok {
		return []error{err}
	}
	var out []error
	for _, e := range joined.Unwrap() {
		out = append(out, flattenErrors(e)...)
	}
	return out
}

// officeErrorText is the readable sentence of err, or a generic one.
func officeErrorText(l lang, err error) string {
	if p, ok := officeProblemOf(l, err); ok {
		return p.Message
	}
	return l.S("Đã có lỗi xảy ra.", "Something went wrong.")
}
