package calendar

import "fmt"

// LunarDate is a date of the Vietnamese lunisolar calendar (âm lịch), computed for the
// meridian of UTC+7. Year is the Gregorian year in which the lunar year begins; Leap marks
// the intercalary month (tháng nhuận), which repeats the number of the month before it.
//
// The tables are computed, not stored, so any year works; they were checked against the
// published calendar for 1900–2199. Before 1967 the North used the UTC+8 calendar, so
// dates of that time may differ by a day from period almanacs.
type LunarDate struct {
	Year  int  `json:"year"`
	Month int  `json:"month"`
	Day   int  `json:"day"`
	Leap  bool `json:"leap"`
}

// Years outside 1–9999 are refused: there the astronomical series no longer describe the
// sky, and the tables could not be trusted to be consistent.
const minLunarYear, maxLunarYear = 1, 9999

// ToLunar converts a civil date to the lunar calendar. Dates outside the years 1–9999
// give the zero LunarDate.
func ToLunar(d Date) LunarDate {
	n := d.dayNumber()
	y, _, _ := civilFromDays(n)
	if y < minLunarYear || y > maxLunarYear {
		return LunarDate{}
	}
	lp := lunarPeriods.get(y + 1)
	if n < lp.starts[0] {
		lp = lunarPeriods.get(y)
	}
	i := lp.count - 1
	for n < lp.starts[i] {
		i--
	}
	return LunarDate{
		Year:  lp.yearOf(i),
		Month: int(lp.months[i]),
		Day:   n - lp.starts[i] + 1,
		Leap:  i == lp.leap,
	}
}

// FromLunar converts a lunar date to the civil date. It fails when the month does not
// exist that year (a leap month the year does not have) or the month is shorter than Day.
func FromLunar(l LunarDate) (Date, error) {
	if l.Month < 1 || l.Month > 12 || l.Day < 1 || l.Day > 30 {
		return Date{}, fmt.Errorf("ngày âm lịch không hợp lệ %s / invalid lunar date %s", l, l)
	}
	p := l.Year
	if l.Month >= 11 {
		p++ // months 11 and 12 open the next period
	}
	if p < minLunarYear || p > maxLunarYear+1 {
		return Date{}, fmt.Errorf("năm âm lịch %d ngoài phạm vi %d–%d / lunar year %d is outside %d–%d",
			l.Year, minLunarYear, maxLunarYear, l.Year, minLunarYear, maxLunarYear)
	}
	lp := lunarPeriods.get(p)
	for i := 0; i < lp.count; i++ {
		if int(lp.months[i]) != l.Month || (i == lp.leap) != l.Leap || lp.yearOf(i) != l.Year {
			continue
		}
		length := lp.starts[i+1] - lp.starts[i]
		if l.Day > length {
			return Date{}, fmt.Errorf("tháng %d âm lịch năm %d chỉ có %d ngày / lunar month %d of %d has only %d days",
				l.Month, l.Year, length, l.Month, l.Year, length)
		}
		return dateOfDay(lp.starts[i] + l.Day - 1), nil
	}
	return Date{}, fmt.Errorf("năm âm lịch %d không có tháng %d nhuận / lunar year %d has no leap month %d",
		l.Year, l.Month, l.Year, l.Month)
}

// LeapMonth returns the number of the leap month of lunar year y, or 0 if it has none.
func LeapMonth(y int) int {
	if y < minLunarYear || y > maxLunarYear {
		return 0
	}
	for _, p := range [2]int{y, y + 1} {
		lp := lunarPeriods.get(p)
		if lp.leap >= 0 && lp.yearOf(lp.leap) == y {
			return int(lp.months[lp.leap])
		}
	}
	return 0
}

// String prints the lunar date as YYYY-MM-DD, with "L" after the month when it is leap.
func (l LunarDate) String() string {
	leap := ""
	if l.Leap {
		leap = "L"
	}
	return fmt.Sprintf("%04d-%02d%s-%02d", l.Year, l.Month, leap, l.Day)
}

var (
	heavenlyStems   = [10]string{"Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ", "Canh", "Tân", "Nhâm", "Quý"}
	earthlyBranches = [12]string{"Tý", "Sửu", "Dần", "Mão", "Thìn", "Tỵ", "Ngọ", "Mùi", "Thân", "Dậu", "Tuất", "Hợi"}
)

// YearName returns the sexagenary name of the lunar year (can chi), e.g. "Bính Ngọ" for
// 2026. The cycle is anchored on year 4, a Giáp Tý year.
func (l LunarDate) YearName() string {
	return heavenlyStems[((l.Year+6)%10+10)%10] + " " + earthlyBranches[((l.Year+8)%12+12)%12]
}
