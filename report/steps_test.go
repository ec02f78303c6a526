package report

import (
	"testing"
)

func TestStepLateness(t *testing.T) {
	ss := marchStories(t)
	a := StepLateness(ss["A"].d)
	// A: receipt 09:00 (due 14:00) done 09:30; appraisal from Mon 02/03 09:30 with 16 h,
	// due Wed 04/03 09:30 (2.5 + 4 + 8 + 1.5), done Thu 05/03 09:00: late; approval
	// 09:00–09:02 of 8 h; issue 09:02–10:00 of 4 h; hand-back 10:00–11:00 of 4 h.
	if len(a) != 5 {
		t.Fatalf("%d steps", len(a))
	}
	for i, s := range a {
		if s.Late != (i == 1) {
			t.Errorf("step %d %s due %v finished %v late %v", i, s.Name, s.DueAt, s.FinishedAt, s.Late)
		}
	}
	if !a[1].DueAt.Equal(at(3, 4, 9, 30)) {
		t.Errorf("appraisal due %v", a[1].DueAt)
	}
	// B's appraisal (from Mon 10:30, due Wed 04/03 10:30, done Mon 09/03) is late too. G is
	// issued but not handed back: its hand-back step is open and left out.
	steps := append(a, StepLateness(ss["B"].d)...)
	g := StepLateness(ss["G"].d)
	if len(g) != 4 {
		t.Fatalf("G: %d finished steps", len(g))
	}
	tally := Bottlenecks(append(steps, g...))
	top := tally[0]
	// Appraisal at QLTM: A, B, G late (G from Mon 23/03 08:30, due Wed 25/03 08:30).
	if top.Name != "Thẩm định hồ sơ" || top.Unit != "QLTM" || top.Finished != 3 || top.Late != 3 || top.LateRate.Percent != 100 {
		t.Fatalf("top %+v", top)
	}
	for _, s := range tally[1:] {
		if s.Late != 0 {
			t.Errorf("%s at %s: %d late", s.Name, s.Unit, s.Late)
		}
	}
}
