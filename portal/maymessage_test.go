package portal

import (
	"testing"

	"github.com/motcua/motcua/dossier"
)

// TestMayMessagePredictsMessages: along a whole life, every move that gives the portal a
// message was announced by MayMessage on the dossier as it stood before it.
func TestMayMessagePredictsMessages(t *testing.T) {
	s := returned(t)
	for i := 1; i < len(s.events); i++ {
		before, after, ev := s.after[i-1], s.after[i], s.events[i]
		msgs, err := Messages(&after, ev, context1())
		if err != nil {
			t.Fatal(err)
		}
		if len(msgs) > 0 && !MayMessage(&before, ev.Action) {
			t.Errorf("%s gives %d messages, but MayMessage said none", ev.Action, len(msgs))
		}
	}
	var draft dossier.Dossier
	if MayMessage(&draft, dossier.Submit) || !MayMessage(&draft, dossier.Receive) {
		t.Error("a dossier without a code: only its receipt may reach the portal")
	}
	if last := s.after[len(s.after)-1]; MayMessage(&last, dossier.Rate) {
		t.Error("a rating is not reported to the portal")
	}
}
