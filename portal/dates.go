package portal

import (
	"time"

	"github.com/motcua/motcua/calendar"
)

// dateLayout is the portal's yyyyMMddHHmmss, always in Vietnam time.
const dateLayout = "20060102150405"

// FormatTime writes t as the portal's date string in Asia/Ho_Chi_Minh; the zero time is
// the empty string, which the portal reads as "not set".
func FormatTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(calendar.Vietnam).Format(dateLayout)
}

// ParseTime reads a portal date string as Vietnam wall-clock time.
func ParseTime(s string) (time.Time, error) {
	return time.ParseInLocation(dateLayout, s, calendar.Vietnam)
}
