package report

import (
	"testing"
	"time"

	"github.com/motcua/motcua/calendar"
)

func TestMonths(t *testing.T) {
	ss := marchStories(t)
	ms := Months(buckets(ss), 0)
	// March: received 9, closed 7 → 0 carried in, 2 open at the end.
	// April: received 0, closed 2 (F, G) → 2 carried in, 0 open.
	// No bucket after April (every rating fell in March), so the trend ends there.
	if len(ms) != 2 {
		t.Fatalf("%d months", len(ms))
	}
	m, a := ms[0], ms[1]
	if m.Month != time.March || m.Counters.Received != 9 || m.Counters.Closed() != 7 || m.CarriedOver != 0 || m.OpenAtEnd != 2 {
		t.Errorf("march %+v", m)
	}
	if a.Month != time.April || a.Counters.Resolved() != 2 || a.CarriedOver != 2 || a.OpenAtEnd != 0 {
		t.Errorf("april %+v", a)
	}
}

func TestMonthsFillGaps(t *testing.T) {
	days := []DayCounters{
		{Day: calendar.D(2026, 3, 20), Counters: Counters{ResolvedOnTime: 1}},
		{Day: calendar.D(2026, 1, 5), Counters: Counters{Received: 2}},
	}
	ms := Months(days, 1)
	// January: 1 + 2 = 3 open; February: nothing, still 3; March: one resolved, 2 open.
	if len(ms) != 3 || ms[1].Month != time.February || ms[1].CarriedOver != 3 || ms[2].OpenAtEnd != 2 {
		t.Fatalf("%+v", ms)
	}
}

func TestBreakdownByUnit(t *testing.T) {
	ss := marchStories(t)
	var rows []Row
	late := map[string]Backlog{}
	for _, s := range ss {
		f := s.fact(now)
		for _, dc := range Contributions(f) {
			if march.Contains(dc.Day) {
				rows = append(rows, Row{Key: KeyOf(f), Counters: dc.Counters})
			}
		}
		if f.LateOpenAt(march.End()) {
			b := late[f.Unit]
			b.LateAtEnd++
			late[f.Unit] = b
		}
	}
	lines := Breakdown(rows, ByUnit, late)
	// J went to QLCN (received 1, stopped 1); the other eight received went to QLTM,
	// with G late in progress there. Refused I and K count at QLTM too (the plan's unit).
	if len(lines) != 2 || lines[0].Value != "QLCN" || lines[1].Value != "QLTM" {
		t.Fatalf("lines %+v", lines)
	}
	qlcn, qltm := lines[0].Summary, lines[1].Summary
	if qlcn.Received != 1 || qlcn.Stopped != 1 || qlcn.InProgress != 0 {
		t.Errorf("QLCN %+v", counts(qlcn))
	}
	// QLTM: 8 to process, late C + G = 2 → 75 %.
	if qltm.Received != 8 || qltm.InProgress != 2 || qltm.InProgressLate != 1 || qltm.Refused != 1 {
		t.Errorf("QLTM %+v", counts(qltm))
	}
	wantRate(t, "QLTM on time", qltm.OnTimeRate, 6, 8, 75)
	if byField := Breakdown(rows, ByField, nil); len(byField) != 1 || byField[0].Value != "TM" || byField[0].Summary.Received != 9 {
		t.Errorf("by field %+v", byField)
	}
}
