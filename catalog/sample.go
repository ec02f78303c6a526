package catalog

import "slices"

// Parts of a version that Version.Sample may name. A page showing a part named there
// must say it is sample or placeholder data, not the official record.
const (
	PartCode             = "code"          // a local code, not a national one
	PartField            = "field"         // field guessed from the name
	PartTime             = "channels.time" // statutory time is a placeholder
	PartFees             = "channels.fees" // fees unknown: none listed does not mean free
	PartDocuments        = "documents"
	PartSteps            = "steps"
	PartInternalSteps    = "internal_steps"
	PartResult           = "result"
	PartSets             = "sets"
	PartSupplementWithin = "supplement_within"
	PartReplyWithin      = "reply_within"
)

// IsSample reports whether part of v is sample data.
func (v Version) IsSample(part string) bool { return slices.Contains(v.Sample, part) }

func (v *Version) markSample(part string) {
	if !v.IsSample(part) {
		v.Sample = append(v.Sample, part)
	}
}
