package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/motcua/motcua/calendar"
)

const calendarUsage = `cách dùng / usage:
  motcua calendar lunar YYYY-MM-DD [--json]            dương lịch → âm lịch / solar → lunar
  motcua calendar solar YYYY-MM-DD [--leap] [--json]   âm lịch → dương lịch / lunar → solar
  motcua calendar holidays YYYY [--json]               ngày nghỉ của năm / holidays of a year
  motcua calendar due START SPAN [--json]              hạn xử lý / deadline (SPAN: 15d, 4h, 30cd)
  motcua calendar between FROM TO [--json]             giờ làm việc đã trôi qua / working hours elapsed
tùy chọn / options:
  --sessions 07:00-11:30,13:30-17:00   giờ làm việc / office hours (mặc định / default 08:00-12:00,13:00-17:00)
  --rules rules.json                   thay bộ quy tắc ngày nghỉ có sẵn / replace the built-in holiday rules`

// calendarArgs are the parsed command line; flags may come before or after positionals.
type calendarArgs struct {
	pos      []string
	json     bool
	leap     bool
	sessions string
	rules    string
	help     bool
}

func parseCalendarArgs(args []string) (calendarArgs, error) {
	var a calendarArgs
	for i := 0; i < len(args); i++ {
		arg := args[i]
		if !strings.HasPrefix(arg, "-") || len(arg) == 1 {
			a.pos = append(a.pos, arg)
			continue
		}
		name, value, hasValue := strings.Cut(strings.TrimLeft(arg, "-"), "=")
		takeValue := func() (string, error) {
			if hasValue {
				return value, nil
			}
			if i+1 >= len(args) {
				return "", fmt.Errorf("thiếu giá trị cho --%s / missing value for --%s", name, name)
			}
			i++
			return args[i], nil
		}
		var err error
		switch name {
		case "json":
			a.json = true
		case "leap":
			a.leap = true
		case "h", "help":
			a.help = true
		case "sessions":
			a.sessions, err = takeValue()
		case "rules":
			a.rules, err = takeValue()
		default:
			err = fmt.Errorf("tùy chọn không hỗ trợ %q / unknown option %q", arg, arg)
		}
		if err != nil {
			return a, err
		}
	}
	return a, nil
}

// runCalendar runs `motcua calendar ...`.
func runCalendar(args []string, stdout io.Writer) error {
	a, err := parseCalendarArgs(args)
	if err != nil {
		return err
	}
	if a.help {
		_, err := fmt.Fprintln(stdout, calendarUsage)
		return err
	}
	if len(a.pos) == 0 {
		return errors.New("thiếu lệnh con / missing subcommand\n" + calendarUsage)
	}
	want := map[string]int{"lunar": 1, "solar": 1, "holidays": 1, "due": 2, "between": 2}
	n, ok := want[a.pos[0]]
	if !ok {
		return fmt.Errorf("lệnh con không hỗ trợ %q / unknown subcommand %q\n%s", a.pos[0], a.pos[0], calendarUsage)
	}
	if len(a.pos)-1 != n {
		return fmt.Errorf("lệnh %s cần %d tham số, nhận %d / %s needs %d arguments, got %d",
			a.pos[0], n, len(a.pos)-1, a.pos[0], n, len(a.pos)-1)
	}
	p := a.pos[1:]
	switch a.pos[0] {
	case "lunar":
		return cmdLunar(stdout, a, p[0])
	case "solar":
		return cmdSolar(stdout, a, p[0])
	}
	cal, err := cliCalendar(a)
	if err != nil {
		return err
	}
	switch a.pos[0] {
	case "holidays":
		return cmdHolidays(stdout, a, cal, p[0])
	case "due":
		return cmdDue(stdout, a, cal, p[0], p[1])
	default:
		return cmdBetween(stdout, a, cal, p[0], p[1])
	}
}

// cliCalendar is the built-in calendar unless --rules or --sessions replace a part of it.
func cliCalendar(a calendarArgs) (*calendar.Calendar, error) {
	if a.rules == "" && a.sessions == "" {
		return calendar.Default(), nil
	}
	rules := calendar.DefaultRules()
	if a.rules != "" {
		f, err := os.Open(a.rules)
		if err != nil {
			return nil, fmt.Errorf("không mở được tệp quy tắc %q / cannot open rules file %q: %w", a.rules, a.rules, err)
		}
		defer f.Close()
		if rules, err = calendar.LoadRules(f); err != nil {
			return nil, err
		}
	}
	var cfg calendar.Config
	if a.sessions != "" {
		s, err := calendar.ParseSessions(a.sessions)
		if err != nil {
			return nil, err
		}
		cfg.Sessions = s
	}
	return calendar.New(rules, cfg)
}

type lunarJSON struct {
	Solar calendar.Date      `json:"solar"`
	Lunar calendar.LunarDate `json:"lunar"`
}

func cmdLunar(w io.Writer, a calendarArgs, arg string) error {
	d, err := parseCLIDate(arg)
	if err != nil {
		return err
	}
	l := calendar.ToLunar(d)
	if a.json {
		return writeJSON(w, lunarJSON{d, l})
	}
	_, err = fmt.Fprintf(w, "Ngày %s (%s) dương lịch là %s âm lịch\n", d, calendar.WeekdayName(d.Weekday()), lunarText(l))
	return err
}

func cmdSolar(w io.Writer, a calendarArgs, arg string) error {
	d, err := parseCLIDate(arg)
	if err != nil {
		return err
	}
	l := calendar.LunarDate{Year: d.Year, Month: int(d.Month), Day: d.Day, Leap: a.leap}
	s, err := calendar.FromLunar(l)
	if err != nil {
		return err
	}
	if a.json {
		return writeJSON(w, lunarJSON{s, l})
	}
	_, err = fmt.Fprintf(w, "Âm lịch %s là ngày %s (%s) dương lịch\n", lunarText(l), s, calendar.WeekdayName(s.Weekday()))
	return err
}

func lunarText(l calendar.LunarDate) string {
	leap := ""
	if l.Leap {
		leap = " nhuận"
	}
	return fmt.Sprintf("ngày %d tháng %d%s năm %s (%d)", l.Day, l.Month, leap, l.YearName(), l.Year)
}

func cmdHolidays(w io.Writer, a calendarArgs, cal *calendar.Calendar, arg string) error {
	year, err := strconv.Atoi(arg)
	if err != nil || year < minCLIYear || year > maxCLIYear {
		return fmt.Errorf("năm không hợp lệ %q, cần từ %d đến %d / invalid year %q, want %d to %d",
			arg, minCLIYear, maxCLIYear, arg, minCLIYear, maxCLIYear)
	}
	entries := cal.Holidays(year)
	if a.json {
		if entries == nil {
			entries = []calendar.Entry{}
		}
		return writeJSON(w, entries)
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	for _, e := range entries {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", e.Date, calendar.WeekdayName(e.Date.Weekday()), e.Kind.Label(), e.Name, e.Source)
	}
	return tw.Flush()
}

type dueJSON struct {
	Start    string        `json:"start"`
	Duration calendar.Span `json:"duration"`
	Due      string        `json:"due"`
}

func cmdDue(w io.Writer, a calendarArgs, cal *calendar.Calendar, startArg, spanArg string) error {
	start, err := parseInstant(startArg, cal.Location())
	if err != nil {
		return err
	}
	span, err := calendar.ParseSpan(spanArg)
	if err != nil {
		return err
	}
	due := cal.Due(start, span)
	if a.json {
		return writeJSON(w, dueJSON{rfc3339(start, cal), span, rfc3339(due, cal)})
	}
	_, err = fmt.Fprintf(w, "Bắt đầu %s, thời hạn %s %s → hạn %s\n",
		humanTime(start, cal), strconv.FormatFloat(span.Value, 'f', -1, 64), span.Unit.Label(), humanTime(due, cal))
	return err
}

type betweenJSON struct {
	From  string  `json:"from"`
	To    string  `json:"to"`
	Hours float64 `json:"hours"`
}

func cmdBetween(w io.Writer, a calendarArgs, cal *calendar.Calendar, fromArg, toArg string) error {
	from, err := parseInstant(fromArg, cal.Location())
	if err != nil {
		return err
	}
	to, err := parseInstant(toArg, cal.Location())
	if err != nil {
		return err
	}
	hours := cal.WorkingBetween(from, to).Hours()
	if a.json {
		return writeJSON(w, betweenJSON{rfc3339(from, cal), rfc3339(to, cal), hours})
	}
	_, err = fmt.Fprintf(w, "Từ %s đến %s: %s giờ làm việc\n",
		humanTime(from, cal), humanTime(to, cal), strconv.FormatFloat(hours, 'f', -1, 64))
	return err
}

// The CLI accepts four-digit years only; the lunar tables are checked for 1900–2199 and
// computed, with growing uncertainty, outside that range.
const minCLIYear, maxCLIYear = 1000, 9999

func parseCLIDate(s string) (calendar.Date, error) {
	d, err := calendar.ParseDate(s)
	if err != nil {
		return d, err
	}
	if d.Year < minCLIYear {
		return d, fmt.Errorf("năm %d ngoài phạm vi %d–%d / year %d is outside %d–%d", d.Year, minCLIYear, maxCLIYear, d.Year, minCLIYear, maxCLIYear)
	}
	return d, nil
}

// instantLayouts are tried in order; the ones without a zone are read in the calendar's
// zone, because officers type local times.
var instantLayouts = []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02 15:04:05", "2006-01-02 15:04", "2006-01-02"}

func parseInstant(s string, loc *time.Location) (time.Time, error) {
	for _, layout := range instantLayouts {
		t, err := time.ParseInLocation(layout, s, loc)
		if err != nil {
			continue
		}
		if t.Year() < minCLIYear {
			break
		}
		return t, nil
	}
	return time.Time{}, fmt.Errorf("thời điểm không hợp lệ %q, cần dạng 2026-02-10T09:00:00+07:00 hoặc 2026-02-10 09:00 / invalid instant %q, want 2026-02-10T09:00:00+07:00 or 2026-02-10 09:00", s, s)
}

func rfc3339(t time.Time, cal *calendar.Calendar) string {
	return t.In(cal.Location()).Format(time.RFC3339)
}

func humanTime(t time.Time, cal *calendar.Calendar) string {
	t = t.In(cal.Location())
	return t.Format("2006-01-02 15:04") + " (" + calendar.WeekdayName(t.Weekday()) + ")"
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
