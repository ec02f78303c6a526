package calendar

import (
	"bytes"
	_ "embed"
	"sync"
)

// holidaysJSON is the built-in policy: the Labour Code 2019 holidays as rules, and the
// official decisions we could check.
//
// Choices and gaps, so that an administrator knows what to add as decisions:
//   - Tết: the default placement is the last day of the lunar year and the first four days
//     of the new one. For 2026 that is Mon 16/02 – Fri 20/02, which with the two weekends
//     gives the 9-day break 14/02 – 22/02/2026 announced for civil servants; no swap
//     needed, so no decision is stored (its document number is not recorded here).
//   - Tết 2025: the official placement and any swap were not verified; the default rule
//     applies (28/01 – 01/02/2025 and a compensatory Monday 03/02). Add the decision if
//     it differed.
//   - The day next to 2/9: the law lets the Government pick the day before or after each
//     year. Default: 3/9 when 2/9 is a Monday (1/9 is then a Sunday) or a Thursday (to
//     join the weekend), otherwise 1/9. This reproduces 2021–2025; 2026 is unverified.
//   - 30/4–1/5/2025: dates confirmed by the state news agency, document number not.
//
//go:embed holidays.json
var holidaysJSON []byte

var defaultRules = sync.OnceValue(func() *Rules {
	rs, err := LoadRules(bytes.NewReader(holidaysJSON))
	if err != nil {
		panic("calendar: built-in holidays.json is invalid: " + err.Error())
	}
	return rs
})

// DefaultRules returns a copy of the built-in holiday policy.
func DefaultRules() *Rules { return defaultRules().WithDecisions() }
