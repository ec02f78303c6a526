package dossier

import (
	"errors"
	"fmt"
	"math/rand"
	"slices"
	"testing"
	"time"

	"github.com/motcua/motcua/calendar"
	"github.com/motcua/motcua/catalog"
)

// TestRandomLegalSequences walks 2,000 random paths through the state machine, always
// choosing among the moves AllowedActions offers, and checks the invariants after every
// move.
func TestRandomLegalSequences(t *testing.T) {
	runs := 2000
	if testing.Short() {
		runs = 200
	}
	clk := testClock{}
	pool := []Actor{owner, officer, specialist, head, leader, clerk}
	for seed := int64(1); seed <= int64(runs); seed++ {
		rng := rand.New(rand.NewSource(seed))
		start := at(2026, 11, 2, 0, 0).Add(time.Duration(rng.Intn(60*24*60)) * time.Minute)
		ch, ownerID := catalog.ChannelOnline, owner.AccountID
		if rng.Intn(3) == 0 {
			ch, ownerID = catalog.ChannelCounter, 0
		}
		d := newDraft(t, ch, ownerID, start)
		w := walker{t: t, seed: seed, rng: rng, clk: clk, d: d, now: start}
		for i := 0; i < 80; i++ {
			var choices []choice
			for _, a := range pool {
				for _, act := range AllowedActions(d, a) {
					choices = append(choices, choice{a, act})
				}
			}
			if len(choices) == 0 {
				break
			}
			w.step(pick(rng, choices))
		}
		w.finalChecks()
	}
}

// pick prefers moves that keep the dossier going, so that most walks reach the result
// instead of ending at the first refuse, withdraw or stop on offer.
func pick(rng *rand.Rand, choices []choice) choice {
	var going []choice
	for _, c := range choices {
		if !ruleFor(c.action).to.Terminal() || c.action == ReturnResult || c.action == Rate {
			going = append(going, c)
		}
	}
	if len(going) > 0 && rng.Intn(12) != 0 {
		return going[rng.Intn(len(going))]
	}
	return choices[rng.Intn(len(choices))]
}

type choice struct {
	actor  Actor
	action Action
}

type walker struct {
	t      *testing.T
	seed   int64
	rng    *rand.Rand
	clk    Clock
	d      *Dossier
	now    time.Time
	events []Event
	seq    int
}

func (w *walker) fail(format string, args ...any) {
	w.t.Helper()
	w.t.Fatalf("seed %d, event %d: %s", w.seed, len(w.events)+1, fmt.Sprintf(format, args...))
}

func (w *walker) step(c choice) {
	w.t.Helper()
	switch w.rng.Intn(4) {
	case 0:
		w.now = w.now.Add(time.Duration(w.rng.Intn(90)) * time.Second)
	case 1:
		w.now = w.now.Add(time.Duration(w.rng.Intn(8*60)) * time.Minute)
	default:
		w.now = w.now.Add(time.Duration(w.rng.Intn(3*24*60)) * time.Minute)
	}
	cm := w.command(c)
	ev, err := w.d.Apply(cm, w.now, w.clk)
	if err != nil {
		var me *MoveError
		if c.action == Apologize && errors.As(err, &me) {
			return // too close to the appointment: the one check AllowedActions cannot make
		}
		w.fail("%s offered to %s but refused: %v", c.action, c.actor.Role, err)
	}
	if ev.Seq != len(w.events)+1 || ev.To != w.d.Status || !w.d.Status.Valid() || w.d.LastHash != ev.Hash {
		w.fail("event %+v, dossier status %v", ev, w.d.Status)
	}
	if n := len(w.events); n > 0 && ev.PrevHash != w.events[n-1].Hash {
		w.fail("event not linked")
	}
	w.events = append(w.events, ev)
	if err := w.d.CheckAppointment(w.clk); err != nil {
		w.fail("after %s: %v", c.action, err)
	}
	if !w.d.ReceivedAt.IsZero() && w.d.AppointmentAt.Before(w.d.BaseAppointment(w.clk)) {
		w.fail("appointment before receipt + statutory time")
	}
	if got, want := w.d.PausedWorking(), w.pausedFromEvents(); got != want {
		w.fail("paused %v, events say %v", got, want)
	}
}

func (w *walker) command(c choice) Command {
	cm := Command{Action: c.action, Actor: c.actor, Note: fmt.Sprintf("bước %d", len(w.events)+1)}
	if w.rng.Intn(4) == 0 {
		cm.Attachments = []string{sha}
	}
	switch c.action {
	case Submit, Receive:
		if w.d.Code == "" { // the store issues a code once
			w.seq++
			cm.Code = FormatCode(deskID, calendar.DateOf(w.now.In(calendar.Vietnam)), w.seq)
		}
	case Guide, RequestSupplement:
		cm.Missing = []string{"Giấy tờ còn thiếu"}
		cm.ApplicantFault = w.rng.Intn(2) == 0
	case Refuse, Stop, Withdraw:
		cm.Reason = "Lý do kiểm thử"
	case Forward:
		if w.rng.Intn(2) == 0 {
			cm.AssigneeID, cm.AssigneeName = specialist.AccountID, specialist.Name
		}
	case Apologize:
		cm.Reason = "Cần thêm thời gian thẩm định"
		cm.NewAppointment = w.clk.Due(w.d.AppointmentAt, calendar.Hours(float64(1+w.rng.Intn(40))))
	case IssueResult:
		cm.ResultNumber = fmt.Sprintf("%d/GP-SCT", w.seed)
	case CorrectResult:
		cm.Reason = "Sai chính tả tên doanh nghiệp"
		cm.ResultNumber = fmt.Sprintf("%d/GP-SCT-ĐC", w.seed)
	case Rate:
		cm.Rating = &Rating{Score: 1 + w.rng.Intn(5)}
	}
	return cm
}

// pausedFromEvents measures, from the history alone, the working time the dossier spent
// in status Waiting.
func (w *walker) pausedFromEvents() time.Duration {
	var sum time.Duration
	var since time.Time
	for _, e := range w.events {
		switch {
		case e.To == Waiting && e.From != Waiting:
			since = e.At
		case e.From == Waiting && e.To != Waiting:
			sum += w.clk.WorkingBetween(since, e.At)
		}
	}
	return sum
}

func (w *walker) finalChecks() {
	w.t.Helper()
	if bad, err := VerifyHead(w.d, w.events); err != nil {
		w.fail("chain broken at %d: %v", bad, err)
	}
	if len(w.events) == 0 {
		return
	}
	i := w.rng.Intn(len(w.events))
	tampered := slices.Clone(w.events)
	tampered[i].Note += " (sửa)"
	if bad, err := Verify(tampered); bad != i+1 || err == nil {
		w.fail("tampering with event %d reported at %d", i+1, bad)
	}
	e := Outcome(w.d, w.clk, w.now)
	if !w.d.ReceivedAt.IsZero() && w.d.Closure == nil {
		if e.Used+e.Paused != w.clk.WorkingBetween(w.d.ReceivedAt, e.End) {
			w.fail("used %v + paused %v is not the working time since receipt", e.Used, e.Paused)
		}
		if (w.d.Status == Releasing || w.d.Status == Done) != (e.TimeScore >= 0) {
			w.fail("time score %d for status %v", e.TimeScore, w.d.Status)
		}
	}
}
