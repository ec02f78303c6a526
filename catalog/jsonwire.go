package catalog

import (
	"time"

	"github.com/motcua/motcua/calendar"
)

// The wire types spell the exchange document. They differ from the domain types only
// where a value needs a text form that can be empty: a zero Span or Date has no valid text
// in the calendar package, so here it is simply left out, and an unreadable one becomes
// a located validation error instead of aborting the whole decode.

type catalogDoc struct {
	Format     string          `json:"format"`
	Version    int             `json:"version"`
	Procedures []procedureWire `json:"procedures"`
}

type procedureWire struct {
	Code          string        `json:"code"`
	AbolishedFrom string        `json:"abolished_from,omitempty"`
	AbolishedBy   string        `json:"abolished_by,omitempty"`
	Versions      []versionWire `json:"versions"`
}

type versionWire struct {
	Number             int             `json:"number"`
	Status             VersionStatus   `json:"status"`
	PublishedAt        *time.Time      `json:"published_at,omitempty"`
	SupersededAt       *time.Time      `json:"superseded_at,omitempty"`
	Name               string          `json:"name"`
	Field              Field           `json:"field"`
	Level              Level           `json:"level"`
	Agency             string          `json:"agency"`
	CompetentAuthority string          `json:"competent_authority,omitempty"`
	Type               string          `json:"type,omitempty"`
	OnlineLevel        OnlineLevel     `json:"online_level"`
	Steps              []string        `json:"steps,omitempty"`
	Channels           []channelWire   `json:"channels"`
	Documents          []Document      `json:"documents,omitempty"`
	Sets               int             `json:"sets,omitempty"`
	ApplicantTypes     []ApplicantType `json:"applicant_types,omitempty"`
	Conditions         string          `json:"conditions,omitempty"`
	Result             Result          `json:"result"`
	LegalBasis         []string        `json:"legal_basis,omitempty"`
	Decision           string          `json:"decision,omitempty"`
	InternalSteps      []InternalStep  `json:"internal_steps,omitempty"`
	SupplementWithin   string          `json:"supplement_within,omitempty"`
	ReplyWithin        string          `json:"reply_within,omitempty"`
	Source             string          `json:"source,omitempty"`
	Sample             []string        `json:"sample,omitempty"`
}

type channelWire struct {
	Channel Channel   `json:"channel"`
	Time    string    `json:"time"`
	Fees    []feeWire `json:"fees,omitempty"`
	Note    string    `json:"note,omitempty"`
}

type feeWire struct {
	Name          string        `json:"name"`
	Amount        int64         `json:"amount"`
	ApplicantType ApplicantType `json:"applicant_type,omitempty"`
	Area          string        `json:"area,omitempty"`
	EffectiveFrom string        `json:"effective_from"`
	EffectiveTo   string        `json:"effective_to,omitempty"`
}

func toWire(p Procedure) procedureWire {
	w := procedureWire{Code: p.Code, AbolishedBy: p.AbolishedBy}
	if p.AbolishedFrom != nil {
		w.AbolishedFrom = dateText(*p.AbolishedFrom)
	}
	for _, v := range p.Versions {
		w.Versions = append(w.Versions, versionToWire(v))
	}
	return w
}

func versionToWire(v Version) versionWire {
	w := versionWire{
		Number: v.Number, Status: v.Status, PublishedAt: utc(v.PublishedAt), SupersededAt: utc(v.SupersededAt),
		Name: v.Name, Field: v.Field, Level: v.Level, Agency: v.Agency,
		CompetentAuthority: v.CompetentAuthority, Type: v.Type, OnlineLevel: v.OnlineLevel,
		Steps: v.Steps, Documents: v.Documents, Sets: v.Sets, ApplicantTypes: v.ApplicantTypes,
		Conditions: v.Conditions, Result: v.Result, LegalBasis: v.LegalBasis, Decision: v.Decision,
		InternalSteps: v.InternalSteps, SupplementWithin: spanText(v.SupplementWithin),
		ReplyWithin: spanText(v.ReplyWithin), Source: v.Source, Sample: v.Sample,
	}
	for _, c := range v.Channels {
		cw := channelWire{Channel: c.Channel, Time: spanText(c.Time), Note: c.Note}
		for _, f := range c.Fees {
			fw := feeWire{Name: f.Name, Amount: f.Amount, ApplicantType: f.ApplicantType, Area: f.Area,
				EffectiveFrom: dateText(f.EffectiveFrom)}
			if f.EffectiveTo != nil {
				fw.EffectiveTo = dateText(*f.EffectiveTo)
			}
			cw.Fees = append(cw.Fees, fw)
		}
		w.Channels = append(w.Channels, cw)
	}
	return w
}

// fromWire reads a procedure, reporting unreadable spans and dates under their paths.
func fromWire(w procedureWire, es *ValidationErrors) Procedure {
	p := Procedure{Code: w.Code, AbolishedBy: w.AbolishedBy}
	if w.AbolishedFrom != "" {
		d := parseDate(es, "abolished_from", w.AbolishedFrom)
		p.AbolishedFrom = &d
	}
	for i, vw := range w.Versions {
		p.Versions = append(p.Versions, versionFromWire(vw, es, "versions["+itoa(i)+"]"))
	}
	return p
}

func versionFromWire(w versionWire, es *ValidationErrors, path string) Version {
	v := Version{
		Number: w.Number, Status: w.Status, PublishedAt: w.PublishedAt, SupersededAt: w.SupersededAt,
		Name: w.Name, Field: w.Field, Level: w.Level, Agency: w.Agency,
		CompetentAuthority: w.CompetentAuthority, Type: w.Type, OnlineLevel: w.OnlineLevel,
		Steps: w.Steps, Documents: w.Documents, Sets: w.Sets, ApplicantTypes: w.ApplicantTypes,
		Conditions: w.Conditions, Result: w.Result, LegalBasis: w.LegalBasis, Decision: w.Decision,
		InternalSteps: w.InternalSteps, Source: w.Source, Sample: w.Sample,
		SupplementWithin: parseSpan(es, path+".supplement_within", w.SupplementWithin),
		ReplyWithin:      parseSpan(es, path+".reply_within", w.ReplyWithin),
	}
	for i, cw := range w.Channels {
		cp := path + ".channels[" + itoa(i) + "]"
		c := ChannelTerms{Channel: cw.Channel, Time: parseSpan(es, cp+".time", cw.Time), Note: cw.Note}
		for j, fw := range cw.Fees {
			fp := cp + ".fees[" + itoa(j) + "]"
			f := Fee{Name: fw.Name, Amount: fw.Amount, ApplicantType: fw.ApplicantType, Area: fw.Area,
				EffectiveFrom: parseDate(es, fp+".effective_from", fw.EffectiveFrom)}
			if fw.EffectiveTo != "" {
				to := parseDate(es, fp+".effective_to", fw.EffectiveTo)
				f.EffectiveTo = &to
			}
			c.Fees = append(c.Fees, f)
		}
		v.Channels = append(v.Channels, c)
	}
	return v
}

func utc(t *time.Time) *time.Time {
	if t == nil {
		return nil
	}
	u := t.UTC()
	return &u
}

func spanText(s calendar.Span) string {
	if s == (calendar.Span{}) {
		return ""
	}
	return s.String()
}

func dateText(d calendar.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.String()
}

func parseSpan(es *ValidationErrors, path, s string) calendar.Span {
	if s == "" {
		return calendar.Span{}
	}
	sp, err := calendar.ParseSpan(s)
	if err != nil {
		es.nest(path, err)
	}
	return sp
}

func parseDate(es *ValidationErrors, path, s string) calendar.Date {
	if s == "" {
		return calendar.Date{}
	}
	d, err := calendar.ParseDate(s)
	if err != nil {
		es.nest(path, err)
	}
	return d
}
