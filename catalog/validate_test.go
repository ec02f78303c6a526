package catalog

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/motcua/motcua/calendar"
)

func TestValidateAcceptsFixture(t *testing.T) {
	if err := retailTobacco().Validate(); err != nil {
		t.Fatal(err)
	}
	if err := retailTobacco().Publishable(); err != nil {
		t.Fatal(err)
	}
}

func TestValidateRules(t *testing.T) {
	cases := []struct {
		name   string
		change func(*Version)
		path   string
	}{
		{"name required", func(v *Version) { v.Name = " " }, "name"},
		{"field required", func(v *Version) { v.Field = Field{} }, "field.name"},
		{"level known", func(v *Version) { v.Level = "planet" }, "level"},
		{"online level known", func(v *Version) { v.OnlineLevel = "" }, "online_level"},
		{"status known", func(v *Version) { v.Status = "archived" }, "status"},
		{"a channel", func(v *Version) { v.Channels = nil }, "channels"},
		{"channel known", func(v *Version) { v.Channels[1].Channel = 9 }, "channels[1].channel"},
		{"channel once", func(v *Version) { v.Channels[1].Channel = ChannelCounter }, "channels[1].channel"},
		{"time positive", func(v *Version) { v.Channels[1].Time = calendar.Days(0) }, "channels[1].time"},
		{"time unit", func(v *Version) { v.Channels[1].Time = calendar.Span{Value: 3} }, "channels[1].time"},
		{"fee not negative", func(v *Version) { v.Channels[0].Fees[0].Amount = -1 }, "channels[0].fees[0].amount"},
		{"fee name", func(v *Version) { v.Channels[0].Fees[1].Name = "" }, "channels[0].fees[1].name"},
		{"fee date", func(v *Version) { v.Channels[0].Fees[1].EffectiveFrom = calendar.Date{} }, "channels[0].fees[1].effective_from"},
		{"fee range", func(v *Version) {
			d := calendar.D(2020, 1, 1)
			v.Channels[0].Fees[1].EffectiveTo = &d
		}, "channels[0].fees[1].effective_to"},
		{"fee overlap", func(v *Version) { v.Channels[0].Fees[1].EffectiveFrom = calendar.D(2026, 6, 1) }, "channels[0].fees[1].effective_from"},
		{"fee applicant known", func(v *Version) { v.Channels[0].Fees[0].ApplicantType = 7 }, "channels[0].fees[0].applicant_type"},
		{"document name", func(v *Version) { v.Documents[0].Name = "" }, "documents[0].name"},
		{"document count", func(v *Version) { v.Documents[2].Copies = 0 }, "documents[2].originals"},
		{"applicant type", func(v *Version) { v.ApplicantTypes = []ApplicantType{Business, AnyApplicant} }, "applicant_types[1]"},
		{"sets", func(v *Version) { v.Sets = -1 }, "sets"},
		{"step role", func(v *Version) { v.InternalSteps[1].Role = "" }, "internal_steps[1].role"},
		{"step hours", func(v *Version) { v.InternalSteps[2].NormHours = 0 }, "internal_steps[2].norm_hours"},
		{"supplement", func(v *Version) { v.SupplementWithin = calendar.Days(-1) }, "supplement_within"},
		{"reply", func(v *Version) { v.ReplyWithin = calendar.Span{Value: 5} }, "reply_within"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			v := retailTobacco()
			v.Channels[1].Fees = slices.Clone(v.Channels[1].Fees)
			c.change(&v)
			var es ValidationErrors
			if !errors.As(v.Validate(), &es) {
				t.Fatalf("no validation error")
			}
			if !slices.ContainsFunc(es, func(e FieldError) bool { return e.Path == c.path }) {
				t.Fatalf("errors %v do not name %s", es, c.path)
			}
			for _, e := range es {
				if e.Vi == "" || e.En == "" || !strings.Contains(e.Error(), " / ") {
					t.Errorf("message not bilingual: %q", e.Error())
				}
			}
		})
	}
}

func TestValidateReportsEveryProblem(t *testing.T) {
	var es ValidationErrors
	if !errors.As(Version{}.Validate(), &es) {
		t.Fatal("empty version accepted")
	}
	for _, p := range []string{"name", "field.name", "level", "online_level", "channels"} {
		if !slices.ContainsFunc(es, func(e FieldError) bool { return e.Path == p }) {
			t.Errorf("missing %s in %v", p, es)
		}
	}
}

func TestOptionalDocumentMayHaveNoCopies(t *testing.T) {
	v := retailTobacco()
	v.Documents = append(v.Documents, Document{Name: "Giấy ủy quyền", Optional: true})
	if err := v.Validate(); err != nil {
		t.Fatal(err)
	}
}

func TestFeeRangesForOtherKindsMayOverlap(t *testing.T) {
	v := retailTobacco()
	v.Channels[0].Fees = append(v.Channels[0].Fees, Fee{Name: "Phí thẩm định", Amount: 150_000, ApplicantType: Business,
		Area: "huyện", EffectiveFrom: calendar.D(2023, 1, 1)})
	if err := v.Validate(); err != nil {
		t.Fatal(err)
	}
}

func TestCalendarDaysCountConservatively(t *testing.T) {
	cases := []struct {
		span calendar.Span
		want float64
	}{
		{calendar.CalDays(7), 40},
		{calendar.CalDays(30), (20 + 0) * 8},
		{calendar.CalDays(10), (5 + 1) * 8},
		{calendar.CalDays(2), 0},
		{calendar.Days(1.5), 12},
		{calendar.Hours(4), 4},
	}
	for _, c := range cases {
		if got := WorkingHours(c.span); got != c.want {
			t.Errorf("WorkingHours(%v) = %v, want %v", c.span, got, c.want)
		}
	}
}

func TestPublishableRules(t *testing.T) {
	cases := []struct {
		name   string
		change func(*Version)
		path   string
	}{
		{"invalid", func(v *Version) { v.Name = "" }, "name"},
		{"agency", func(v *Version) { v.Agency = "" }, "agency"},
		{"result", func(v *Version) { v.Result = Result{} }, "result.name"},
		{"process", func(v *Version) { v.InternalSteps = nil }, "internal_steps"},
		{"process fits", func(v *Version) { v.Channels[1].Time = calendar.Days(10) }, "internal_steps"},
		{"process fits hours", func(v *Version) { v.Channels[1].Time = calendar.Hours(40) }, "internal_steps"},
		{"staff role", func(v *Version) { v.InternalSteps[0].Role = "citizen" }, "internal_steps[0].role"},
		{"online channel", func(v *Version) { v.Channels = v.Channels[:1] }, "channels"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			v := retailTobacco()
			c.change(&v)
			var es ValidationErrors
			if !errors.As(v.Publishable(), &es) || !slices.ContainsFunc(es, func(e FieldError) bool { return e.Path == c.path }) {
				t.Fatalf("Publishable() = %v, want an error at %s", es, c.path)
			}
		})
	}
}
