package web

import (
	"fmt"
	"strings"
	"time"

	"github.com/motcua/motcua/calendar"
)

// monthGrid is one month of the year-at-a-glance page, in weeks from Monday to Sunday.
type monthGrid struct {
	Name  string
	Weeks [][7]dayCell
}

// dayCell is one day of a month grid; Day is 0 for the blanks around the month.
type dayCell struct {
	Day     int
	Weekend bool
	Kind    string // kind of special day, "" for an ordinary one
	Title   string // tooltip: weekday, date, lunar date, and each special day with its source
	Lunar   string // lunar day; "1/M" on the first day of a lunar month
	Today   bool
}

// yearGrid lays out the twelve months of year with the year's special days marked.
func yearGrid(l lang, year int, entries []calendar.Entry, today calendar.Date) []monthGrid {
	byDate := map[calendar.Date][]calendar.Entry{}
	for _, e := range entries {
		byDate[e.Date] = append(byDate[e.Date], e)
	}
	months := make([]monthGrid, 12)
	for m := range months {
		first := calendar.D(year, time.Month(m+1), 1)
		g := monthGrid{Name: monthName(l, time.Month(m+1))}
		week := [7]dayCell{}
		col := (int(first.Weekday()) + 6) % 7 // Monday = 0
		for d := first; d.Month == first.Month; d = d.AddDays(1) {
			week[col] = dayCellOf(l, d, byDate[d], today)
			if col++; col == 7 {
				g.Weeks = append(g.Weeks, week)
				week, col = [7]dayCell{}, 0
			}
		}
		if col > 0 {
			g.Weeks = append(g.Weeks, week)
		}
		months[m] = g
	}
	return months
}

func dayCellOf(l lang, d calendar.Date, es []calendar.Entry, today calendar.Date) dayCell {
	wd := d.Weekday()
	lu := calendar.ToLunar(d)
	c := dayCell{Day: d.Day, Weekend: wd == time.Saturday || wd == time.Sunday, Today: d == today,
		Lunar: fmt.Sprint(lu.Day)}
	if lu.Day == 1 {
		c.Lunar = "1/" + lunarMonth(lu)
	}
	title := []string{fmt.Sprintf("%s %02d/%02d/%04d — %s %d/%s", weekdayName(l, wd), d.Day, d.Month, d.Year,
		l.S("âm lịch", "lunar"), lu.Day, lunarMonth(lu))}
	for i, e := range es {
		if i == 0 {
			c.Kind = string(e.Kind)
		}
		title = append(title, fmt.Sprintf("%s: %s (%s)", kindLabel(l, e.Kind), e.Name, e.Source))
	}
	c.Title = strings.Join(title, "\n")
	return c
}

// lunarMonth writes the lunar month's number, with "n" (nhuận) after a leap month.
func lunarMonth(lu calendar.LunarDate) string {
	if lu.Leap {
		return fmt.Sprintf("%dn", lu.Month)
	}
	return fmt.Sprint(lu.Month)
}

func monthName(l lang, m time.Month) string {
	if l.EN() {
		return m.String()
	}
	return fmt.Sprintf("Tháng %d", m)
}

func weekdayName(l lang, wd time.Weekday) string {
	if l.EN() {
		return wd.String()
	}
	return calendar.WeekdayName(wd)
}

// weekdayHeads are the column heads of a month grid, Monday first.
func weekdayHeads(l lang) []string {
	if l.EN() {
		return []string{"Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"}
	}
	return []string{"T2", "T3", "T4", "T5", "T6", "T7", "CN"}
}

func kindLabel(l lang, k calendar.Kind) string {
	if !l.EN() {
		return k.Label()
	}
	switch k {
	case calendar.Holiday:
		return "Public holiday"
	case calendar.Compensatory:
		return "Compensatory day off"
	case calendar.SwapOff:
		return "Swapped day off"
	case calendar.MakeupWorkday:
		return "Make-up working day"
	}
	return string(k)
}
