package report

import (
	"cmp"
	"slices"
	"time"

	"github.com/motcua/motcua/calendar"
	"github.com/motcua/motcua/dossier"
)

// StepLate is one finished internal step measured against its own deadline (the step's
// norm hours from its start, moved by clock stops taken while it was open).
type StepLate struct {
	Index      int           `json:"index"` // 0-based position in the dossier's steps
	Name       string        `json:"name"`
	Unit       string        `json:"unit"`
	DueAt      time.Time     `json:"due_at"`
	FinishedAt time.Time     `json:"finished_at"`
	FinishedOn calendar.Date `json:"finished_on"` // the day bucket it counts in
	Late       bool          `json:"late"`        // finished after DueAt
}

// StepLateness lists the finished steps of d. Open steps are left out: they are not late
// yet in any bucket, and the officers' queues show them already.
func StepLateness(d *dossier.Dossier) []StepLate {
	var out []StepLate
	for i, s := range d.Steps {
		if s.Open() {
			continue
		}
		out = append(out, StepLate{Index: i, Name: s.Name, Unit: s.UnitCode, DueAt: s.DueAt,
			FinishedAt: s.FinishedAt, FinishedOn: dayOf(s.FinishedAt), Late: s.FinishedAt.After(s.DueAt)})
	}
	return out
}

// StepTally counts finished and late steps of one name at one unit; the store may keep
// these per day like the other counters.
type StepTally struct {
	Name     string `json:"name"`
	Unit     string `json:"unit"`
	Finished int    `json:"finished"`
	Late     int    `json:"late"`
	LateRate Rate   `json:"late_rate"`
}

// Bottlenecks tallies steps by (name, unit), the most late first (then by late rate,
// name and unit), so the page shows where dossiers wait.
func Bottlenecks(steps []StepLate) []StepTally {
	index := map[[2]string]int{}
	var out []StepTally
	for _, s := range steps {
		k := [2]string{s.Name, s.Unit}
		i, ok := index[k]
		if !ok {
			i = len(out)
			index[k] = i
			out = append(out, StepTally{Name: s.Name, Unit: s.Unit})
		}
		out[i].Finished++
		out[i].Late += b2i(s.Late)
	}
	for i := range out {
		out[i].LateRate = RateOf(int64(out[i].Late), int64(out[i].Finished))
	}
	slices.SortFunc(out, func(a, b StepTally) int {
		return cmp.Or(cmp.Compare(b.Late, a.Late), cmp.Compare(b.LateRate.Percent, a.LateRate.Percent),
			cmp.Compare(a.Name, b.Name), cmp.Compare(a.Unit, b.Unit))
	})
	return out
}
