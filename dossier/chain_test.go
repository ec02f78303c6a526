package dossier

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestChainDetectsTampering(t *testing.T) {
	h := received(t)
	finish(h, at(2026, 11, 23, 11, 0), at(2026, 11, 24, 9, 0))
	events := h.events
	if bad, err := Verify(events); bad != 0 || err != nil {
		t.Fatalf("clean chain: %d %v", bad, err)
	}

	// A JSON round trip (as the store does) keeps every hash valid.
	b, _ := json.Marshal(events)
	var back []Event
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if bad, err := Verify(back); err != nil {
		t.Fatalf("after JSON round trip: %d %v", bad, err)
	}

	altered := clone(events)
	altered[3].Note = "đã sửa"
	if bad, err := Verify(altered); bad != 4 || err == nil || !strings.Contains(err.Error(), "4") {
		t.Fatalf("altered note: %d %v", bad, err)
	}

	altered = clone(events)
	altered[2].Data = map[string]string{"unit": "QLCN"}
	if bad, _ := Verify(altered); bad != 3 {
		t.Fatalf("altered data: %d", bad)
	}

	// Rehashing an altered event does not help: the next link breaks.
	altered = clone(events)
	altered[2].ActorName = "Người khác"
	altered[2].Hash = altered[2].ComputeHash()
	if bad, _ := Verify(altered); bad != 4 {
		t.Fatalf("rehashed event: %d", bad)
	}

	removed := append(clone(events[:2]), events[3:]...)
	if bad, _ := Verify(removed); bad != 3 {
		t.Fatalf("removed event: %d", bad)
	}
	if bad, err := VerifyHead(h.d, events[:len(events)-1]); err == nil || bad != len(events) {
		t.Fatalf("truncated history: %d %v", bad, err)
	}
}

func clone(events []Event) []Event {
	out := make([]Event, len(events))
	copy(out, events)
	return out
}
