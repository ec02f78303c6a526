package catalog

import (
	"time"

	"github.com/motcua/motcua/calendar"
)

// CompareOptions says whose fees, on which day, a comparison sums.
type CompareOptions struct {
	At        calendar.Date
	Applicant ApplicantType
	Area      string
}

// Comparison is the "3 giảm" view of an amendment: fewer documents, shorter time,
// lower cost.
type Comparison struct {
	At           calendar.Date
	OldDocuments int
	NewDocuments int
	Channels     []ChannelChange
}

// ChannelChange compares one channel. Old or New is nil when the channel exists in only
// one of the versions.
type ChannelChange struct {
	Channel Channel
	Old     *calendar.Span
	New     *calendar.Span
	// TimeDelta is New − Old, in their unit when they share one, else in working hours.
	TimeDelta calendar.Span
	OldFee    int64
	NewFee    int64
}

// FeeDelta is the change of the total fee, in đồng; negative means cheaper.
func (c ChannelChange) FeeDelta() int64 { return c.NewFee - c.OldFee }

// Compared reports whether the channel exists in both versions.
func (c ChannelChange) Compared() bool { return c.Old != nil && c.New != nil }

// Compare compares two versions, summing fees with no particular applicant or area on
// the day the new version was published (today, in Vietnam, for a draft).
func Compare(old, new Version) Comparison {
	at := dateAt(time.Now())
	if new.PublishedAt != nil {
		at = dateAt(*new.PublishedAt)
	}
	return CompareWith(old, new, CompareOptions{At: at})
}

// CompareWith compares two versions with the fees of o.Applicant in o.Area on day o.At.
func CompareWith(old, new Version, o CompareOptions) Comparison {
	c := Comparison{At: o.At, OldDocuments: len(old.Documents), NewDocuments: len(new.Documents)}
	for _, ch := range []Channel{ChannelCounter, ChannelOnline, ChannelPostal} {
		a, b := old.channel(ch), new.channel(ch)
		if a == nil && b == nil {
			continue
		}
		cc := ChannelChange{Channel: ch}
		if a != nil {
			cc.Old = &a.Time
			cc.OldFee = Total(a.FeesAt(o.At, o.Applicant, o.Area))
		}
		if b != nil {
			cc.New = &b.Time
			cc.NewFee = Total(b.FeesAt(o.At, o.Applicant, o.Area))
		}
		if cc.Compared() {
			cc.TimeDelta = spanDelta(*cc.Old, *cc.New)
		}
		c.Channels = append(c.Channels, cc)
	}
	return c
}

func (v Version) channel(c Channel) *ChannelTerms {
	for i := range v.Channels {
		if v.Channels[i].Channel == c {
			return &v.Channels[i]
		}
	}
	return nil
}

func spanDelta(a, b calendar.Span) calendar.Span {
	if a.Unit == b.Unit {
		return calendar.Span{Value: b.Value - a.Value, Unit: a.Unit}
	}
	return calendar.Hours(WorkingHours(b) - WorkingHours(a))
}

// DocumentsDelta is the change in the number of documents; negative means fewer.
func (c Comparison) DocumentsDelta() int { return c.NewDocuments - c.OldDocuments }

// Reduced reports whether the amendment lightens the burden: something is fewer, shorter
// or cheaper, and nothing is more, longer or dearer.
func (c Comparison) Reduced() bool {
	less, more := c.DocumentsDelta() < 0, c.DocumentsDelta() > 0
	for _, ch := range c.Channels {
		if !ch.Compared() {
			continue
		}
		less = less || ch.TimeDelta.Value < 0 || ch.FeeDelta() < 0
		more = more || ch.TimeDelta.Value > 0 || ch.FeeDelta() > 0
	}
	return less && !more
}
