package report

import (
	"strings"
	"time"

	"github.com/motcua/motcua/catalog"
)

// CatalogStats are the catalog's figures at an instant.
type CatalogStats struct {
	Procedures    int  `json:"procedures"`     // published and in force
	Fields        int  `json:"fields"`         // distinct fields among them
	OnlineFull    int  `json:"online_full"`    // offered fully online (toàn trình)
	OnlinePartial int  `json:"online_partial"` // offered partly online (một phần)
	WithFees      int  `json:"with_fees"`      // charging a fee on some channel
	FullContent   int  `json:"full_content"`   // published with full content (see FullContent)
	PayableOnline int  `json:"payable_online"` // with fees and payable online
	PayableKnown  bool `json:"payable_known"`  // PayableOnline is measured (see CatalogStatsOf)
}

// CatalogStatsOf counts the procedures in force at at. The catalog has no "payable
// online" flag yet, so PayableKnown stays false; a caller holding that list (the payment
// platform's) sets PayableOnline and PayableKnown itself.
func CatalogStatsOf(procs []*catalog.Procedure, at time.Time) CatalogStats {
	var s CatalogStats
	fields := map[string]bool{}
	for _, p := range procs {
		v := p.Current(at)
		if v == nil {
			continue
		}
		s.Procedures++
		key := v.Field.Code
		if key == "" {
			key = strings.ToLower(strings.TrimSpace(v.Field.Name))
		}
		if key != "" {
			fields[key] = true
		}
		switch v.OnlineLevel {
		case catalog.OnlineFull:
			s.OnlineFull++
		case catalog.OnlinePartial:
			s.OnlinePartial++
		}
		if hasFees(v) {
			s.WithFees++
		}
		if FullContent(v) {
			s.FullContent++
		}
	}
	s.Fields = len(fields)
	return s
}

// OffersOnline reports whether the version can be filed online: an online level of full
// or partial and an online channel with its statutory time.
func OffersOnline(v *catalog.Version) bool {
	if v.OnlineLevel != catalog.OnlineFull && v.OnlineLevel != catalog.OnlinePartial {
		return false
	}
	for _, c := range v.Channels {
		if c.Channel == catalog.ChannelOnline && !c.Time.IsZero() {
			return true
		}
	}
	return false
}

// FullContent reports whether the version is published with every part the public must
// see (the content list of Decree 63/2010, art. 8, as this catalog records it): name,
// field, sequence of steps, channels each with a statutory time, required documents,
// applicant types, implementing agency, result, legal basis and the publishing decision.
// Fees, forms and conditions are not required: many procedures have none.
func FullContent(v *catalog.Version) bool {
	if blank(v.Name) || blank(v.Field.Name) || len(v.Steps) == 0 || len(v.Channels) == 0 ||
		len(v.Documents) == 0 || len(v.ApplicantTypes) == 0 || blank(v.Agency) ||
		blank(v.Result.Name) || len(v.LegalBasis) == 0 || blank(v.Decision) {
		return false
	}
	for _, c := range v.Channels {
		if c.Time.IsZero() {
			return false
		}
	}
	return true
}

func hasFees(v *catalog.Version) bool {
	for _, c := range v.Channels {
		for _, f := range c.Fees {
			if f.Amount > 0 {
				return true
			}
		}
	}
	return false
}

func blank(s string) bool { return strings.TrimSpace(s) == "" }
