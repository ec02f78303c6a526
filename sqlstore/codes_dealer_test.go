package sqlstore

import (
	"testing"
	"time"
)

// Receipts that took numbers under lock at the same time report them in any order: the
// dealer keeps the highest, and a failure of the older knowledge does not erase it.
func TestDealerNeverGoesBack(t *testing.T) {
	s := new(codeDealer).sequence("000.01.12.H26", "2026-03-02")
	first := s.learn(5, 11)
	if late := s.learn(3, 12); late != first { // took 3 before 5, reported after
		t.Fatalf("a late report started new knowledge: gen %d after %d", late, first)
	}
	if _, last, deal, inFlight := s.state(time.Time{}); last != 5 || !deal || inFlight != 11 {
		t.Fatalf("after 5 then 3: last %d, dealing %v, waiting on %d; want 5, true, 11", last, deal, inFlight)
	}
	s.dealt(6, 13)
	s.forget(first - 1) // knowledge older than the 5
	if _, last, deal, _ := s.state(time.Time{}); last != 6 || !deal {
		t.Fatalf("an older failure erased the sequence: last %d, dealing %v", last, deal)
	}
	s.forget(first) // the receipt that took 5 failed: 5 is free again, so nothing is known
	if _, _, deal, _ := s.state(time.Time{}); deal {
		t.Fatal("still known after the receipt it was learned from failed")
	}
}

// A dealt number found taken means another instance receives for the unit too: the
// sequence is not dealt from for contendedFor, then it is again.
func TestDealerPausesAfterAMiss(t *testing.T) {
	s := new(codeDealer).sequence("000.01.12.H26", "2026-03-02")
	s.learn(1, 11)
	now := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	s.takenElsewhere(now)
	for _, c := range []struct {
		at   time.Time
		deal bool
	}{{now, false}, {now.Add(contendedFor - time.Millisecond), false}, {now.Add(contendedFor), true}} {
		if _, _, deal, _ := s.state(c.at); deal != c.deal {
			t.Fatalf("%v after the miss: dealing %v, want %v", c.at.Sub(now), deal, c.deal)
		}
	}
}
