package web

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/motcua/motcua/calendar"
	"github.com/motcua/motcua/report"
)

// Numbers on the dashboard are written the way the reader's language writes them:
// 1.234 and 77,78 % in Vietnamese, 1,234 and 77.78 % in English.

// fmtInt groups thousands.
func fmtInt(l lang, n int) string {
	s := strconv.Itoa(max(n, -n))
	sep := l.S(".", ",")
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + sep + s[i:]
	}
	if n < 0 {
		return "−" + s
	}
	return s
}

// fmtDec writes x with up to two decimals (trailing zeros dropped).
func fmtDec(l lang, x float64) string {
	s := strconv.FormatFloat(x, 'f', 2, 64)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	if s == "-0" {
		s = "0"
	}
	if l != langEN {
		s = strings.Replace(s, ".", ",", 1)
	}
	return strings.Replace(s, "-", "−", 1)
}

// fmtRate is the percentage, or "—" when the rate has no denominator.
func fmtRate(l lang, r report.Rate) string {
	if !r.Defined {
		return "—"
	}
	return fmtDec(l, r.Percent) + " %"
}

// fmtRatio is "numerator / denominator" of a rate.
func fmtRatio(l lang, r report.Rate) string {
	return fmtInt(l, int(r.Numerator)) + " / " + fmtInt(l, int(r.Denominator))
}

// fmtDays writes working time in working days of the calendar's length.
func fmtDays(l lang, d, day time.Duration) string {
	if day <= 0 {
		day = 8 * time.Hour
	}
	return fmtDec(l, float64(d)/float64(day))
}

// formatDate writes a day as Vietnamese pages do, dd/mm/yyyy.
func formatDate(d calendar.Date) string { return fmt.Sprintf("%02d/%02d/%04d", d.Day, d.Month, d.Year) }
