package report

import (
	"testing"

	"github.com/motcua/motcua/calendar"
	"github.com/motcua/motcua/catalog"
	"github.com/motcua/motcua/dossier"
)

// Applying Diff at every event keeps the buckets equal to the sum of the current facts.
func TestDiffFollowsTheDossier(t *testing.T) {
	s := received(t, catalog.ChannelCounter, at(3, 11, 8, 0))
	var before Fact
	buckets := map[calendar.Date]map[Key]Counters{}
	apply := func() []Delta {
		f := s.fact(now)
		ds := Diff(before, f)
		for _, d := range ds {
			if buckets[d.Day] == nil {
				buckets[d.Day] = map[Key]Counters{}
			}
			c := buckets[d.Day][d.Key]
			c.Add(d.Counters)
			buckets[d.Day][d.Key] = c
		}
		before = f
		return ds
	}
	// Receipt: +1 received on 11/03 at the planned unit QLTM.
	ds := apply()
	qltm := Key{Unit: "QLTM", Field: "TM", Procedure: "1.000001.000.00.00.H26"}
	qlcn := Key{Unit: "QLCN", Field: "TM", Procedure: qltm.Procedure}
	if len(ds) != 1 || ds[0].Key != qltm || ds[0].Received != 1 {
		t.Fatalf("receipt deltas %+v", ds)
	}
	// Routed to QLCN: the receipt moves from QLTM to QLCN, on the same day.
	s.do(at(3, 11, 8, 30), dossier.Forward, officer, func(c *dossier.Command) { c.ToUnit = "QLCN" })
	ds = apply()
	if len(ds) != 2 || ds[0].Key != qltm || ds[0].Received != -1 || ds[1].Key != qlcn || ds[1].Received != 1 {
		t.Fatalf("forward deltas %+v", ds)
	}
	// A move that changes nothing the figures count gives no delta.
	s.do(at(3, 11, 9, 0), dossier.Apologize, officer, func(c *dossier.Command) {
		c.Reason, c.NewAppointment = "Chờ xác minh", at(3, 20, 17, 0)
	})
	if ds = apply(); len(ds) != 0 {
		t.Fatalf("apology deltas %+v", ds)
	}
	s.do(at(3, 13, 10, 0), dossier.Stop, head, func(c *dossier.Command) { c.Reason = "Ngừng kinh doanh" })
	apply()
	day := func(d int) Counters { return buckets[calendar.D(2026, 3, d)][qlcn] }
	if day(11).Received != 1 || day(13).Stopped != 1 || !buckets[calendar.D(2026, 3, 11)][qltm].IsZero() {
		t.Fatalf("buckets %+v", buckets)
	}
}

// A rating counts on its own day, and only there.
func TestRatingDay(t *testing.T) {
	a := marchStories(t)["A"]
	f := a.fact(now)
	got := Contributions(f)
	// Received 02/03; issued 05/03, rated the same day.
	if len(got) != 2 || got[0].Day != calendar.D(2026, 3, 2) || got[1].Day != calendar.D(2026, 3, 5) ||
		got[1].Rated != 1 || got[1].Satisfied != 1 || got[1].ScoreSum != 5 || got[1].ResolvedEarly != 1 {
		t.Fatalf("contributions %+v", got)
	}
}
