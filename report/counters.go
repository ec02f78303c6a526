package report

import "time"

// Counters are additive: the figures of a period are the sum of its days' counters, and
// those of a unit, field or procedure the sum of its keys'. Each counter counts on one
// event day (see the package documentation). Durations are whole seconds in int64: a year
// of a million dossiers at 80 working hours each is 2.9e11 s, while the same sum in
// nanoseconds would overflow int64.
type Counters struct {
	// On the receipt day.
	Received       int `json:"received"`        // received (tiếp nhận), any channel
	ReceivedOnline int `json:"received_online"` // of which filed online (channel 2)
	ReceivedPostal int `json:"received_postal"` // of which by post (channel 3)
	OfferedOnline  int `json:"offered_online"`  // received for procedures offered online
	FiledOnline    int `json:"filed_online"`    // of those, filed online
	WithFee        int `json:"with_fee"`        // received with a fee to pay
	PaidOnline     int `json:"paid_online"`     // of those, paid online
	Synced         int `json:"synced"`          // received and accepted by the national portal

	// On the finishing day.
	ResolvedEarly       int   `json:"resolved_early"`
	ResolvedOnTime      int   `json:"resolved_on_time"`
	ResolvedLate        int   `json:"resolved_late"`
	ElectronicResult    int   `json:"electronic_result"` // resolved, result handed back online
	UsedSeconds         int64 `json:"used_seconds"`      // of resolved dossiers, clock stops excluded
	PausedSeconds       int64 `json:"paused_seconds"`    // of resolved dossiers, waiting on the applicant
	StatutorySeconds    int64 `json:"statutory_seconds"` // of resolved dossiers
	Withdrawn           int   `json:"withdrawn"`         // after receipt
	Stopped             int   `json:"stopped"`
	Refused             int   `json:"refused"`              // at receipt; never received
	WithdrawnUnreceived int   `json:"withdrawn_unreceived"` // before receipt; never received

	// On the rating day.
	Rated     int `json:"rated"`
	Satisfied int `json:"satisfied"` // score ≥ SatisfiedFrom
	ScoreSum  int `json:"score_sum"`
}

// Add adds o to c.
func (c *Counters) Add(o Counters) { c.combine(o, 1) }

// Sub subtracts o from c; the store uses it to take an old fact's contribution out.
func (c *Counters) Sub(o Counters) { c.combine(o, -1) }

func (c *Counters) combine(o Counters, k int) {
	c.Received += k * o.Received
	c.ReceivedOnline += k * o.ReceivedOnline
	c.ReceivedPostal += k * o.ReceivedPostal
	c.OfferedOnline += k * o.OfferedOnline
	c.FiledOnline += k * o.FiledOnline
	c.WithFee += k * o.WithFee
	c.PaidOnline += k * o.PaidOnline
	c.Synced += k * o.Synced
	c.ResolvedEarly += k * o.ResolvedEarly
	c.ResolvedOnTime += k * o.ResolvedOnTime
	c.ResolvedLate += k * o.ResolvedLate
	c.ElectronicResult += k * o.ElectronicResult
	c.UsedSeconds += int64(k) * o.UsedSeconds
	c.PausedSeconds += int64(k) * o.PausedSeconds
	c.StatutorySeconds += int64(k) * o.StatutorySeconds
	c.Withdrawn += k * o.Withdrawn
	c.Stopped += k * o.Stopped
	c.Refused += k * o.Refused
	c.WithdrawnUnreceived += k * o.WithdrawnUnreceived
	c.Rated += k * o.Rated
	c.Satisfied += k * o.Satisfied
	c.ScoreSum += k * o.ScoreSum
}

// Resolved counts dossiers whose result was issued.
func (c Counters) Resolved() int { return c.ResolvedEarly + c.ResolvedOnTime + c.ResolvedLate }

// Closed counts received dossiers whose processing ended: resolved, withdrawn or stopped.
// Received − Closed summed over all days before a period is its carried-over backlog.
func (c Counters) Closed() int { return c.Resolved() + c.Withdrawn + c.Stopped }

// IsZero reports whether c counts nothing; the store drops such rows.
func (c Counters) IsZero() bool { return c == Counters{} }

func seconds(d time.Duration) int64 { return int64(d / time.Second) }
