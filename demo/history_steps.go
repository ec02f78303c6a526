package demo

import (
	"slices"

	"github.com/motcua/motcua/catalog"
	"github.com/motcua/motcua/dossier"
	"github.com/motcua/motcua/org"
)

// Shares of the events drawn within the appraisal step.
const (
	supplementShare = 0.10 // asked to supplement once
	withdrawShare   = 0.02 // online applicants who withdraw during appraisal
	stopShare       = 0.01 // stopped after appraisal found the conditions unmet
	lateStepShare   = 0.04 // any step overrunning its norm without the dossier being late
	correctionShare = 0.01 // returned results found wrong and corrected
)

// planned is a task at an offset from the start of the step, in working hours.
type planned struct {
	at     float64
	action dossier.Action
}

// stepTasks draws what happens in the step just opened: its moves, at offsets from its
// start that are fractions of its norm hours, the last one closing it.
func (s *sim) stepTasks(c *simCase) []task {
	r, d := c.rng, c.d
	st := d.Steps[len(d.Steps)-1]
	norm := st.NormHours
	if norm <= 0 {
		norm = 4
	}
	length := norm * uniform(r, 0.25, 0.95)
	if chance(r, lateStepShare) {
		length = norm * uniform(r, 1.05, 2)
	}
	last := len(d.Plan) > 0 && len(d.Steps) >= len(d.Plan)
	var ps []planned
	switch {
	case st.Role == org.RoleSpecialist:
		switch {
		case c.slow:
			length = norm * uniform(r, 1.3, 2)
		case c.stuck:
			length = norm * uniform(r, 3, 10)
		}
		ps = s.appraisal(c, length)
	case st.Role == org.RoleLeader:
		ps = []planned{{length * uniform(r, 0.3, 0.9), dossier.Approve}, {length, dossier.Forward}}
	case st.Role == org.RoleClerk || last:
		ps = []planned{{length, dossier.IssueResult}}
	default:
		ps = []planned{{length, dossier.Forward}}
	}
	slices.SortStableFunc(ps, func(a, b planned) int {
		switch {
		case a.at < b.at:
			return -1
		case a.at > b.at:
			return 1
		}
		return 0
	})
	out, prev := make([]task, 0, len(ps)), 0.0
	for _, p := range ps {
		out = append(out, task{after: p.at - prev, action: p.action})
		prev = p.at
		if p.action == dossier.Withdraw || p.action == dossier.Stop {
			break // the dossier ends there
		}
	}
	return out
}

// appraisal is the specialist's step: apology, supplement request, payment request, an
// early end, and the hand-over to the head of division.
func (s *sim) appraisal(c *simCase, length float64) []planned {
	r, d := c.rng, c.d
	ps := []planned{{length, dossier.Forward}}
	if c.apologise {
		ps = append(ps, planned{length * uniform(r, 0.1, 0.3), dossier.Apologize})
	}
	if len(d.Supplements) == 0 && chance(r, supplementShare) {
		ps = append(ps, planned{length * uniform(r, 0.05, 0.5), dossier.RequestSupplement})
	}
	if d.FeeTotal() > 0 && d.Payment == nil {
		ps = append(ps, planned{length * uniform(r, 0.2, 0.9), dossier.RequestPayment})
	}
	switch x := r.Float64(); {
	case c.owner != nil && c.channel == catalog.ChannelOnline && x < withdrawShare:
		ps = append(ps, planned{length * uniform(r, 0.1, 0.95), dossier.Withdraw})
	case x >= withdrawShare && x < withdrawShare+stopShare:
		ps = append(ps, planned{length * uniform(r, 0.5, 0.98), dossier.Stop})
	}
	return ps
}
