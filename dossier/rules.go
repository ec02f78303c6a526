package dossier

import (
	"slices"

	"github.com/motcua/motcua/org"
)

// rule is one row of the action table.
type rule struct {
	action Action
	from   []Status
	roles  []org.Role
	to     Status
	// who checks the actor beyond the role (owner of the dossier, holder of the step) and
	// returns a forbidden error; when checks the dossier's state beyond its status and
	// returns a *MoveError with a reason. Either may be nil.
	who  func(d *Dossier, a Actor) error
	when func(d *Dossier) error
	do   func(d *Dossier, m *move) error
}

var (
	applicants = []org.Role{org.RoleCitizen, org.RoleBusiness}
	onBehalf   = []org.Role{org.RoleCitizen, org.RoleBusiness, org.RoleOfficer}
	staff      = []org.Role{org.RoleOfficer, org.RoleSpecialist, org.RoleHead, org.RoleLeader, org.RoleClerk}
)

// sameStatus, as a rule's target, leaves the status the move was taken in.
const sameStatus Status = -1

// rules is the state machine. Order is the order AllowedActions lists moves in.
var rules = []rule{
	{Submit, []Status{Draft, Receiving}, applicants, Receiving, isOwner, canSubmit, doSubmit},
	{Receive, []Status{Draft, Receiving}, []org.Role{org.RoleOfficer}, New, nil, notAwaiting, doReceive},
	{Guide, []Status{Receiving}, []org.Role{org.RoleOfficer}, Receiving, nil, canGuide, doGuide},
	{Refuse, []Status{Receiving}, []org.Role{org.RoleOfficer}, Denied, nil, nil, doRefuse},
	{Forward, []Status{New, Processing}, staff, Processing, holdsStep, canForward, doForward},
	{RequestSupplement, []Status{Processing}, []org.Role{org.RoleSpecialist, org.RoleHead}, Waiting, holdsStep, nil, doRequestSupplement},
	{SupplementAction, []Status{Waiting}, onBehalf, Processing, ownerOrStaff, nil, doSupplement},
	{RequestPayment, []Status{Processing}, []org.Role{org.RoleOfficer, org.RoleSpecialist}, Paying, nil, canRequestPayment, doRequestPayment},
	{Pay, []Status{Paying}, onBehalf, Processing, ownerOrStaff, nil, doPay},
	{Approve, []Status{Processing}, []org.Role{org.RoleLeader}, Processing, holdsStep, canApprove, doApprove},
	{IssueResult, []Status{Processing}, []org.Role{org.RoleClerk}, Releasing, nil, isApproved, doIssue},
	{ReturnResult, []Status{Releasing}, []org.Role{org.RoleOfficer}, Done, nil, nil, doReturn},
	{CorrectResult, []Status{Releasing, Done}, []org.Role{org.RoleClerk, org.RoleLeader}, sameStatus, nil, nil, doCorrectResult},
	{Withdraw, []Status{Receiving, New, Processing, Waiting, Paying}, applicants, Cancelled, isOwner, nil, doWithdraw},
	{Stop, []Status{Processing, Waiting, Paying}, []org.Role{org.RoleHead, org.RoleLeader}, Unresolved, nil, nil, doStop},
	{Apologize, []Status{New, Processing, Waiting, Paying}, staff, sameStatus, nil, canApologize, doApologize},
	{Rate, []Status{Done}, applicants, Done, isOwner, notRated, doRate},
}

// Rule is a row of the action table as documentation and API clients see it.
type Rule struct {
	Action Action     `json:"action"`
	From   []Status   `json:"from"`
	Roles  []org.Role `json:"roles"`
	// To is the status after the move. Apologize and correct-result keep the status they
	// were taken in (KeepsStatus, To left zero): one changes only the appointment, the
	// other the result.
	To          Status `json:"to"`
	KeepsStatus bool   `json:"keeps_status,omitempty"`
}

// Rules returns the action table.
func Rules() []Rule {
	out := make([]Rule, len(rules))
	for i, r := range rules {
		out[i] = Rule{Action: r.action, From: slices.Clone(r.from), Roles: slices.Clone(r.roles),
			KeepsStatus: r.to == sameStatus}
		if !out[i].KeepsStatus {
			out[i].To = r.to
		}
	}
	return out
}

func ruleFor(a Action) *rule {
	for i := range rules {
		if rules[i].action == a {
			return &rules[i]
		}
	}
	return nil
}

// AllowedActions lists what actor may do to d now. Checks that need the command's data or
// the clock (an apology needs a working day left) happen only in Apply.
func AllowedActions(d *Dossier, a Actor) []Action {
	var out []Action
	for i := range rules {
		if rules[i].permits(d, a) == nil && rules[i].ready(d) == nil {
			out = append(out, rules[i].action)
		}
	}
	return out
}

// permits checks the status, the role and the actor.
func (r *rule) permits(d *Dossier, a Actor) error {
	if !slices.Contains(r.from, d.Status) {
		return &MoveError{}
	}
	if !slices.Contains(r.roles, a.Role) {
		return forbidden("vai trò \""+a.Role.Label()+"\" không được "+r.action.Label(),
			"role "+string(a.Role)+" may not "+string(r.action))
	}
	if r.who != nil {
		return r.who(d, a)
	}
	return nil
}

func (r *rule) ready(d *Dossier) error {
	if r.when != nil {
		return r.when(d)
	}
	return nil
}

// target is the status after the move.
func (r *rule) target(d *Dossier) Status {
	if r.to == sameStatus {
		return d.Status
	}
	return r.to
}
