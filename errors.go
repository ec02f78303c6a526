// Package motcua is the one-stop-shop ("một cửa") platform of a provincial Department of
// Industry and Trade. This root package holds only what every layer shares: the kinds of
// error that adapters translate into HTTP statuses and messages, and the build's stamp.
package motcua

import "fmt"

// Kinds of error, each with a fixed meaning across the store and the web layer.
const (
	KindNotFound  = "not_found"
	KindConflict  = "conflict"
	KindInvalid   = "invalid"
	KindForbidden = "forbidden"
)

// Error is an error a user can read, in Vietnamese and English; Field names the input at
// fault when there is one.
type Error struct {
	Kind  string
	Field string
	VI    string
	EN    string
}

func (e *Error) Error() string {
	if e.Field != "" {
		return fmt.Sprintf("%s: %s / %s", e.Field, e.VI, e.EN)
	}
	return e.VI + " / " + e.EN
}

// Is lets errors.Is match by kind: errors.Is(err, motcua.ErrNotFound).
func (e *Error) Is(target error) bool {
	t, ok := target.(*Error)
	return ok && t.Kind == e.Kind && t.Field == "" && t.VI == ""
}

// Sentinels for errors.Is.
var (
	ErrNotFound  = &Error{Kind: KindNotFound}
	ErrConflict  = &Error{Kind: KindConflict}
	ErrInvalid   = &Error{Kind: KindInvalid}
	ErrForbidden = &Error{Kind: KindForbidden}
)

// NotFound builds a not-found error for what (Vietnamese, English).
func NotFound(vi, en string) *Error { return &Error{Kind: KindNotFound, VI: vi, EN: en} }

// Conflict builds a conflict error.
func Conflict(vi, en string) *Error { return &Error{Kind: KindConflict, VI: vi, EN: en} }

// Invalid builds a validation error naming a field.
func Invalid(field, vi, en string) *Error {
	return &Error{Kind: KindInvalid, Field: field, VI: vi, EN: en}
}
