package portal

import (
	"errors"
	"fmt"
)

// Class says what to do about a failed call.
type Class int

const (
	// Temporary: network trouble, a timeout, a 5xx, a busy portal, a failed login, an
	// unknown answer. Send the same message again later.
	Temporary Class = iota + 1
	// Permanent: the portal refused the payload. Sending it again will not help.
	Permanent
)

func (c Class) String() string {
	if c == Permanent {
		return "permanent"
	}
	return "temporary"
}

// Error is a failed portal call.
type Error struct {
	Class   Class
	Service string
	Status  int  // HTTP status, 0 when none came back
	Code    Code // the portal's error_code, when it answered
	Message string
	Err     error // the transport error, if any
}

func (e *Error) Error() string {
	s := fmt.Sprintf("portal %s (%s)", e.Service, e.Class)
	if e.Status != 0 {
		s += fmt.Sprintf(": HTTP %d", e.Status)
	}
	if e.Code != "" {
		s += fmt.Sprintf(": error_code %s", e.Code)
	}
	if e.Message != "" {
		s += ": " + e.Message
	}
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

func (e *Error) Unwrap() error { return e.Err }

// IsPermanent reports whether err says the message will never be accepted. Errors that
// are not *Error (a cancelled context, say) are not permanent.
func IsPermanent(err error) bool {
	var e *Error
	return errors.As(err, &e) && e.Class == Permanent
}
