package report

import (
	"testing"
	"time"

	"github.com/motcua/motcua/catalog"
	"github.com/motcua/motcua/dossier"
)

// marchStories builds eleven dossiers of March 2026 and their ends, some in April. Each
// comment gives the appointment (receipt + 40 working hours, moved by clock stops and
// apologies) and the working time used.
func marchStories(t testing.TB) map[string]*story {
	t.Helper()
	ss := map[string]*story{}

	// A, online: received Mon 02/03 09:00, appointment Mon 09/03 09:00. Fee paid by
	// transfer (not online). Issued Thu 05/03 10:00: early. Used 7 + 8 + 8 + 2 = 25 h.
	// Handed back online (electronic result), rated 5.
	a := received(t, catalog.ChannelOnline, at(3, 2, 9, 0))
	a.toSpecialist(at(3, 2, 9, 30))
	a.pay(at(3, 2, 10, 0), "transfer")
	a.finish(at(3, 5, 9, 0), at(3, 5, 10, 0))
	a.handBack(at(3, 5, 11, 0))
	a.rate(at(3, 5, 15, 0), 5)
	ss["A"] = a

	// B, counter: received Mon 02/03 10:00, appointment Mon 09/03 10:00. Issued Mon 09/03
	// 09:30: on time (the appointment's day, before its hour). Used 6 + 32 + 1.5 = 39.5 h.
	// Handed back at the desk, rated 3 (not satisfied).
	b := received(t, catalog.ChannelCounter, at(3, 2, 10, 0))
	b.toSpecialist(at(3, 2, 10, 30))
	b.finish(at(3, 9, 8, 0), at(3, 9, 9, 30))
	b.handBack(at(3, 9, 10, 0))
	b.rate(at(3, 9, 11, 0), 3)
	ss["B"] = b

	// C, online: received Tue 03/03 08:00, appointment Mon 09/03 17:00 (five full days).
	// Paid online. Issued Wed 11/03 09:00: late. Used 40 + 8 + 1 = 49 h.
	c := received(t, catalog.ChannelOnline, at(3, 3, 8, 0))
	c.toSpecialist(at(3, 3, 8, 30))
	c.pay(at(3, 3, 9, 0), "online")
	c.finish(at(3, 11, 8, 0), at(3, 11, 9, 0))
	c.handBack(at(3, 11, 10, 0))
	ss["C"] = c

	// D, online, clock stop: received Wed 04/03 08:00, appointment Tue 10/03 17:00.
	// Supplement asked Thu 05/03 08:00, answered Mon 09/03 08:00: 16 h paused, so the
	// appointment moves to Thu 12/03 17:00. Issued Thu 12/03 10:00: on time. Used
	// 8 × 6 + 2 − 16 = 34 h. Rated 4.
	d := received(t, catalog.ChannelOnline, at(3, 4, 8, 0))
	d.toSpecialist(at(3, 4, 8, 30))
	d.do(at(3, 5, 8, 0), dossier.RequestSupplement, specialist, func(c *dossier.Command) {
		c.Missing = []string{"Bản sao giấy chứng nhận đăng ký kinh doanh"}
	})
	d.do(at(3, 9, 8, 0), dossier.SupplementAction, owner)
	d.finish(at(3, 9, 9, 0), at(3, 12, 10, 0))
	d.handBack(at(3, 12, 11, 0))
	d.rate(at(3, 12, 14, 0), 4)
	ss["D"] = d

	// E, counter, apology: received Thu 05/03 08:00, appointment Wed 11/03 17:00. Apology
	// on Mon 09/03 with a new appointment Fri 13/03 17:00. Issued Fri 13/03 11:00: on time
	// against the new appointment. Used 8 × 6 + 3 = 51 h, over the statute.
	e := received(t, catalog.ChannelCounter, at(3, 5, 8, 0))
	e.toSpecialist(at(3, 5, 8, 30))
	e.do(at(3, 9, 9, 0), dossier.Apologize, officer, func(c *dossier.Command) {
		c.Reason, c.NewAppointment = "Chờ ý kiến phối hợp", at(3, 13, 17, 0)
	})
	e.finish(at(3, 13, 8, 0), at(3, 13, 11, 0))
	e.handBack(at(3, 13, 14, 0))
	ss["E"] = e

	// F, online, crosses the month on time: received Mon 30/03 08:00, appointment Fri
	// 03/04 17:00, issued Fri 03/04 16:00: on time. Used 32 + 7 = 39 h.
	f := received(t, catalog.ChannelOnline, at(3, 30, 8, 0))
	f.toSpecialist(at(3, 30, 8, 30))
	f.finish(at(4, 3, 8, 0), at(4, 3, 16, 0))
	ss["F"] = f

	// G, counter, crosses the month late: received Mon 23/03 08:00, appointment Fri 27/03
	// 17:00, still open on 31/03, issued Wed 01/04 10:00: late. Used 40 + 16 + 2 = 58 h.
	g := received(t, catalog.ChannelCounter, at(3, 23, 8, 0))
	g.toSpecialist(at(3, 23, 8, 30))
	g.finish(at(4, 1, 8, 0), at(4, 1, 10, 0))
	ss["G"] = g

	// H, online: received Tue 10/03 08:00, withdrawn Wed 11/03 09:00.
	h := received(t, catalog.ChannelOnline, at(3, 10, 8, 0))
	h.do(at(3, 11, 9, 0), dossier.Withdraw, owner)
	ss["H"] = h

	// I, online: submitted Tue 10/03 09:00, refused at receipt 10:00; never received.
	i := filed(t, catalog.ChannelOnline, at(3, 10, 9, 0))
	i.do(at(3, 10, 10, 0), dossier.Refuse, officer, func(c *dossier.Command) { c.Reason = "Không thuộc thẩm quyền" })
	ss["I"] = i

	// J, counter: received Wed 11/03 08:00, routed to the industry division QLCN instead
	// of the planned QLTM, stopped Fri 13/03 10:00.
	j := received(t, catalog.ChannelCounter, at(3, 11, 8, 0))
	j.do(at(3, 11, 8, 30), dossier.Forward, officer, func(c *dossier.Command) { c.ToUnit = "QLCN" })
	j.do(at(3, 13, 10, 0), dossier.Stop, head, func(c *dossier.Command) { c.Reason = "Cơ sở ngừng kinh doanh" })
	ss["J"] = j

	// K, online: submitted Thu 12/03 09:00, withdrawn before receipt at 10:00.
	k := filed(t, catalog.ChannelOnline, at(3, 12, 9, 0))
	k.do(at(3, 12, 10, 0), dossier.Withdraw, owner)
	ss["K"] = k
	return ss
}

// now is when the figures are computed: after every history above.
var now = at(5, 4, 9, 0)

// buckets sums every fact's contributions per day, as the store's day table would hold
// them (one key per unit here is enough for the totals).
func buckets(ss map[string]*story) []DayCounters {
	var out []DayCounters
	for _, s := range ss {
		out = append(out, Contributions(s.fact(now))...)
	}
	return out
}

// sumDays adds the counters of the days in p.
func sumDays(days []DayCounters, p Period) Counters {
	var c Counters
	for _, d := range days {
		if p.Contains(d.Day) {
			c.Add(d.Counters)
		}
	}
	return c
}

// sumBefore adds the counters of every day before day.
func sumBefore(days []DayCounters, p Period) Counters {
	var c Counters
	for _, d := range days {
		if d.Day.Before(p.From) {
			c.Add(d.Counters)
		}
	}
	return c
}

// lateAt answers the store's late-in-progress query over the facts.
func lateAt(ss map[string]*story, end time.Time) int {
	n := 0
	for _, s := range ss {
		if s.fact(now).LateOpenAt(end) {
			n++
		}
	}
	return n
}

// openAt answers the carried-over query over the facts.
func openAt(ss map[string]*story, t time.Time) int {
	n := 0
	for _, s := range ss {
		if s.fact(now).OpenAt(t) {
			n++
		}
	}
	return n
}
