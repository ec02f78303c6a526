package catalog

import (
	"errors"
	"testing"
	"time"

	"github.com/motcua/motcua/calendar"
)

func TestVersionLifeCycle(t *testing.T) {
	p := Procedure{Code: "1.001338"}
	if p.Current(at(2025, 1, 1, 0)) != nil || p.Latest() != nil {
		t.Fatal("empty procedure has a current version")
	}
	n, err := p.AddDraft(retailTobacco())
	if err != nil || n != 1 {
		t.Fatalf("AddDraft = %d, %v", n, err)
	}
	if _, err := p.AddDraft(retailTobacco()); !errors.Is(err, ErrDraftExists) {
		t.Fatalf("second draft: %v, want ErrDraftExists", err)
	}
	t1 := at(2025, 3, 1, 2)
	if n, err := p.Publish(t1); err != nil || n != 1 {
		t.Fatalf("Publish = %d, %v", n, err)
	}
	if _, err := p.Publish(t1); !errors.Is(err, ErrNoDraft) {
		t.Fatalf("publish without draft: %v", err)
	}

	amended := retailTobacco()
	amended.Documents = amended.Documents[:2]
	if n, err := p.AddDraft(amended); err != nil || n != 2 {
		t.Fatalf("AddDraft = %d, %v", n, err)
	}
	amended.Name += " (sửa đổi)"
	if err := p.UpdateDraft(amended); err != nil || p.Draft().Name != amended.Name || p.Draft().Number != 2 {
		t.Fatalf("UpdateDraft: %v, draft %+v", err, p.Draft())
	}
	t2 := at(2025, 9, 1, 2)
	if _, err := p.Publish(t2); err != nil {
		t.Fatal(err)
	}
	v1, v2 := p.Version(1), p.Version(2)
	if v1.Status != Superseded || !v1.SupersededAt.Equal(t2) || v2.Status != Published || !v2.PublishedAt.Equal(t2) {
		t.Fatalf("after second publish: v1 %s %v, v2 %s %v", v1.Status, v1.SupersededAt, v2.Status, v2.PublishedAt)
	}
	for _, c := range []struct {
		at   int
		want int
	}{{2, 0}, {5, 1}, {9, 2}, {12, 2}} {
		got := p.Current(at(2025, timeMonth(c.at), 1, 3))
		if (got == nil && c.want != 0) || (got != nil && got.Number != c.want) {
			t.Errorf("Current(month %d) = %v, want version %d", c.at, got, c.want)
		}
	}
	if p.Version(3) != nil || p.Draft() != nil {
		t.Error("unexpected version")
	}
}

func TestPublishRefusesUnpublishableDraft(t *testing.T) {
	p := Procedure{Code: "X"}
	v := retailTobacco()
	v.InternalSteps = nil
	if _, err := p.AddDraft(v); err != nil {
		t.Fatal(err)
	}
	_, err := p.Publish(at(2025, 1, 1, 0))
	var es ValidationErrors
	if !errors.Is(err, ErrNotPublishable) || !errors.As(err, &es) || es[0].Path != "internal_steps" {
		t.Fatalf("Publish = %v", err)
	}
	if p.Draft() == nil || p.Latest() != nil {
		t.Fatal("refused publish changed the procedure")
	}
}

func TestDraftsMustBeValid(t *testing.T) {
	p := Procedure{Code: "X"}
	if _, err := p.AddDraft(Version{}); err == nil {
		t.Fatal("invalid draft accepted")
	}
	if err := p.UpdateDraft(retailTobacco()); !errors.Is(err, ErrNoDraft) {
		t.Fatalf("UpdateDraft without draft: %v", err)
	}
	p.AddDraft(retailTobacco())
	if err := p.UpdateDraft(Version{}); err == nil {
		t.Fatal("invalid update accepted")
	}
	if err := p.DiscardDraft(); err != nil || p.Draft() != nil {
		t.Fatalf("DiscardDraft: %v", err)
	}
	if err := p.DiscardDraft(); !errors.Is(err, ErrNoDraft) {
		t.Fatalf("second DiscardDraft: %v", err)
	}
}

func TestAbolish(t *testing.T) {
	p := Procedure{Code: "X"}
	p.AddDraft(retailTobacco())
	p.Publish(at(2025, 1, 1, 0))
	if err := p.Abolish(calendar.D(2025, 7, 1), ""); err == nil {
		t.Fatal("abolished without a decision")
	}
	if err := p.Abolish(calendar.D(2025, 7, 1), "1234/QĐ-UBND"); err != nil {
		t.Fatal(err)
	}
	if err := p.Abolish(calendar.D(2025, 8, 1), "1235/QĐ-UBND"); !errors.Is(err, ErrAbolished) {
		t.Fatalf("second Abolish: %v", err)
	}
	// 30/06 16:59 UTC is already 01/07 in Vietnam.
	if p.Current(at(2025, 6, 30, 16)) == nil || p.Current(at(2025, 6, 30, 17)) != nil {
		t.Error("Current does not stop on the abolition day in Vietnamese time")
	}
	if _, err := p.AddDraft(retailTobacco()); !errors.Is(err, ErrAbolished) {
		t.Fatalf("AddDraft after abolition: %v", err)
	}
	if p.Latest() == nil {
		t.Error("history lost on abolition")
	}
}

func TestPublishAfterAbolitionDay(t *testing.T) {
	p := Procedure{Code: "X"}
	p.AddDraft(retailTobacco())
	p.Abolish(calendar.D(2025, 7, 1), "1234/QĐ-UBND")
	if _, err := p.Publish(at(2025, 7, 2, 0)); !errors.Is(err, ErrAbolished) {
		t.Fatalf("Publish after abolition: %v", err)
	}
}

func timeMonth(m int) time.Month { return time.Month(m) }
