package web

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/motcua/motcua"
	"github.com/motcua/motcua/dossier"
)

// formIssue is one problem with what a person sent, in their language, tied to the input it
// concerns: the page shows it next to that input and links to it from the summary.
type formIssue struct {
	Field   string // the domain's field path, e.g. "applicant.phone"
	Input   string // id of the input on the page; "" when no input is at fault
	Message string
}

// formIssues are the problems of one form, in the order found.
type formIssues []formIssue

// For is the message shown next to the input of field, "" when it is fine.
func (fi formIssues) For(field string) string {
	var msgs []string
	for _, i := range fi {
		if i.Field == field {
			msgs = append(msgs, i.Message)
		}
	}
	return strings.Join(msgs, " ")
}

// issuesOf turns an error the person can act on into form issues and the status to answer
// with; inputs maps the domain's field paths to input ids. Status 0 means err is not theirs
// to fix (a failure of the system) and should be answered as such.
func issuesOf(l lang, err error, inputs map[string]string) (formIssues, int) {
	var out formIssues
	status := http.StatusUnprocessableEntity
	for _, e := range flatten(err) {
		var me *dossier.MoveError
		var ue *motcua.Error
		switch {
		case errors.As(e, &me):
			out = append(out, formIssue{Message: moveMessage(l, me)})
			status = http.StatusConflict
		case errors.As(e, &ue):
			if ue.Kind == motcua.KindNotFound || ue.Kind == motcua.KindForbidden {
				return nil, 0
			}
			if ue.Kind == motcua.KindConflict {
				status = http.StatusConflict
			}
			out = append(out, formIssue{Field: ue.Field, Input: inputs[ue.Field], Message: sentence(l.S(ue.VI, ue.EN))})
		default:
			return nil, 0
		}
	}
	return out, status
}

// sentence starts a message with a capital and ends it with a full stop, as pages print
// messages that the domain writes to be quoted inside a sentence.
func sentence(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	s = string(unicode.ToUpper(r)) + s[n:]
	if !strings.HasSuffix(s, ".") {
		s += "."
	}
	return s
}

// flatten lists the errors inside joined errors, however deeply joined.
func flatten(err error) []error {
	joined, ok := err.(interface{ Unwrap() []error })
	if !ok {
		return []error{err}
	}
	var out []error
	for _, e := range joined.Unwrap() {
		out = append(out, flatten(e)...)
	}
	return out
}

// moveMessage says why a move is refused, as the API's 409 does.
func moveMessage(l lang, me *dossier.MoveError) string {
	vi := fmt.Sprintf("Không thể %s khi hồ sơ ở trạng thái \"%s\"", lower(me.Action.Label()), me.From.Label())
	en := fmt.Sprintf("Cannot %s a dossier in status \"%s\"", lower(me.Action.LabelEN()), me.From.LabelEN())
	if me.VI != "" {
		vi, en = vi+": "+me.VI, en+": "+me.EN
	}
	return l.S(vi+".", en+".")
}
