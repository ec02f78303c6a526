package demo

import (
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"github.com/motcua/motcua/calendar"
	"github.com/motcua/motcua/catalog"
	"github.com/motcua/motcua/dossier"
	"github.com/motcua/motcua/org"
	"github.com/motcua/motcua/report"
)

// procedureMix is the catalog with how often each procedure is filed: a few procedures
// make most of a department's dossiers, and the busy licences (petrol, alcohol, tobacco)
// are the ones offered online, so those weigh more.
type procedureMix struct {
	procs      []*catalog.Procedure
	cumulative []float64
}

func newProcedureMix(r *rand.Rand, ps []catalog.Procedure) procedureMix {
	var m procedureMix
	for i := range ps {
		if v := ps[i].Latest(); v != nil && len(v.InternalSteps) > 0 {
			m.procs = append(m.procs, &ps[i])
		}
	}
	slices.SortFunc(m.procs, func(a, b *catalog.Procedure) int { return strings.Compare(a.Code, b.Code) })
	rank := r.Perm(len(m.procs))
	sum := 0.0
	for i := range m.procs {
		w := 1 / math.Pow(float64(rank[i]+1), 0.9)
		if report.OffersOnline(m.procs[i].Latest()) {
			w *= 3
		}
		sum += w
		m.cumulative = append(m.cumulative, sum)
	}
	return m
}

func (m procedureMix) draw(r *rand.Rand) *catalog.Procedure {
	x := r.Float64() * m.cumulative[len(m.cumulative)-1]
	i, _ := slices.BinarySearch(m.cumulative, x)
	return m.procs[min(i, len(m.procs)-1)]
}

// poisson draws a count with mean lambda (Knuth; lambda stays small here).
func poisson(r *rand.Rand, lambda float64) int {
	limit, k, p := math.Exp(-lambda), 0, 1.0
	for {
		p *= r.Float64()
		if p <= limit {
			return k
		}
		k++
	}
}

// arrivals queues the filings of every working day in [from, to): how many on the day
// (more on Mondays), which procedure, by which channel, by whom and at what time.
func (s *sim) arrivals(seed int64, from, to time.Time, perDay float64) {
	days := rand.New(rand.NewPCG(uint64(seed), 0x0da75))
	s.mix = newProcedureMix(days, s.procs)
	if len(s.mix.procs) == 0 {
		return
	}
	n := 0
	for day := calendar.DateOf(from.In(calendar.Vietnam)); day.In(calendar.Vietnam).Before(to); day = day.AddDays(1) {
		if !s.clk.IsWorkingDay(day) {
			continue
		}
		lambda := perDay
		if day.Weekday() == time.Monday {
			lambda *= 1.2
		}
		for range poisson(days, lambda) {
			n++
			c := &simCase{n: n, rng: rand.New(rand.NewPCG(uint64(seed), uint64(n)))}
			s.file(c, day)
			if !c.arrival.Before(from) && c.arrival.Before(to) {
				s.cases = append(s.cases, c)
				s.agenda.schedule(c, c.arrival)
			}
		}
	}
}

// file draws who files c on day, how and when.
func (s *sim) file(c *simCase, day calendar.Date) {
	r := c.rng
	c.proc = s.mix.draw(r)
	v := c.proc.Latest()
	online := report.OffersOnline(v)
	switch x := r.Float64(); {
	case online && x < 0.72:
		c.channel = catalog.ChannelOnline
	case x > 0.93:
		c.channel = catalog.ChannelPostal
	default:
		c.channel = catalog.ChannelCounter
	}
	c.appType = catalog.Business
	if chance(r, 0.3) {
		c.appType = catalog.Citizen
	}
	if len(v.ApplicantTypes) > 0 && !slices.Contains(v.ApplicantTypes, c.appType) {
		c.appType = v.ApplicantTypes[0]
	}
	if c.channel == catalog.ChannelOnline {
		c.owner, c.applicant = s.onlineApplicant(c.appType)
	} else {
		c.applicant = walkIn(r, c.appType)
	}
	// Office hours for the counter and the post; online filings also in the evening.
	start, length := 8.0, 9.0
	if c.channel == catalog.ChannelOnline {
		start, length = 7.0, 15.0
	}
	at := day.In(calendar.Vietnam).Add(time.Duration((start + r.Float64()*length) * float64(time.Hour)))
	if c.channel != catalog.ChannelOnline {
		at = s.clk.NextOpening(at)
	}
	c.arrival = at.Truncate(time.Second)
	c.drawFates()
}

// onlineApplicant is the demo applicant account of type t and what it writes on its
// filings (no e-mail: see walkIn).
func (s *sim) onlineApplicant(t catalog.ApplicantType) (*org.Account, dossier.Applicant) {
	if t == catalog.Citizen {
		a := s.citizen
		return &a, dossier.Applicant{Name: a.DisplayName, IDNumber: a.IDNumber, Phone: a.Phone,
			Address: "12 Hàng Bạc, Hoàn Kiếm, Hà Nội"}
	}
	a := s.business
	return &a, dossier.Applicant{Name: "Trần Quang Huy", Phone: a.Phone, Organisation: a.DisplayName,
		TaxCode: a.IDNumber, Address: "45 Láng Hạ, Đống Đa, Hà Nội"}
}
