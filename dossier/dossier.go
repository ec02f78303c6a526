package dossier

import (
	"time"

	"github.com/motcua/motcua/calendar"
	"github.com/motcua/motcua/catalog"
	"github.com/motcua/motcua/org"
)

// Dossier is one case filed under one pinned procedure version. Everything the rules need
// later — statutory time, fees, the internal process — is copied in at filing so that a
// new version or a new fee never changes a dossier already filed.
type Dossier struct {
	ID     int64  `json:"id"`
	Code   string `json:"code,omitempty"` // set at receipt (or at online submission)
	Status Status `json:"status"`

	ProcedureCode string          `json:"procedure_code"`
	VersionNumber int             `json:"version_number"`
	ProcedureName string          `json:"procedure_name"`
	Channel       catalog.Channel `json:"channel"`
	// FeeSchedule is the pinned version's fee table for the channel; Fees the fees in force
	// on the filing day for this applicant, fixed at submission.
	FeeSchedule   []catalog.Fee          `json:"fee_schedule,omitempty"`
	Fees          []catalog.Fee          `json:"fees,omitempty"`
	StatutoryTime calendar.Span          `json:"statutory_time"`
	Plan          []catalog.InternalStep `json:"plan,omitempty"` // internal process as pinned
	ReplyWithin   calendar.Span          `json:"reply_within"`
	SupplementBy  calendar.Span          `json:"supplement_within"`
	ApplicantType catalog.ApplicantType  `json:"applicant_type"`
	Applicant     Applicant              `json:"applicant"`
	Area          string                 `json:"area,omitempty"`
	Summary       string                 `json:"summary,omitempty"` // trích yếu
	ResultName    string                 `json:"result_name,omitempty"`

	OwnerAccountID int64  `json:"owner_account_id,omitempty"` // 0 for a walk-in at the counter
	ReceivingUnit  string `json:"receiving_unit,omitempty"`

	SubmittedAt   time.Time     `json:"submitted_at,omitzero"`
	ReceivedAt    time.Time     `json:"received_at,omitzero"`
	AppointmentAt time.Time     `json:"appointment_at,omitzero"`
	Appointments  []Appointment `json:"previous_appointments,omitempty"` // every earlier appointment, oldest first

	Steps       []Step       `json:"steps,omitempty"`
	Pauses      []Pause      `json:"pauses,omitempty"`
	Supplements []Supplement `json:"supplements,omitempty"`
	Contacts    []Contact    `json:"contacts,omitempty"`

	// Guidance is the single written answer to an incomplete online filing; while
	// AwaitingCompletion is set the dossier stays in Receiving until the applicant resubmits.
	Guidance           *Guidance `json:"guidance,omitempty"`
	AwaitingCompletion bool      `json:"awaiting_completion,omitempty"`
	Apology            *Apology  `json:"apology,omitempty"`
	Payment            *Payment  `json:"payment,omitempty"`
	Approval           *Approval `json:"approval,omitempty"`
	Result             *Result   `json:"result,omitempty"`
	Closure            *Closure  `json:"closure,omitempty"` // refusal, withdrawal or stop
	Rating             *Rating   `json:"rating,omitempty"`

	FinishedAt time.Time `json:"finished_at,omitzero"` // processing ended (status 3, 7, 8 or 9)
	ReturnedAt time.Time `json:"returned_at,omitzero"`

	// LastSeq and LastHash are the head of the event chain, so the next event can be
	// linked without loading the history.
	LastSeq        int       `json:"last_seq"`
	LastHash       string    `json:"last_hash,omitempty"`
	IdempotencyKey string    `json:"idempotency_key,omitempty"`
	CreatedAt      time.Time `json:"created_at"`
	UpdatedAt      time.Time `json:"updated_at"`
}

// Appointment is an appointment that was later replaced, with why.
type Appointment struct {
	At         time.Time `json:"at"`
	ReplacedAt time.Time `json:"replaced_at"`
	Cause      Action    `json:"cause"` // the action that replaced it
}

// Step is the progress of one internal step (bước xử lý).
type Step struct {
	Name         string        `json:"name"`
	Role         org.Role      `json:"role,omitempty"`
	UnitCode     string        `json:"unit_code,omitempty"`
	AssigneeID   int64         `json:"assignee_id,omitempty"`
	AssigneeName string        `json:"assignee_name,omitempty"`
	NormHours    float64       `json:"norm_hours"`
	StartedAt    time.Time     `json:"started_at"`
	DueAt        time.Time     `json:"due_at"`
	FinishedAt   time.Time     `json:"finished_at,omitzero"`
	Paused       time.Duration `json:"paused"` // working time stopped while this step was open
}

// Open reports whether the step is still being worked on.
func (s Step) Open() bool { return s.FinishedAt.IsZero() }

// Pause is a clock stop while the applicant completes the dossier.
type Pause struct {
	Start   time.Time     `json:"start"`
	End     time.Time     `json:"end,omitzero"`
	Working time.Duration `json:"working"` // working time between Start and End
}

// Supplement is one request for missing papers and its answer.
type Supplement struct {
	RequestedAt    time.Time `json:"requested_at"`
	RequestedBy    int64     `json:"requested_by"`
	Missing        []string  `json:"missing"`
	ReplyBy        time.Time `json:"reply_by,omitzero"`
	ApplicantFault bool      `json:"applicant_fault,omitempty"`
	// Timely is false when the request came after the procedure's SupplementWithin limit
	// from receipt; the law expects missing papers to be asked for early.
	Timely     bool      `json:"timely"`
	AnsweredAt time.Time `json:"answered_at,omitzero"`
}

// ContactKind is why the applicant had to come back.
type ContactKind string

const (
	ContactGuide      ContactKind = "guide"
	ContactSupplement ContactKind = "supplement"
)

// Contact is one time the applicant had to come back to complete the dossier. Contacts
// caused by the applicant's own fault (as the officer declared when asking) do not count
// against the agency in the evaluation.
type Contact struct {
	At             time.Time   `json:"at"`
	Kind           ContactKind `json:"kind"`
	ApplicantFault bool        `json:"applicant_fault,omitempty"`
}

// Guidance is the single written request to complete an online filing.
type Guidance struct {
	At      time.Time `json:"at"`
	By      int64     `json:"by"`
	Missing []string  `json:"missing"`
	// ResubmittedAt is when the applicant sent the completed dossier back.
	ResubmittedAt time.Time `json:"resubmitted_at,omitzero"`
}

// Apology is the one letter of apology with a new appointment (Form 04).
type Apology struct {
	At        time.Time     `json:"at"`
	By        int64         `json:"by"`
	Reason    string        `json:"reason"`
	Previous  time.Time     `json:"previous"`
	New       time.Time     `json:"new"`
	Extension time.Duration `json:"extension"` // working time added to the appointment
}

// Payment is the financial obligation asked for and its settlement.
type Payment struct {
	Amount      int64     `json:"amount"` // đồng, from the fee snapshot
	RequestedAt time.Time `json:"requested_at"`
	PaidAt      time.Time `json:"paid_at,omitzero"`
	Method      string    `json:"method,omitempty"`
	Reference   string    `json:"reference,omitempty"` // receipt or transaction number
	RecordedBy  int64     `json:"recorded_by,omitempty"`
}

// Approval is the leader's decision to sign the result.
type Approval struct {
	At   time.Time `json:"at"`
	By   int64     `json:"by"`
	Name string    `json:"name"`
}

// Result is the issued result document, as last corrected.
type Result struct {
	Number     string          `json:"number"`
	Date       calendar.Date   `json:"date"`
	ValidUntil *calendar.Date  `json:"valid_until,omitempty"`
	Validity   string          `json:"validity,omitempty"` // as written, e.g. "05 năm"
	IssuedAt   time.Time       `json:"issued_at"`
	Channel    catalog.Channel `json:"return_channel,omitempty"` // set when returned
	// Corrections are the earlier versions of the document, oldest first, each with why
	// and when it was replaced.
	Corrections []ResultCorrection `json:"corrections,omitempty"`
}

// ResultCorrection is a version of the result document that a correction replaced.
type ResultCorrection struct {
	Number      string         `json:"number"`
	Date        calendar.Date  `json:"date"`
	ValidUntil  *calendar.Date `json:"valid_until,omitempty"`
	Validity    string         `json:"validity,omitempty"`
	Reason      string         `json:"reason"`
	CorrectedAt time.Time      `json:"corrected_at"`
	By          int64          `json:"by"`
}

// Closure is why a dossier ended without a result.
type Closure struct {
	Action Action    `json:"action"` // refuse, withdraw or stop
	At     time.Time `json:"at"`
	By     int64     `json:"by"`
	Reason string    `json:"reason"`
	Notice string    `json:"notice,omitempty"` // number of the written notice
}

// currentStep is the open step, or nil.
func (d *Dossier) currentStep() *Step {
	if n := len(d.Steps); n > 0 && d.Steps[n-1].Open() {
		return &d.Steps[n-1]
	}
	return nil
}

// openPause is the running clock stop, or nil.
func (d *Dossier) openPause() *Pause {
	if n := len(d.Pauses); n > 0 && d.Pauses[n-1].End.IsZero() {
		return &d.Pauses[n-1]
	}
	return nil
}

// PausedWorking is the working time of all finished clock stops.
func (d *Dossier) PausedWorking() time.Duration {
	var sum time.Duration
	for _, p := range d.Pauses {
		sum += p.Working
	}
	return sum
}
