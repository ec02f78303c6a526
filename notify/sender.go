package notify

import (
	"context"
	"errors"
)

// Sender hands a message to the mail system. It returns nil once the next hop has accepted
// the message, and a *SendError saying whether trying again could help.
type Sender interface {
	Send(ctx context.Context, m Message) error
}

// SendError is a failed delivery. Temporary ones (SMTP 4xx, network trouble, a server or
// account that is misconfigured for now) are retried; permanent ones (SMTP 5xx about the
// recipient or the content, a malformed address) are not.
type SendError struct {
	Temporary bool
	Code      int // SMTP reply code, 0 when there was none
	Err       error
}

func (e *SendError) Error() string { return e.Err.Error() }
func (e *SendError) Unwrap() error { return e.Err }

// Temporary wraps err as a failure worth retrying.
func Temporary(code int, err error) error { return &SendError{Temporary: true, Code: code, Err: err} }

// Permanent wraps err as a failure that retrying cannot cure.
func Permanent(code int, err error) error { return &SendError{Code: code, Err: err} }

// IsPermanent reports whether err says the message can never be delivered. Errors that are
// not a *SendError count as temporary: an unknown failure is more likely a glitch than a
// verdict on the message.
func IsPermanent(err error) bool {
	var se *SendError
	return errors.As(err, &se) && !se.Temporary
}
