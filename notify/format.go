package notify

import (
	"strconv"
	"time"
)

// Vietnam keeps UTC+7 all year, so a fixed zone needs no tz database.
var vietnam = time.FixedZone("ICT", 7*3600)

// dateVI writes "08:00 ngày 05/12/2026", dropping a midnight hour.
func dateVI(t time.Time) string {
	t = t.In(vietnam)
	if t.Hour() == 0 && t.Minute() == 0 {
		return "ngày " + t.Format("02/01/2006")
	}
	return t.Format("15:04") + " ngày " + t.Format("02/01/2006")
}

// dateEN writes "05 Dec 2026 08:00 (UTC+7)".
func dateEN(t time.Time) string {
	t = t.In(vietnam)
	if t.Hour() == 0 && t.Minute() == 0 {
		return t.Format("02 Jan 2006")
	}
	return t.Format("02 Jan 2006 15:04") + " (UTC+7)"
}

// groupDigits writes n with sep between thousands: 1200000 → "1.200.000".
func groupDigits(n int64, sep byte) string {
	s := strconv.FormatInt(n, 10)
	neg := len(s) > 0 && s[0] == '-'
	if neg {
		s = s[1:]
	}
	out := make([]byte, 0, len(s)+len(s)/3+1)
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			out = append(out, sep)
		}
		out = append(out, s[i])
	}
	if neg {
		return "-" + string(out)
	}
	return string(out)
}

func moneyVI(n int64) string { return groupDigits(n, '.') + " đồng" }
func moneyEN(n int64) string { return "VND " + groupDigits(n, ',') }
