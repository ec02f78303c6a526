package portal

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
)

// Reply is the portal's answer to any service call.
type Reply struct {
	ErrorCode Code            `json:"error_code"`
	Message   string          `json:"message"`
	Session   string          `json:"session,omitempty"` // login only
	Result    json.RawMessage `json:"result,omitempty"`  // lookups only
	// Existed is set by Client.Send when the portal answered that the dossier already
	// exists, which Send reports as success.
	Existed bool `json:"-"`
}

// Code is an error_code. Vendor code reads it both as a number and as a string ("0",
// "00"), so both are accepted; it is written as a string.
type Code string

func (c *Code) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) > 0 && b[0] == '"' {
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*c = Code(strings.TrimSpace(s))
		return nil
	}
	if string(b) == "null" {
		*c = ""
		return nil
	}
	var n json.Number
	if err := json.Unmarshal(b, &n); err != nil {
		return err
	}
	*c = Code(n.String())
	return nil
}

func (c Code) MarshalJSON() ([]byte, error) { return json.Marshal(string(c)) }

// Error codes the fake portal answers with. The real portal's list was not available:
// vendor code treats "0" (or "00") as success and "3"/"-3" with a message saying "đã tồn
// tại" as "already exists"; the others are ours.
const (
	CodeOK       Code = "0"
	CodeInvalid  Code = "-1" // the payload is wrong: permanent
	CodeSession  Code = "-2" // no or expired session: log in again
	CodeExists   Code = "-3" // the dossier is already there: success for a re-sent creation
	CodeNotFound Code = "-4" // an update or step for a dossier not there yet
	CodeBusy     Code = "-5" // try later
)

// Codes says how the client reads error codes. A code in no list is taken as temporary,
// so an unexpected answer is retried (up to the worker's limit) rather than dropped.
type Codes struct {
	OK      []Code
	Exists  []Code
	Invalid []Code // permanent
	Session []Code
	// NotFound means the dossier is not on the portal (yet): temporary, and an update of
	// the dossier itself is sent again as a creation.
	NotFound []Code
	// ExistsText, when the message contains it, means "already exists" whatever the code.
	ExistsText string
}

// DefaultCodes reads the fake portal's codes and the ones seen in vendor code. An update
// for a dossier the portal does not know yet is temporary: its creation may still be on
// the way.
var DefaultCodes = Codes{
	OK:         []Code{CodeOK, "00"},
	Exists:     []Code{CodeExists, "3"},
	Invalid:    []Code{CodeInvalid},
	Session:    []Code{CodeSession},
	NotFound:   []Code{CodeNotFound},
	ExistsText: "đã tồn tại",
}

type outcome int

const (
	outcomeOK outcome = iota
	outcomeExists
	outcomeSession
	outcomeInvalid
	outcomeNotFound
	outcomeTemporary
)

func (cs Codes) classify(r Reply) outcome {
	switch {
	case slices.Contains(cs.Exists, r.ErrorCode),
		cs.ExistsText != "" && strings.Contains(strings.ToLower(r.Message), cs.ExistsText):
		return outcomeExists
	case slices.Contains(cs.OK, r.ErrorCode):
		return outcomeOK
	case slices.Contains(cs.Session, r.ErrorCode):
		return outcomeSession
	case slices.Contains(cs.Invalid, r.ErrorCode):
		return outcomeInvalid
	case slices.Contains(cs.NotFound, r.ErrorCode):
		return outcomeNotFound
	}
	return outcomeTemporary
}
