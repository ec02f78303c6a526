package catalog

import (
	"github.com/motcua/motcua/calendar"
	"github.com/motcua/motcua/textfold"
)

// FeesAt returns the fees an applicant of type t in area pays on day d through this
// channel. For each fee name the most specific rule wins: one for this applicant type and
// area, then this applicant type anywhere, then any applicant in this area, then any
// applicant anywhere. Fees for another applicant type or area never apply.
func (c ChannelTerms) FeesAt(d calendar.Date, t ApplicantType, area string) []Fee {
	area = textfold.Fold(area)
	var out []Fee
	best := map[string]int{} // folded fee name → index in out
	bestScore := map[string]int{}
	for _, f := range c.Fees {
		if d.Before(f.EffectiveFrom) || endsBefore(f.EffectiveTo, d) {
			continue
		}
		score, ok := feeMatch(f, t, area)
		if !ok {
			continue
		}
		name := textfold.Fold(f.Name)
		i, seen := best[name]
		switch {
		case !seen:
			best[name], bestScore[name] = len(out), score
			out = append(out, f)
		case score > bestScore[name]:
			out[i], bestScore[name] = f, score
		}
	}
	return out
}

// feeMatch scores how specifically f addresses applicant t in the folded area.
func feeMatch(f Fee, t ApplicantType, area string) (score int, ok bool) {
	switch f.ApplicantType {
	case AnyApplicant:
	case t:
		score += 2
	default:
		return 0, false
	}
	switch fa := textfold.Fold(f.Area); fa {
	case "":
	case area:
		score++
	default:
		return 0, false
	}
	return score, true
}

// Total sums the amounts of fees, in đồng.
func Total(fees []Fee) int64 {
	var sum int64
	for _, f := range fees {
		sum += f.Amount
	}
	return sum
}
