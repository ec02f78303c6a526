package calendar

import "math"

// A lunar period runs from the start of month 11 (the month holding the winter solstice)
// of one Gregorian year to the start of month 11 of the next. Period P begins in late
// November or December of P−1: its months 11 and 12 belong to lunar year P−1, the rest to
// lunar year P. When the period holds 13 months, the first month after month 11 without a
// major solar term is the leap month and repeats the number of the month before it.
type lunarPeriod struct {
	year   int     // P
	count  int     // 12 or 13
	starts [14]int // day numbers; starts[count] is the start of the next period
	months [13]int8
	leap   int // index of the leap month, or -1
	first  int // index of month 1, the first month of lunar year P
}

var lunarPeriods = yearCache[*lunarPeriod]{build: buildLunarPeriod}

// month11 returns the number k of the new moon that starts month 11 of Gregorian year y.
func month11(y int) int {
	dec31 := daysFromCivil(y, 12, 31)
	k := int(math.Floor((float64(dec31+unixEpochJDN) - newMoonEpoch) / synodicMonth))
	for newMoonDay(k+1) <= dec31 {
		k++
	}
	for newMoonDay(k) > dec31 {
		k--
	}
	// The last new moon of December starts month 11 only if the solstice (270°) has not
	// happened before its first day; otherwise month 11 began one lunation earlier.
	if solarSector(newMoonDay(k)) >= 9 {
		k--
	}
	return k
}

func buildLunarPeriod(p int) *lunarPeriod {
	k0, k1 := month11(p-1), month11(p)
	lp := &lunarPeriod{year: p, count: k1 - k0, leap: -1}
	for i := 0; i <= lp.count; i++ {
		lp.starts[i] = newMoonDay(k0 + i)
	}
	if lp.count == 13 {
		prev := solarSector(lp.starts[1])
		for i := 1; i < 13; i++ {
			next := solarSector(lp.starts[i+1])
			if next == prev {
				lp.leap = i
				break
			}
			prev = next
		}
	}
	n := 11
	for i := 0; i < lp.count; i++ {
		if i > 0 && i != lp.leap {
			n = n%12 + 1
		}
		lp.months[i] = int8(n)
		if n == 1 && i != lp.leap && lp.first == 0 {
			lp.first = i
		}
	}
	return lp
}

// yearOf tells which lunar year the i-th month of the period belongs to.
func (lp *lunarPeriod) yearOf(i int) int {
	if i < lp.first {
		return lp.year - 1
	}
	return lp.year
}
