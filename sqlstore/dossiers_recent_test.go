package sqlstore

import (
	"testing"

	"github.com/motcua/motcua/dossier"
)

// Two moves on one dossier may report back in either order: the later state stays kept,
// and what a caller does to its snapshot does not reach it.
func TestRecentKeepsTheLaterCopy(t *testing.T) {
	var r recentDossiers
	r.keep(&dossier.Dossier{ID: 7, LastSeq: 3, Summary: "third"}, "b3", storedFact{})
	r.keep(&dossier.Dossier{ID: 7, LastSeq: 2, Summary: "second"}, "b2", storedFact{})
	s, ok := r.snapshot(7)
	if !ok || s.D.LastSeq != 3 || s.body != "b3" || !s.kept {
		t.Fatalf("kept %+v, %v; want the copy of event 3", s, ok)
	}
	s.D.Summary = "changed"
	if again, _ := r.snapshot(7); again.D.Summary != "third" {
		t.Fatalf("a snapshot's change reached the kept copy: %q", again.D.Summary)
	}
	r.forget(7)
	if _, ok := r.snapshot(7); ok {
		t.Fatal("a forgotten copy is still handed out")
	}
}
