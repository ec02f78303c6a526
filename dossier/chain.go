package dossier

import (
	"fmt"

	"github.com/motcua/motcua"
)

// Verify checks a dossier's whole history: sequence numbers 1, 2, 3…, each event linked to
// the previous hash (the first to none), each hash matching its content. It returns the
// sequence number of the first broken event (its position when the number itself is
// wrong) and an error naming it, or 0 and nil.
func Verify(events []Event) (firstBad int, err error) {
	prev := ""
	for i, e := range events {
		want := i + 1
		switch {
		case e.Seq != want:
			return want, chainError(want, fmt.Sprintf("số thứ tự %d, cần %d", e.Seq, want),
				fmt.Sprintf("sequence %d, want %d", e.Seq, want))
		case e.PrevHash != prev:
			return want, chainError(want, "không nối với sự kiện trước", "not linked to the previous event")
		case e.ComputeHash() != e.Hash:
			return want, chainError(want, "nội dung đã bị thay đổi", "content was altered")
		}
		prev = e.Hash
	}
	return 0, nil
}

// VerifyHead also checks that the chain ends where the dossier says it does, which
// catches events cut from the end.
func VerifyHead(d *Dossier, events []Event) (firstBad int, err error) {
	if bad, err := Verify(events); err != nil {
		return bad, err
	}
	last, head := 0, ""
	if n := len(events); n > 0 {
		last, head = events[n-1].Seq, events[n-1].Hash
	}
	if last != d.LastSeq || head != d.LastHash {
		return last + 1, chainError(last+1, "lịch sử thiếu sự kiện cuối", "the history is missing its latest events")
	}
	return 0, nil
}

func chainError(seq int, vi, en string) error {
	return &motcua.Error{Kind: motcua.KindConflict, Field: "events",
		VI: fmt.Sprintf("lịch sử hồ sơ bị hỏng tại sự kiện %d: %s", seq, vi),
		EN: fmt.Sprintf("dossier history broken at event %d: %s", seq, en)}
}
