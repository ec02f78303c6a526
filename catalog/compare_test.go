package catalog

import (
	"testing"

	"github.com/motcua/motcua/calendar"
)

func TestCompareThreeReductions(t *testing.T) {
	old := retailTobacco()
	nw := retailTobacco()
	nw.Documents = nw.Documents[:1]
	nw.InternalSteps = nil
	from := calendar.D(2025, 1, 1)
	for i := range nw.Channels {
		nw.Channels[i].Time = calendar.Days(10)
		nw.Channels[i].Fees = []Fee{{Name: "Phí thẩm định", Amount: 200_000, EffectiveFrom: from}}
	}
	old.Channels[0].Fees = []Fee{{Name: "Phí thẩm định", Amount: 300_000, EffectiveFrom: from}}
	old.Channels[1].Fees = old.Channels[0].Fees
	c := CompareWith(old, nw, CompareOptions{At: calendar.D(2026, 1, 1)})
	if c.DocumentsDelta() != -2 || !c.Reduced() {
		t.Fatalf("comparison %+v", c)
	}
	if got, want := c.Summary(), "giảm 2 thành phần hồ sơ, giảm 5 ngày, giảm 100.000 đ"; got != want {
		t.Errorf("Summary = %q, want %q", got, want)
	}
	if got, want := c.SummaryEn(), "2 documents fewer, 5 working days shorter, 100,000 VND cheaper"; got != want {
		t.Errorf("SummaryEn = %q, want %q", got, want)
	}
}

func TestComparePerChannelAndIncrease(t *testing.T) {
	old := retailTobacco()
	nw := retailTobacco()
	nw.Channels[0].Time = calendar.Days(16)
	nw.Channels[1].Time = calendar.Hours(100)
	nw.Channels = append(nw.Channels, ChannelTerms{Channel: ChannelPostal, Time: calendar.Days(15)})
	c := CompareWith(old, nw, CompareOptions{At: calendar.D(2026, 1, 1), Applicant: Business})
	if c.Reduced() {
		t.Error("an amendment that adds time is not a reduction")
	}
	want := "tăng 1 ngày (trực tiếp), giảm 20 giờ (trực tuyến), thêm cách thức bưu chính công ích"
	if got := c.Summary(); got != want {
		t.Errorf("Summary = %q, want %q", got, want)
	}
	if d := c.Channels[1].TimeDelta; d != calendar.Hours(-20) {
		t.Errorf("mixed units delta = %v, want -20h", d)
	}
	nw.Documents = append(nw.Documents, Document{Name: "Bản cam kết", Originals: 1})
	if got := CompareWith(old, nw, CompareOptions{}).Summary(); got[:len("tăng 1 thành phần")] != "tăng 1 thành phần" {
		t.Errorf("Summary = %q", got)
	}
}

func TestCompareUnchanged(t *testing.T) {
	c := Compare(retailTobacco(), retailTobacco())
	if c.Reduced() || c.Summary() != "không thay đổi" || c.SummaryEn() != "no change" {
		t.Errorf("unchanged: %q / %q", c.Summary(), c.SummaryEn())
	}
}

func TestFormatVND(t *testing.T) {
	for n, want := range map[int64]string{0: "0 đ", 100: "100 đ", 1000: "1.000 đ", 1_200_000: "1.200.000 đ", -300_000: "-300.000 đ"} {
		if got := FormatVND(n); got != want {
			t.Errorf("FormatVND(%d) = %q, want %q", n, got, want)
		}
	}
}
