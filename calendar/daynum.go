package calendar

import "time"

// Day numbers count civil days from 1970-01-01 (day 0). The lunar tables and the working-day
// tables are indexed by them, so converting must be cheap arithmetic, not time.Date calls.

// unixEpochJDN is the Julian Day Number of 1970-01-01.
const unixEpochJDN = 2440588

func floorDiv(a, b int) int {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

// daysFromCivil converts a proleptic Gregorian date to a day number. It shifts the year to
// start in March so that the leap day is the last day of the shifted year.
func daysFromCivil(y, m, d int) int {
	if m <= 2 {
		y--
	}
	era := floorDiv(y, 400)
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

// civilFromDays is the inverse of daysFromCivil.
func civilFromDays(n int) (y, m, d int) {
	n += 719468
	era := floorDiv(n, 146097)
	doe := n - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d = doy - (153*mp+2)/5 + 1
	if mp < 10 {
		m = mp + 3
	} else {
		m = mp - 9
	}
	y = yoe + era*400
	if m <= 2 {
		y++
	}
	return y, m, d
}

// dayNumber returns the day number of d; a Date built by hand with an out-of-range month is
// normalised the way time.Date does it.
func (d Date) dayNumber() int {
	if d.Month < 1 || d.Month > 12 {
		d = D(d.Year, d.Month, d.Day)
	}
	return daysFromCivil(d.Year, int(d.Month), d.Day)
}

func dateOfDay(n int) Date {
	y, m, d := civilFromDays(n)
	return Date{y, time.Month(m), d}
}

// weekdayOfDay works because 1970-01-01 was a Thursday.
func weekdayOfDay(n int) time.Weekday {
	return time.Weekday(((n+4)%7 + 7) % 7)
}
