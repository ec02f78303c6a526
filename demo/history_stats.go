package demo

import (
	"time"

	"github.com/motcua/motcua/dossier"
)

// HistoryStats summarises what History left in the database.
type HistoryStats struct {
	Dossiers int `json:"dossiers"`
	Moves    int `json:"moves"`
	// Skipped is the moves the simulation meant but the rules no longer allowed (an
	// apology too close to the appointment); Refused those the store turned down.
	Skipped  int                    `json:"skipped"`
	Refused  int                    `json:"refused"`
	ByStatus map[dossier.Status]int `json:"by_status"`
	// Late is the dossiers finished after their appointment or open past it at To.
	Late        int           `json:"late"`
	Apologies   int           `json:"apologies"`
	Supplements int           `json:"supplements"` // dossiers asked to supplement
	Paid        int           `json:"paid"`
	Documents   int           `json:"documents"` // sample scans uploaded
	Corrected   int           `json:"corrected"` // results corrected after issue
	Rated       int           `json:"rated"`
	ScoreSum    int           `json:"score_sum"`
	Elapsed     time.Duration `json:"elapsed"`
}

// tally counts what the history left at to.
func (s *sim) tally(to time.Time) {
	st := &s.stats
	st.ByStatus = map[dossier.Status]int{}
	for _, c := range s.cases {
		d := c.d
		if d == nil {
			continue
		}
		st.Dossiers++
		st.ByStatus[d.Status]++
		if !d.ReceivedAt.IsZero() && dossier.Outcome(d, s.clk, to).Timing == dossier.Late {
			st.Late++
		}
		if d.Apology != nil {
			st.Apologies++
		}
		if len(d.Supplements) > 0 {
			st.Supplements++
		}
		if d.Payment != nil && !d.Payment.PaidAt.IsZero() {
			st.Paid++
		}
		if d.Result != nil && len(d.Result.Corrections) > 0 {
			st.Corrected++
		}
		if d.Rating != nil {
			st.Rated++
			st.ScoreSum += d.Rating.Score
		}
	}
}
