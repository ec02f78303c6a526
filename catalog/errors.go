package catalog

import (
	"errors"
	"strings"
)

// Errors of the version life cycle. They mean the request conflicts with the state of the
// procedure, so an HTTP layer answers them with 409.
var (
	ErrNoDraft        = errors.New("thủ tục không có bản nháp / procedure has no draft")
	ErrDraftExists    = errors.New("thủ tục đã có một bản nháp / procedure already has a draft")
	ErrAbolished      = errors.New("thủ tục đã bị bãi bỏ / procedure is abolished")
	ErrNotPublishable = errors.New("bản nháp chưa đủ điều kiện công bố / draft cannot be published")
	ErrNoSuchVersion  = errors.New("không có phiên bản này / no such version")
)

// FieldError is one problem with one field. Path names the field the way the JSON
// document spells it, e.g. "channels[1].time".
type FieldError struct {
	Path string `json:"path"`
	Vi   string `json:"message_vi"`
	En   string `json:"message_en"`
}

func (e FieldError) Error() string { return e.Path + ": " + e.Vi + " / " + e.En }

// ValidationErrors lists every problem found, so a form can mark all fields at once.
type ValidationErrors []FieldError

func (es ValidationErrors) Error() string {
	msgs := make([]string, len(es))
	for i, e := range es {
		msgs[i] = e.Error()
	}
	return strings.Join(msgs, "; ")
}

// add records a problem at path.
func (es *ValidationErrors) add(path, vi, en string) {
	*es = append(*es, FieldError{Path: path, Vi: vi, En: en})
}

// nest appends the problems of a part, with their paths placed under prefix.
func (es *ValidationErrors) nest(prefix string, err error) {
	var sub ValidationErrors
	if !errors.As(err, &sub) {
		if err != nil {
			vi, en, ok := strings.Cut(err.Error(), " / ")
			if !ok {
				en = vi
			}
			es.add(prefix, vi, en)
		}
		return
	}
	for _, e := range sub {
		switch {
		case prefix == "":
		case e.Path == "":
			e.Path = prefix
		case !strings.HasPrefix(e.Path, "["):
			e.Path = prefix + "." + e.Path
		default:
			e.Path = prefix + e.Path
		}
		*es = append(*es, e)
	}
}

// err returns nil when there are no problems, so callers can `return es.err()`.
func (es ValidationErrors) err() error {
	if len(es) == 0 {
		return nil
	}
	return es
}
