package report

import "time"

// Summary is the leaders' figures for one period and one scope (the whole department, a
// unit, a field or a procedure). Counts are dossiers; rates say how they were computed.
type Summary struct {
	Received        int `json:"received"` // in the period
	ReceivedOnline  int `json:"received_online"`
	ReceivedCounter int `json:"received_counter"`
	ReceivedPostal  int `json:"received_postal"`
	CarriedOver     int `json:"carried_over"` // from before the period
	ToProcess       int `json:"to_process"`   // Received + CarriedOver

	Resolved       int `json:"resolved"`
	ResolvedEarly  int `json:"resolved_early"`
	ResolvedOnTime int `json:"resolved_on_time"`
	ResolvedLate   int `json:"resolved_late"`

	InProgress       int `json:"in_progress"` // at the period's end
	InProgressOnTime int `json:"in_progress_on_time"`
	InProgressLate   int `json:"in_progress_late"`

	Withdrawn           int `json:"withdrawn"` // after receipt
	Stopped             int `json:"stopped"`
	Refused             int `json:"refused"`              // at receipt
	WithdrawnUnreceived int `json:"withdrawn_unreceived"` // online filings withdrawn before receipt

	// OnTimeRate is the rate the province publishes: 100 % − LateRate.
	OnTimeRate Rate `json:"on_time_rate"`
	// LateRate is (late resolved + late in progress) / dossiers to process.
	LateRate Rate `json:"late_rate"`
	// ResolvedOnTimeRate is (early + on time) / resolved, as Decision 766 measures.
	ResolvedOnTimeRate Rate `json:"resolved_on_time_rate"`
	EarlyRate          Rate `json:"early_rate"` // early / resolved

	// Averages over the dossiers resolved in the period, in working time.
	AvgUsed      time.Duration `json:"avg_used"` // clock stops excluded
	AvgPaused    time.Duration `json:"avg_paused"`
	AvgStatutory time.Duration `json:"avg_statutory"`
	// TimeSaved is 1 − avg used / avg statutory: how much faster than the law allows
	// ("20–30 % faster"), measured; negative when slower.
	TimeSaved Rate `json:"time_saved"`

	OnlineShare     Rate `json:"online_share"`      // filed online / received
	PaidOnlineShare Rate `json:"paid_online_share"` // paid online / received with a fee

	Rated        int     `json:"rated"` // ratings given in the period
	Satisfaction Rate    `json:"satisfaction"`
	AvgScore     float64 `json:"avg_score"` // 1–5, 2 decimals; 0 with no rating

	Catalog CatalogStats `json:"catalog"`
}

// Summarize turns a period's summed counters and its backlog into the figures.
//
// Invariants: ToProcess = Resolved + Withdrawn + Stopped + InProgress, and
// InProgress = InProgressOnTime + InProgressLate. The in-progress count comes from the
// counters (open at the end = carried over + received − closed); the late share of it from
// b.LateAtEnd.
func Summarize(c Counters, b Backlog, cat CatalogStats) Summary {
	s := Summary{
		Received: c.Received, ReceivedOnline: c.ReceivedOnline, ReceivedPostal: c.ReceivedPostal,
		ReceivedCounter: c.Received - c.ReceivedOnline - c.ReceivedPostal,
		CarriedOver:     b.CarriedOver, ToProcess: c.Received + b.CarriedOver,
		Resolved: c.Resolved(), ResolvedEarly: c.ResolvedEarly, ResolvedOnTime: c.ResolvedOnTime,
		ResolvedLate: c.ResolvedLate,
		Withdrawn:    c.Withdrawn, Stopped: c.Stopped, Refused: c.Refused, WithdrawnUnreceived: c.WithdrawnUnreceived,
		Rated:   c.Rated,
		Catalog: cat,
	}
	s.InProgress = s.ToProcess - c.Closed()
	s.InProgressLate = b.LateAtEnd
	s.InProgressOnTime = s.InProgress - b.LateAtEnd

	late := int64(s.ResolvedLate + s.InProgressLate)
	s.LateRate = RateOf(late, int64(s.ToProcess))
	s.OnTimeRate = RateOf(int64(s.ToProcess)-late, int64(s.ToProcess))
	s.ResolvedOnTimeRate = RateOf(int64(s.ResolvedEarly+s.ResolvedOnTime), int64(s.Resolved))
	s.EarlyRate = RateOf(int64(s.ResolvedEarly), int64(s.Resolved))

	if n := int64(s.Resolved); n > 0 {
		s.AvgUsed = average(c.UsedSeconds, n)
		s.AvgPaused = average(c.PausedSeconds, n)
		s.AvgStatutory = average(c.StatutorySeconds, n)
	}
	s.TimeSaved = RateOf(c.StatutorySeconds-c.UsedSeconds, c.StatutorySeconds)

	s.OnlineShare = RateOf(int64(c.ReceivedOnline), int64(c.Received))
	s.PaidOnlineShare = RateOf(int64(c.PaidOnline), int64(c.WithFee))
	s.Satisfaction = RateOf(int64(c.Satisfied), int64(c.Rated))
	if c.Rated > 0 {
		s.AvgScore = scaledRound(int64(c.ScoreSum), 1, int64(c.Rated))
	}
	return s
}

// average is sum seconds / n, to the second.
func average(sum, n int64) time.Duration {
	return time.Duration(roundDiv(sum, n)) * time.Second
}
