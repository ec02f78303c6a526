package demo

import (
	"math/rand/v2"
	"time"

	"github.com/motcua/motcua/calendar"
	"github.com/motcua/motcua/catalog"
	"github.com/motcua/motcua/dossier"
	"github.com/motcua/motcua/org"
)

// simCase is one dossier of the history: who files it, what will happen to it, and the
// dossier as the last move left it.
type simCase struct {
	n         int
	rng       *rand.Rand
	arrival   time.Time
	proc      *catalog.Procedure
	channel   catalog.Channel
	owner     *org.Account // the applicant's account for online filings; nil for walk-ins
	appType   catalog.ApplicantType
	applicant dossier.Applicant

	// What happens at the desk, drawn at filing.
	atDesk deskFate
	// slow dossiers overrun their appointment in appraisal, stuck ones by far (an
	// inspection that keeps slipping); some of them get an apology.
	slow, stuck, apologise bool
	// silent applicants never answer a supplement request.
	silent bool
	rate   bool
	// correctionDrawn: whether the returned result needs a correction has been drawn.
	correctionDrawn bool
	// withDocuments cases get a sample scan of each required paper at filing.
	withDocuments bool

	d      *dossier.Dossier // as after the last move; nil before filing
	steps  int              // steps whose tasks were drawn
	tasks  []task           // what is left to do in the open step
	next   dossier.Action   // the move the queued event stands for
	failed int              // moves in a row that could not be taken
}

type deskFate int

const (
	deskReceive deskFate = iota
	deskGuide
	deskRefuse
	deskWithdraw
)

// task is a move within an internal step, after some working hours.
type task struct {
	after  float64
	action dossier.Action
}

// uniform draws from [lo, hi).
func uniform(r *rand.Rand, lo, hi float64) float64 { return lo + r.Float64()*(hi-lo) }

// chance is true with probability p.
func chance(r *rand.Rand, p float64) bool { return r.Float64() < p }

// drawFates decides, at filing, what will happen to the case.
func (c *simCase) drawFates() {
	r := c.rng
	if c.owner != nil {
		switch x := r.Float64(); {
		case x < 0.025:
			c.atDesk = deskRefuse
		case x < 0.035:
			c.atDesk = deskWithdraw
		case x < 0.09:
			c.atDesk = deskGuide
		}
		c.rate = chance(r, 0.7)
	}
	switch x := r.Float64(); {
	case x < 0.02:
		c.stuck, c.apologise = true, chance(r, 0.3)
	case x < 0.07:
		c.slow, c.apologise = true, chance(r, 0.5)
	}
	c.silent = chance(r, 0.08)
	c.withDocuments = chance(r, documentShare)
}

// plan picks the case's next move after the one taken at now, and when; ok is false
// when the case has nothing more to do.
func (s *sim) plan(c *simCase, now time.Time) (at time.Time, a dossier.Action, ok bool) {
	r, d := c.rng, c.d
	hours := func(lo, hi float64) time.Time { return s.clk.Due(now, calendar.Hours(uniform(r, lo, hi))) }
	switch d.Status {
	case dossier.Draft:
		if c.owner != nil {
			return now.Add(time.Duration(uniform(r, 2, 30) * float64(time.Minute))), dossier.Submit, true
		}
		return hours(0.03, 0.3), dossier.Receive, true
	case dossier.Receiving:
		switch {
		case d.AwaitingCompletion:
			return hours(6, 40), dossier.Submit, true
		case c.atDesk == deskWithdraw:
			return hours(0.05, 2), dossier.Withdraw, true
		case c.atDesk == deskRefuse:
			return hours(0.2, 6), dossier.Refuse, true
		case c.atDesk == deskGuide && d.Guidance == nil:
			return hours(0.2, 6), dossier.Guide, true
		}
		return hours(0.1, 4), dossier.Receive, true
	case dossier.New, dossier.Processing:
		if len(d.Steps) != c.steps {
			c.steps, c.tasks = len(d.Steps), s.stepTasks(c)
		}
		if len(c.tasks) == 0 {
			return now, "", false
		}
		t := c.tasks[0]
		c.tasks = c.tasks[1:]
		return s.clk.Due(now, calendar.Hours(t.after)), t.action, true
	case dossier.Waiting:
		if c.silent {
			by := d.Supplements[len(d.Supplements)-1].ReplyBy
			if by.IsZero() {
				by = s.clk.Due(now, calendar.Days(15))
			}
			return s.clk.Due(by, calendar.Hours(uniform(r, 4, 24))), dossier.Stop, true
		}
		return hours(4, 80), dossier.SupplementAction, true
	case dossier.Paying:
		if c.owner != nil {
			return hours(0.1, 8), dossier.Pay, true
		}
		return hours(2, 24), dossier.Pay, true
	case dossier.Releasing:
		if c.channel == catalog.ChannelOnline {
			return hours(0.1, 2), dossier.ReturnResult, true
		}
		return hours(1, 24), dossier.ReturnResult, true
	case dossier.Done:
		if c.rate && d.Rating == nil {
			return hours(0.5, 40), dossier.Rate, true
		}
		if !c.correctionDrawn {
			c.correctionDrawn = true
			if chance(r, correctionShare) {
				return hours(8, 120), dossier.CorrectResult, true
			}
		}
	}
	return now, "", false
}
