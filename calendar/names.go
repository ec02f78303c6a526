package calendar

import "time"

var weekdaysVI = [7]string{"Chủ nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"}

// WeekdayName returns the Vietnamese name of a weekday ("Thứ Hai").
func WeekdayName(wd time.Weekday) string { return weekdaysVI[wd%7] }

// Label returns the Vietnamese label of a kind of day, for lists shown to users.
func (k Kind) Label() string {
	switch k {
	case Holiday:
		return "Nghỉ lễ, tết"
	case Compensatory:
		return "Nghỉ bù"
	case SwapOff:
		return "Nghỉ hoán đổi"
	case MakeupWorkday:
		return "Làm bù"
	}
	return string(k)
}

// Label returns the Vietnamese unit of a span: "ngày làm việc", "giờ làm việc" or "ngày".
func (u Unit) Label() string {
	switch u {
	case WorkingHours:
		return "giờ làm việc"
	case CalendarDays:
		return "ngày"
	}
	return "ngày làm việc"
}
