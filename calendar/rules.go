package calendar

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"time"
)

// Kind classifies a day in the holiday list.
type Kind string

const (
	Holiday       Kind = "holiday"        // ngày nghỉ lễ, tết (Labour Code art. 112)
	Compensatory  Kind = "compensatory"   // nghỉ bù: a holiday fell on a weekly rest day
	SwapOff       Kind = "swap_off"       // nghỉ hoán đổi: a working day given off by decision
	MakeupWorkday Kind = "makeup_workday" // làm bù: a Saturday worked in exchange
)

// Rule is a recurring holiday: a day of the solar or lunar calendar, possibly several days
// long and shifted from its anchor. Rules are data so that a new holiday (24/11 is
// planned) is one more entry, not a code change.
type Rule struct {
	Key      string   `json:"key"`                 // stable name that decisions refer to
	Name     string   `json:"name"`                // Vietnamese name shown to users
	DayNames []string `json:"day_names,omitempty"` // optional name of each day of a multi-day holiday
	Lunar    bool     `json:"lunar,omitempty"`     // Month and Day are lunar
	Month    int      `json:"month"`
	Day      int      `json:"day"`
	// Offset moves the first day from the anchor (−1 for Tết: the last day of the old
	// year). OffsetOn replaces it when the anchor falls on the named weekday, e.g. the day
	// next to 2/9 follows it on Monday and Thursday (see holidays.json).
	Offset   int            `json:"offset,omitempty"`
	OffsetOn map[string]int `json:"offset_on,omitempty"`
	Days     int            `json:"days,omitempty"`  // length in days; 0 means 1
	From     int            `json:"from,omitempty"`  // first year the rule applies; 0 = always
	Until    int            `json:"until,omitempty"` // last year; 0 = no end
	Source   string         `json:"source"`          // legal basis
}

// Decision is one official day for one year, as the Government or the Ministry announces
// it: an extra day off, a make-up Saturday, or the placement of a holiday. It is a plain
// record so that it can live in a database table.
//
// A Holiday decision naming a Rule replaces that rule's default placement for the year of
// its Date: all decisions for the same rule and year together form the new placement.
type Decision struct {
	Date   Date   `json:"date"`
	Kind   Kind   `json:"kind"`
	Name   string `json:"name"`
	Source string `json:"source"`         // document number, e.g. 12729/VPCP-KGVX
	Rule   string `json:"rule,omitempty"` // key of the rule this decision places
	Note   string `json:"note,omitempty"` // free remark, e.g. what is still unverified
}

// Rules is the whole holiday policy: recurring rules and dated official decisions.
type Rules struct {
	Rules     []Rule     `json:"rules"`
	Decisions []Decision `json:"decisions"`
}

// maxRulesJSON bounds what LoadRules reads; a real policy is a few kilobytes.
const maxRulesJSON = 1 << 20

// LoadRules reads a Rules document as JSON and validates it. Unknown fields are an error,
// so that a misspelt key does not silently drop a holiday.
func LoadRules(r io.Reader) (*Rules, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxRulesJSON+1))
	if err != nil {
		return nil, fmt.Errorf("không đọc được quy tắc ngày nghỉ / cannot read holiday rules: %w", err)
	}
	if len(data) > maxRulesJSON {
		return nil, errors.New("tệp quy tắc ngày nghỉ quá lớn (tối đa 1 MB) / holiday rules file too large (1 MB max)")
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var rs Rules
	if err := dec.Decode(&rs); err != nil {
		return nil, fmt.Errorf("quy tắc ngày nghỉ không phải JSON hợp lệ / holiday rules are not valid JSON: %w", err)
	}
	if dec.More() {
		return nil, errors.New("dữ liệu thừa sau quy tắc ngày nghỉ / trailing data after holiday rules")
	}
	if err := rs.Validate(); err != nil {
		return nil, err
	}
	return &rs, nil
}

// WithDecisions returns a deep copy of rs with more decisions, e.g. those an
// administrator stored in the database. The copy shares nothing with rs, so a Calendar
// built from it cannot be changed behind its back.
func (rs *Rules) WithDecisions(ds ...Decision) *Rules {
	out := &Rules{Rules: make([]Rule, len(rs.Rules))}
	for i, r := range rs.Rules {
		r.DayNames = slices.Clone(r.DayNames)
		r.OffsetOn = maps.Clone(r.OffsetOn)
		out.Rules[i] = r
	}
	out.Decisions = append(slices.Clone(rs.Decisions), ds...)
	return out
}

// FieldError points at the field of a rule or decision that is wrong.
type FieldError struct {
	Field   string // e.g. "rules[2].month"
	Message string // "Vietnamese / English"
}

func (e *FieldError) Error() string { return e.Field + ": " + e.Message }

// Validate checks every rule and decision and reports the first problem.
func (rs *Rules) Validate() error {
	keys := map[string]bool{}
	for i, r := range rs.Rules {
		if err := r.validate(); err != nil {
			err.Field = fmt.Sprintf("rules[%d].%s", i, err.Field)
			return err
		}
		if keys[r.Key] {
			return &FieldError{fmt.Sprintf("rules[%d].key", i), "khóa quy tắc bị trùng / duplicate rule key"}
		}
		keys[r.Key] = true
	}
	for i, d := range rs.Decisions {
		if err := d.validate(keys); err != nil {
			err.Field = fmt.Sprintf("decisions[%d].%s", i, err.Field)
			return err
		}
	}
	return nil
}

func (r *Rule) validate() *FieldError {
	maxDay := 31
	if r.Lunar {
		maxDay = 30
	}
	switch {
	case strings.TrimSpace(r.Key) == "":
		return &FieldError{"key", "thiếu khóa quy tắc / missing rule key"}
	case strings.TrimSpace(r.Name) == "":
		return &FieldError{"name", "thiếu tên ngày nghỉ / missing holiday name"}
	case r.Month < 1 || r.Month > 12:
		return &FieldError{"month", "tháng phải từ 1 đến 12 / month must be 1 to 12"}
	case r.Day < 1 || r.Day > maxDay:
		return &FieldError{"day", fmt.Sprintf("ngày phải từ 1 đến %d / day must be 1 to %d", maxDay, maxDay)}
	case r.Days < 0 || r.Days > 31:
		return &FieldError{"days", "số ngày nghỉ phải từ 1 đến 31 / days must be 1 to 31"}
	case r.Offset < -31 || r.Offset > 31:
		return &FieldError{"offset", "độ lệch phải từ -31 đến 31 / offset must be -31 to 31"}
	case len(r.DayNames) > 0 && len(r.DayNames) != r.length():
		return &FieldError{"day_names", "số tên ngày phải bằng số ngày nghỉ / day_names must have one name per day"}
	case r.Until != 0 && r.Until < r.From:
		return &FieldError{"until", "năm kết thúc trước năm bắt đầu / until is before from"}
	}
	for name, off := range r.OffsetOn {
		if _, ok := weekdayNames[name]; !ok {
			return &FieldError{"offset_on", fmt.Sprintf("thứ không hợp lệ %q / unknown weekday %q", name, name)}
		}
		if off < -31 || off > 31 {
			return &FieldError{"offset_on", "độ lệch phải từ -31 đến 31 / offset must be -31 to 31"}
		}
	}
	return nil
}

func (d *Decision) validate(ruleKeys map[string]bool) *FieldError {
	switch {
	case d.Date.IsZero():
		return &FieldError{"date", "thiếu ngày / missing date"}
	case d.Kind != Holiday && d.Kind != SwapOff && d.Kind != MakeupWorkday:
		return &FieldError{"kind", fmt.Sprintf("loại không hợp lệ %q, cần holiday, swap_off hoặc makeup_workday / unknown kind %q, want holiday, swap_off or makeup_workday", d.Kind, d.Kind)}
	case strings.TrimSpace(d.Name) == "":
		return &FieldError{"name", "thiếu tên / missing name"}
	case strings.TrimSpace(d.Source) == "":
		return &FieldError{"source", "thiếu số văn bản / missing source document"}
	case d.Rule != "" && d.Kind != Holiday:
		return &FieldError{"rule", "chỉ ngày nghỉ lễ mới gắn với quy tắc / only holiday decisions refer to a rule"}
	case d.Rule != "" && !ruleKeys[d.Rule]:
		return &FieldError{"rule", fmt.Sprintf("không có quy tắc %q / no rule %q", d.Rule, d.Rule)}
	case d.Kind == MakeupWorkday && d.Date.Weekday() != time.Saturday && d.Date.Weekday() != time.Sunday:
		return &FieldError{"date", "ngày làm bù phải là thứ Bảy hoặc Chủ nhật / a make-up workday must be a Saturday or Sunday"}
	}
	return nil
}

func (r *Rule) length() int { return max(r.Days, 1) }

func (r *Rule) appliesIn(year int) bool {
	return (r.From == 0 || year >= r.From) && (r.Until == 0 || year <= r.Until)
}

var weekdayNames = map[string]time.Weekday{
	"sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday,
	"thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday,
}
