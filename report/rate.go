package report

// Rate is a share shown as a percentage with 2 decimals, kept with the counts it comes
// from so a page can show "7 / 9 = 77.78 %". Defined is false when the denominator is
// zero: a dashboard shows "—" (no dossiers), never 0 % or 100 %. (Decision 766 scores an
// empty denominator as full points; that rule lives in the index, not here.)
type Rate struct {
	Numerator   int64   `json:"numerator"`
	Denominator int64   `json:"denominator"`
	Percent     float64 `json:"percent"` // Numerator / Denominator × 100, rounded half away from zero
	Defined     bool    `json:"defined"`
}

// RateOf is num / den as a Rate.
func RateOf(num, den int64) Rate {
	if den == 0 {
		return Rate{Numerator: num}
	}
	return Rate{Numerator: num, Denominator: den, Percent: scaledRound(num, 100, den), Defined: true}
}

// scaledRound is num × scale / den rounded to 2 decimals, half away from zero, computed on
// integers so that 2 × 6 / 3 is exactly 4.00 and 1 × 100 / 8 exactly 12.50 (floating
// point would give 3.9999… and risk rounding 12.5 the wrong way in other cases).
// den must not be zero.
func scaledRound(num, scale, den int64) float64 {
	return float64(roundDiv(num*scale*100, den)) / 100
}

// ratio4 is num / den rounded to 4 decimals (a percentage with 2). den must not be zero.
func ratio4(num, den int64) float64 { return float64(roundDiv(num*10000, den)) / 10000 }

// roundDiv is n / d rounded to the nearest integer, half away from zero.
func roundDiv(n, d int64) int64 {
	if d < 0 {
		n, d = -n, -d
	}
	if n < 0 {
		return -((2*-n + d) / (2 * d))
	}
	return (2*n + d) / (2 * d)
}

// round2 rounds x to 2 decimals, half away from zero; for sums of values that already have
// 2 decimals, where floating point leaves crumbs such as 17.990000000000002.
func round2(x float64) float64 {
	if x < 0 {
		return -round2(-x)
	}
	return float64(int64(x*100+0.5)) / 100
}
