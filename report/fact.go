package report

import (
	"time"

	"github.com/motcua/motcua/calendar"
	"github.com/motcua/motcua/catalog"
	"github.com/motcua/motcua/dossier"
)

// Class is where a dossier stands for the figures.
type Class string

const (
	NotReceived Class = "not_received" // draft, or filed online and awaiting receipt
	Open        Class = "open"         // received, processing not finished
	Resolved    Class = "resolved"     // result issued (status 9 or 10)
	Withdrawn   Class = "withdrawn"    // withdrawn by the applicant after receipt
	Stopped     Class = "stopped"      // processing stopped with a notice (status 8)
	Refused     Class = "refused"      // refused at receipt (status 3), never received
	// WithdrawnUnreceived is an online filing withdrawn before anyone received it; it
	// never entered the dossiers to process.
	WithdrawnUnreceived Class = "withdrawn_unreceived"
)

// SatisfiedFrom is the lowest overall score (of 1–5) that counts as satisfied: 4
// ("hài lòng") and 5 ("rất hài lòng"); 3 is neutral and does not count.
const SatisfiedFrom = 4

// Fact is what one dossier contributes to the figures, derived from its state alone.
// The store keeps the fact beside the dossier and recomputes it after every event; the
// counters it feeds depend only on the dossier's state, never on the hour it is
// computed, so nothing has to be refreshed while time passes.
type Fact struct {
	DossierID     int64           `json:"dossier_id"`
	ProcedureCode string          `json:"procedure_code"`
	VersionNumber int             `json:"version_number"`
	Channel       catalog.Channel `json:"channel"`
	ReceivingUnit string          `json:"receiving_unit,omitempty"`
	// Unit is the competent unit that handles the dossier (see HandlingUnit); the
	// figures "by unit" use it.
	Unit string `json:"unit,omitempty"`

	// Filled by Describe from the pinned catalog version: the dossier does not copy them.
	Field         string `json:"field,omitempty"`          // field (lĩnh vực) code
	OfferedOnline bool   `json:"offered_online,omitempty"` // the procedure is offered online (full or partial)

	Class      Class         `json:"class"`
	ReceivedAt time.Time     `json:"received_at,omitzero"`
	ReceivedOn calendar.Date `json:"received_on,omitzero"`
	FinishedAt time.Time     `json:"finished_at,omitzero"` // result issued, or closure
	FinishedOn calendar.Date `json:"finished_on,omitzero"`

	// Timing is dossier.Outcome's class: early / on time / late for a resolved dossier
	// (an apology's new appointment counts, as the law allows it once); pending or late
	// as of now for an open one; none otherwise.
	Timing dossier.Timing `json:"timing"`
	// LateFrom is the instant after which the dossier counts as late while still open,
	// zero if it never does in its current state. For an open dossier that is not paused
	// it is the appointment in force, even when still in the future; see lateFrom.
	LateFrom time.Time `json:"late_from,omitzero"`

	// Working time of a resolved dossier (of an open one: so far, as of now).
	Used      time.Duration `json:"used"`      // receipt to result, clock stops excluded
	Paused    time.Duration `json:"paused"`    // waiting on the applicant
	Statutory time.Duration `json:"statutory"` // what the statute allows

	FeeDue           bool `json:"fee_due,omitempty"`           // the fee snapshot is above zero
	PaidOnline       bool `json:"paid_online,omitempty"`       // paid through an online method
	ElectronicResult bool `json:"electronic_result,omitempty"` // result handed back online
	// Synced is an input: the national portal sync (SPEC §6) sets it once the portal
	// accepted the dossier. FactOf leaves it false.
	Synced bool `json:"synced,omitempty"`

	Rated     bool          `json:"rated,omitempty"`
	Score     int           `json:"score,omitempty"` // 1–5
	Satisfied bool          `json:"satisfied,omitempty"`
	RatedOn   calendar.Date `json:"rated_on,omitzero"`
}

// FactOf derives the fact of d at now. Field and OfferedOnline need the catalog: call
// Describe with the pinned version. Synced is the sync's to set.
func FactOf(d *dossier.Dossier, clk dossier.Clock, now time.Time) Fact {
	f := Fact{
		DossierID: d.ID, ProcedureCode: d.ProcedureCode, VersionNumber: d.VersionNumber,
		Channel: d.Channel, ReceivingUnit: d.ReceivingUnit, Unit: HandlingUnit(d),
		Class: classOf(d), Timing: dossier.Unrated,
		// Without the catalog, the only proof of an online offer is an online filing.
		OfferedOnline: d.Channel == catalog.ChannelOnline,
		FeeDue:        d.FeeTotal() > 0,
		PaidOnline:    d.Payment != nil && !d.Payment.PaidAt.IsZero() && OnlineMethod(d.Payment.Method),
		// A result handed back through the online channel is an electronic document; the
		// domain does not yet record whether a result handed over on paper also exists
		// electronically.
		ElectronicResult: d.Result != nil && d.Result.Channel == catalog.ChannelOnline,
	}
	if !d.ReceivedAt.IsZero() {
		f.ReceivedAt, f.ReceivedOn = d.ReceivedAt, dayOf(d.ReceivedAt)
		f.LateFrom = lateFrom(d)
	}
	if !d.FinishedAt.IsZero() {
		f.FinishedAt, f.FinishedOn = d.FinishedAt, dayOf(d.FinishedAt)
	}
	if f.Class == Open || f.Class == Resolved {
		e := dossier.Outcome(d, clk, now)
		f.Timing, f.Used, f.Paused, f.Statutory = e.Timing, e.Used, e.Paused, e.Statutory
	}
	if r := d.Rating; r != nil {
		f.Rated, f.Score, f.Satisfied = true, r.Score, r.Score >= SatisfiedFrom
		f.RatedOn = dayOf(r.At)
	}
	return f
}

// Describe fills what the pinned catalog version knows about the dossier.
func (f *Fact) Describe(v *catalog.Version) {
	if v == nil {
		return
	}
	f.Field = v.Field.Code
	if f.Field == "" {
		f.Field = v.Field.Name
	}
	f.OfferedOnline = f.Channel == catalog.ChannelOnline || OffersOnline(v)
}

func classOf(d *dossier.Dossier) Class {
	if c := d.Closure; c != nil {
		switch {
		case c.Action == dossier.Refuse:
			return Refused
		case c.Action == dossier.Stop:
			return Stopped
		case d.ReceivedAt.IsZero():
			return WithdrawnUnreceived
		}
		return Withdrawn
	}
	switch {
	case d.ReceivedAt.IsZero():
		return NotReceived
	case d.FinishedAt.IsZero():
		return Open
	}
	return Resolved
}

// dayOf is the day an instant falls on in Vietnam: the day bucket it counts in.
func dayOf(t time.Time) calendar.Date { return calendar.DateOf(t.In(calendar.Vietnam)) }
