package dossier

import (
	"time"

	"github.com/motcua/motcua/calendar"
	"github.com/motcua/motcua/catalog"
	"github.com/motcua/motcua/org"
)

// Actor is who takes an action, as the session knows them.
type Actor struct {
	AccountID int64    `json:"account_id"`
	Name      string   `json:"name"`
	Role      org.Role `json:"role"`
	UnitCode  string   `json:"unit_code,omitempty"`
}

// Command is one request to move a dossier. Only the fields the action needs are read;
// the action's rules say which are required.
type Command struct {
	Action Action `json:"action"`
	Actor  Actor  `json:"-"` // always from the session, never from the request body

	Note        string   `json:"note,omitempty"`
	Reason      string   `json:"reason,omitempty"`      // refuse, stop, apologize, withdraw
	Missing     []string `json:"missing,omitempty"`     // guide, request-supplement
	Attachments []string `json:"attachments,omitempty"` // SHA-256 hex of stored files
	// ApplicantFault says the applicant caused this guidance or supplement request (false
	// or inconsistent papers, not an agency oversight), so it does not lower the
	// agency's contact score.
	ApplicantFault bool `json:"applicant_fault,omitempty"`

	Code string `json:"code,omitempty"` // submit, receive: code issued by the store

	ToUnit       string `json:"to_unit,omitempty"` // forward: overrides the planned unit
	AssigneeID   int64  `json:"assignee_id,omitempty"`
	AssigneeName string `json:"assignee_name,omitempty"`

	NewAppointment time.Time `json:"new_appointment,omitzero"` // apologize

	Amount    int64  `json:"amount,omitempty"` // pay: must match the amount asked, if given
	Method    string `json:"method,omitempty"` // pay: cash, transfer, online portal…
	Reference string `json:"reference,omitempty"`

	ResultNumber     string         `json:"result_number,omitempty"`
	ResultDate       calendar.Date  `json:"result_date,omitzero"`
	ResultValidUntil *calendar.Date `json:"result_valid_until,omitempty"`
	ResultValidity   string         `json:"result_validity,omitempty"`

	ReturnChannel catalog.Channel `json:"return_channel,omitempty"` // return-result; default the filing channel
	Notice        string          `json:"notice,omitempty"`         // stop: number of the notice (Form 05)

	Rating *Rating `json:"rating,omitempty"` // rate
}
