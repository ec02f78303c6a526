package sqlstore

import "testing"

// Receipts that took numbers under lock at the same time report them in any order: the
// dealer keeps the highest, and a failure of the older knowledge does not erase it.
func TestDealerNeverGoesBack(t *testing.T) {
	s := new(codeDealer).sequence("000.01.12.H26", "2026-03-02")
	first := s.learn(5, 11)
	if late := s.learn(3, 12); late != first { // took 3 before 5, reported after
		t.Fatalf("a late report started new knowledge: gen %d after %d", late, first)
	}
	if _, last, known, inFlight := s.state(); last != 5 || !known || inFlight != 11 {
		t.Fatalf("after 5 then 3: last %d, known %v, waiting on %d; want 5, true, 11", last, known, inFlight)
	}
	s.dealt(6, 13)
	s.forget(first - 1) // knowledge older than the 5
	if _, last, known, _ := s.state(); last != 6 || !known {
		t.Fatalf("an older failure erased the sequence: last %d, known %v", last, known)
	}
	s.forget(first) // the receipt that took 5 failed: 5 is free again, so nothing is known
	if _, _, known, _ := s.state(); known {
		t.Fatal("still known after the receipt it was learned from failed")
	}
}
