package catalog

import (
	"testing"

	"github.com/motcua/motcua/calendar"
)

func TestFeesAtByDate(t *testing.T) {
	c := retailTobacco().Channels[0]
	cases := []struct {
		day  calendar.Date
		who  ApplicantType
		want int64
	}{
		{calendar.D(2026, 12, 31), Business, 300_000},
		{calendar.D(2027, 1, 1), Business, 600_000},
		{calendar.D(2026, 6, 1), Citizen, 100_000},
		{calendar.D(2027, 6, 1), Citizen, 200_000},
		{calendar.D(2022, 12, 31), Business, 0},
		{calendar.D(2027, 1, 1), StateAgency, 0},
	}
	for _, k := range cases {
		if got := Total(c.FeesAt(k.day, k.who, "")); got != k.want {
			t.Errorf("FeesAt(%v, %d) = %d, want %d", k.day, k.who, got, k.want)
		}
	}
}

func TestFeesAtFallsBackToAnyApplicantAndArea(t *testing.T) {
	from := calendar.D(2020, 1, 1)
	c := ChannelTerms{Fees: []Fee{
		{Name: "Phí thẩm định", Amount: 1_200_000, EffectiveFrom: from},
		{Name: "Phí thẩm định", Amount: 600_000, Area: "Huyện", EffectiveFrom: from},
		{Name: "Phí thẩm định", Amount: 900_000, ApplicantType: Business, EffectiveFrom: from},
		{Name: "Lệ phí cấp giấy", Amount: 200_000, EffectiveFrom: from},
	}}
	day := calendar.D(2025, 5, 5)
	cases := []struct {
		who  ApplicantType
		area string
		want int64
	}{
		{Citizen, "", 1_400_000},
		{Citizen, "huyen", 800_000},
		{Business, "", 1_100_000},
		{Business, "huyện", 1_100_000}, // applicant type outranks area
	}
	for _, k := range cases {
		if got := Total(c.FeesAt(day, k.who, k.area)); got != k.want {
			t.Errorf("FeesAt(%d, %q) = %d, want %d", k.who, k.area, got, k.want)
		}
	}
}
