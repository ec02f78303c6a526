package dossier

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
)

// move carries one Apply call into the action's handler; handlers fill data and step
// for the event.
type move struct {
	cmd  Command
	now  time.Time
	clk  Clock
	data map[string]string
	step int // 1-based index of the step the move concerns, 0 for none
}

// Apply takes the action c at now and returns the event to append to the history. d is
// changed only when the move succeeds. Errors: *MoveError (status or state forbids it),
// motcua.Error of kind forbidden (wrong role or actor) or invalid (missing or bad field).
//
// now is cut to the whole second: the event then hashes the same after a round trip
// through any database, and working times stay whole seconds, which spans (counted to
// the second by the calendar) shift the appointment by exactly.
func (d *Dossier) Apply(c Command, now time.Time, clk Clock) (Event, error) {
	now = now.Truncate(time.Second)
	r := ruleFor(c.Action)
	if r == nil {
		return Event{}, invalid("action", fmt.Sprintf("thao tác %q không tồn tại", c.Action),
			fmt.Sprintf("unknown action %q", c.Action))
	}
	if clk == nil {
		return Event{}, errors.New("dossier: Apply needs a clock")
	}
	if now.Before(d.UpdatedAt) {
		return Event{}, invalid("at", "thời điểm thao tác trước thao tác gần nhất",
			"the action is dated before the previous one")
	}
	if err := r.permits(d, c.Actor); err != nil {
		return Event{}, d.moveError(c, err)
	}
	if err := r.ready(d); err != nil {
		return Event{}, d.moveError(c, err)
	}
	if err := checkAttachments(c.Attachments); err != nil {
		return Event{}, err
	}
	c.Note, c.Reason = strings.TrimSpace(c.Note), strings.TrimSpace(c.Reason)

	n := d.Clone()
	m := &move{cmd: c, now: now, clk: clk, data: map[string]string{}}
	if err := r.do(n, m); err != nil {
		return Event{}, d.moveError(c, err)
	}
	n.Status = r.target(d)
	n.UpdatedAt = now
	ev := Event{
		Seq: d.LastSeq + 1, At: now,
		ActorID: c.Actor.AccountID, ActorName: c.Actor.Name, Role: c.Actor.Role, UnitCode: c.Actor.UnitCode,
		Action: c.Action, From: d.Status, To: n.Status,
		Note: c.Note, Attachments: slices.Clone(c.Attachments), Step: m.step, Data: m.data,
		PrevHash: d.LastHash,
	}
	if len(ev.Data) == 0 {
		ev.Data = nil
	}
	ev.Hash = ev.ComputeHash()
	n.LastSeq, n.LastHash = ev.Seq, ev.Hash
	*d = *n
	return ev, nil
}

// moveError fills in a *MoveError raised by a check or handler with the action, the status
// and what the actor may do instead; other errors pass through.
func (d *Dossier) moveError(c Command, err error) error {
	var me *MoveError
	if !errors.As(err, &me) {
		return err
	}
	me.Action, me.From = c.Action, d.Status
	me.Allowed = slices.DeleteFunc(AllowedActions(d, c.Actor), func(a Action) bool { return a == c.Action })
	return me
}

func checkAttachments(hashes []string) error {
	for _, h := range hashes {
		if len(h) != 64 || strings.Trim(h, "0123456789abcdef") != "" {
			return invalid("attachments", fmt.Sprintf("tệp đính kèm %q không phải mã SHA-256", h),
				fmt.Sprintf("attachment %q is not a SHA-256 hex digest", h))
		}
	}
	return nil
}

// Clone copies d deeply enough that a failed handler leaves d untouched, and that holders
// of copies (a cache handing them out) never see each other's changes.
func (d *Dossier) Clone() *Dossier {
	n := *d
	n.FeeSchedule = slices.Clone(d.FeeSchedule)
	n.Fees = slices.Clone(d.Fees)
	n.Plan = slices.Clone(d.Plan)
	n.Appointments = slices.Clone(d.Appointments)
	n.Steps = slices.Clone(d.Steps)
	n.Pauses = slices.Clone(d.Pauses)
	n.Contacts = slices.Clone(d.Contacts)
	n.Supplements = make([]Supplement, len(d.Supplements))
	for i, s := range d.Supplements {
		s.Missing = slices.Clone(s.Missing)
		n.Supplements[i] = s
	}
	if d.Supplements == nil {
		n.Supplements = nil
	}
	n.Guidance = clonePtr(d.Guidance)
	if n.Guidance != nil {
		n.Guidance.Missing = slices.Clone(d.Guidance.Missing)
	}
	n.Apology = clonePtr(d.Apology)
	n.Payment = clonePtr(d.Payment)
	n.Approval = clonePtr(d.Approval)
	n.Result = clonePtr(d.Result)
	if n.Result != nil {
		n.Result.Corrections = slices.Clone(d.Result.Corrections)
	}
	n.Closure = clonePtr(d.Closure)
	n.Rating = d.Rating.clone()
	return &n
}

func clonePtr[T any](p *T) *T {
	if p == nil {
		return nil
	}
	v := *p
	return &v
}

func requireText(field, value, vi, en string) error {
	if strings.TrimSpace(value) == "" {
		return invalid(field, vi, en)
	}
	return nil
}

// cleanList trims the items and refuses an empty list or empty items: a request for
// missing papers must name each of them.
func cleanList(field string, items []string) ([]string, error) {
	out := make([]string, 0, len(items))
	for _, it := range items {
		if it = strings.TrimSpace(it); it == "" {
			return nil, invalid(field, "mục thiếu không được để trống", "a missing item cannot be blank")
		}
		out = append(out, it)
	}
	if len(out) == 0 {
		return nil, invalid(field, "cần liệt kê đầy đủ các giấy tờ còn thiếu", "list every missing item")
	}
	return out, nil
}
