package pdf

import (
	"fmt"
	"time"
)

// vietnam is UTC+7, kept since 1975 with no daylight saving; a fixed zone avoids depending
// on the zone database being installed.
var vietnam = time.FixedZone("ICT", 7*3600)

const (
	blankDate    = "ngày ..... tháng ..... năm .........."
	blankInstant = "..... giờ ..... phút, " + blankDate
	blankShort   = "..../..../........"
)

// longDate writes "ngày 05 tháng 01 năm 2026": as Decree 30/2020 asks, days below 10 and
// months below 3 take a leading zero.
func longDate(t time.Time) string {
	if t.IsZero() {
		return blankDate
	}
	t = t.In(vietnam)
	month := fmt.Sprint(int(t.Month()))
	if t.Month() < 3 {
		month = fmt.Sprintf("%02d", int(t.Month()))
	}
	return fmt.Sprintf("ngày %02d tháng %s năm %d", t.Day(), month, t.Year())
}

// longInstant writes "14 giờ 30 phút, ngày 28 tháng 11 năm 2026".
func longInstant(t time.Time) string {
	if t.IsZero() {
		return blankInstant
	}
	v := t.In(vietnam)
	return fmt.Sprintf("%02d giờ %02d phút, %s", v.Hour(), v.Minute(), longDate(t))
}

// shortDate writes "28/11/2026", for table cells.
func shortDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(vietnam).Format("02/01/2006")
}

// shortInstant writes "28/11/2026 14:30", for table cells; narrow cells wrap it at the space.
func shortInstant(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(vietnam).Format("02/01/2006 15:04")
}

// placeDate writes the place-and-date line under the motto: "Hà Nội, ngày 28 tháng 11 năm 2026".
func placeDate(place string, t time.Time) string {
	if place == "" {
		place = "................"
	}
	return place + ", " + longDate(t)
}

// orDots stands in for a value the officer will fill by hand.
func orDots(s string) string {
	if s == "" {
		return "............................................................"
	}
	return s
}

// orFewDots is orDots for short values such as counts.
func orFewDots(s string) string {
	if s == "" {
		return "........"
	}
	return s
}
