package calendar

import (
	"bytes"
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestHolidays2026(t *testing.T) {
	got := Default().Holidays(2026)
	want := []struct {
		date string
		kind Kind
		name string // substring
	}{
		{"2026-01-01", Holiday, "Tết Dương lịch"},
		{"2026-01-02", SwapOff, "hoán đổi"},
		{"2026-01-10", MakeupWorkday, "Làm bù"},
		{"2026-02-16", Holiday, "Tết Nguyên đán"},
		{"2026-02-17", Holiday, "Mùng 1 Tết"},
		{"2026-02-18", Holiday, "Mùng 2 Tết"},
		{"2026-02-19", Holiday, "Mùng 3 Tết"},
		{"2026-02-20", Holiday, "Mùng 4 Tết"},
		{"2026-04-26", Holiday, "Giỗ Tổ Hùng Vương"},
		{"2026-04-27", Compensatory, "Nghỉ bù Giỗ Tổ Hùng Vương"},
		{"2026-04-30", Holiday, "Chiến thắng"},
		{"2026-05-01", Holiday, "Lao động"},
		{"2026-09-01", Holiday, "Quốc khánh"},
		{"2026-09-02", Holiday, "Quốc khánh"},
	}
	if len(got) != len(want) {
		t.Fatalf("Holidays(2026) has %d entries, want %d: %v", len(got), len(want), got)
	}
	for i, w := range want {
		e := got[i]
		if e.Date.String() != w.date || e.Kind != w.kind || !strings.Contains(strings.ToLower(e.Name), strings.ToLower(w.name)) || e.Source == "" {
			t.Errorf("entry %d = %+v, want %s %s %q", i, e, w.date, w.kind, w.name)
		}
	}
	if got[9].Name != "Nghỉ bù Giỗ Tổ Hùng Vương" {
		t.Errorf("compensatory name = %q", got[9].Name)
	}
	if got[1].Source != "12729/VPCP-KGVX" || got[2].Source != "12729/VPCP-KGVX" {
		t.Errorf("New Year swap source = %q, %q", got[1].Source, got[2].Source)
	}
}

func TestHolidaysTetCoversFiveDays(t *testing.T) {
	c := Default()
	for y := 2024; y <= 2040; y++ {
		tet, _ := FromLunar(LunarDate{Year: y, Month: 1, Day: 1})
		var days []Date
		for _, e := range c.Holidays(y) {
			if e.Kind == Holiday && strings.HasPrefix(e.Name, "Tết Nguyên đán") {
				days = append(days, e.Date)
				if e.Date == tet && !strings.Contains(e.Name, "Mùng 1 Tết") {
					t.Errorf("%d: Tết's first day is named %q", y, e.Name)
				}
			}
		}
		if len(days) != 5 || days[0] != tet.AddDays(-1) || days[4] != tet.AddDays(3) {
			t.Errorf("%d: Tết days %v, want %v … %v", y, days, tet.AddDays(-1), tet.AddDays(3))
		}
	}
}

func TestHolidaysCompensatory(t *testing.T) {
	c := Default()
	tests := []struct {
		year int
		date string
		name string
	}{
		{2023, "2023-01-02", "Nghỉ bù Tết Dương lịch"},                         // 1/1 on a Sunday
		{2023, "2023-01-26", "Nghỉ bù Tết Nguyên đán (ngày cuối năm Âm lịch)"}, // Sat 21/1, after the Tết days
		{2023, "2023-01-27", "Nghỉ bù Tết Nguyên đán (Mùng 1 Tết)"},            // Sun 22/1
		{2023, "2023-05-02", "Nghỉ bù Giỗ Tổ Hùng Vương"},                      // Sat 29/4, after 1/5
		{2023, "2023-05-03", "Nghỉ bù Ngày Chiến thắng"},                       // Sun 30/4
		{2023, "2023-09-04", "Nghỉ bù Quốc khánh"},                             // Sat 2/9
		{2026, "2026-04-27", "Nghỉ bù Giỗ Tổ Hùng Vương"},                      // Sun 26/4
		{2028, "2028-01-03", "Nghỉ bù Tết Dương lịch"},                         // Sat 1/1 → Monday
	}
	for _, tt := range tests {
		e, ok := findEntry(c.Holidays(tt.year), tt.date)
		if !ok || e.Kind != Compensatory || e.Name != tt.name || e.Source != compensatorySource {
			t.Errorf("%s: got %+v (found %v), want compensatory %q", tt.date, e, ok, tt.name)
		}
	}
}

func TestHolidaysNationalDayAdjacent(t *testing.T) {
	// The default rule reproduces the days the Government chose in 2021–2025.
	c := Default()
	for year, want := range map[int]string{2021: "2021-09-03", 2022: "2022-09-01", 2023: "2023-09-01", 2024: "2024-09-03", 2025: "2025-09-01"} {
		e, ok := findEntry(c.Holidays(year), want)
		if !ok || e.Kind != Holiday || !strings.Contains(e.Name, "Quốc khánh") {
			t.Errorf("%d: no Quốc khánh adjacent day on %s", year, want)
		}
	}
}

func TestHolidaysSortedAndComplete(t *testing.T) {
	c := Default()
	for y := 2020; y <= 2035; y++ {
		es := c.Holidays(y)
		if !slices.IsSortedFunc(es, func(a, b Entry) int { return a.Date.Compare(b.Date) }) {
			t.Errorf("%d: entries are not sorted", y)
		}
		holidays := 0
		for _, e := range es {
			if e.Date.Year != y || e.Name == "" || e.Source == "" {
				t.Errorf("%d: bad entry %+v", y, e)
			}
			if e.Kind == Holiday {
				holidays++
			}
			if e.Kind == Compensatory && (e.Date.Weekday() == time.Saturday || e.Date.Weekday() == time.Sunday) {
				t.Errorf("%d: compensatory day on a weekend: %+v", y, e)
			}
		}
		// 11 days a year by art. 112, except when Tết straddles two Gregorian years (never).
		if holidays != 11 {
			t.Errorf("%d: %d holidays, want 11", y, holidays)
		}
	}
}

// A planned holiday (24/11) is one more rule, from the year it takes effect.
func TestNewHolidayIsData(t *testing.T) {
	rs := DefaultRules()
	rs.Rules = append(rs.Rules, Rule{
		Key: "culture_day", Name: "Ngày Văn hóa Việt Nam", Month: 11, Day: 24, From: 2026,
		Source: "quyết định giả định cho kiểm thử",
	})
	c := mustCalendar(t, rs, Config{})
	if _, ok := findEntry(c.Holidays(2025), "2025-11-24"); ok {
		t.Error("24/11/2025 is a holiday before the rule applies")
	}
	if e, ok := findEntry(c.Holidays(2026), "2026-11-24"); !ok || e.Kind != Holiday {
		t.Errorf("24/11/2026 = %+v, %v", e, ok)
	}
	if e, ok := findEntry(c.Holidays(2029), "2029-11-26"); !ok || e.Name != "Nghỉ bù Ngày Văn hóa Việt Nam" {
		t.Errorf("24/11/2029 is a Saturday; compensatory Monday = %+v, %v", e, ok)
	}
	if c.IsWorkingDay(D(2026, 11, 24)) || !Default().IsWorkingDay(D(2026, 11, 24)) {
		t.Error("the new rule must only change the calendar built with it")
	}
}

// A year's decisions can move a rule's days; the default placement then does not apply.
func TestDecisionMovesHoliday(t *testing.T) {
	src := "Quyết định thử nghiệm"
	rs := DefaultRules().WithDecisions(
		Decision{Date: D(2027, 9, 3), Kind: Holiday, Name: "Quốc khánh (ngày liền kề)", Source: src, Rule: "national_day_adjacent"},
		Decision{Date: D(2027, 12, 31), Kind: Holiday, Name: "Nghỉ đặc biệt", Source: src},
	)
	c := mustCalendar(t, rs, Config{})
	es := c.Holidays(2027)
	if _, ok := findEntry(es, "2027-09-01"); ok {
		t.Error("default adjacent day 1/9/2027 is still there")
	}
	if e, ok := findEntry(es, "2027-09-03"); !ok || e.Source != src {
		t.Errorf("moved day = %+v, %v", e, ok)
	}
	if e, ok := findEntry(es, "2027-12-31"); !ok || e.Kind != Holiday {
		t.Errorf("one-off holiday = %+v, %v", e, ok)
	}
}

func TestLoadRulesRoundTrip(t *testing.T) {
	var buf bytes.Buffer
	if err := json.NewEncoder(&buf).Encode(DefaultRules()); err != nil {
		t.Fatal(err)
	}
	rs, err := LoadRules(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(rs, DefaultRules()) {
		t.Error("rules changed through JSON")
	}
}

func TestLoadRulesErrors(t *testing.T) {
	rule := `{"key":"x","name":"X","month":1,"day":1,"source":"s"}`
	tests := []struct{ name, doc, field string }{
		{"not json", `{`, ""},
		{"unknown field", `{"rules":[],"decisions":[],"extra":1}`, ""},
		{"trailing data", `{"rules":[]} {}`, ""},
		{"bad date", `{"decisions":[{"date":"2026-13-01","kind":"swap_off","name":"n","source":"s"}]}`, ""},
		{"bad kind", `{"decisions":[{"date":"2026-01-02","kind":"off","name":"n","source":"s"}]}`, "decisions[0].kind"},
		{"no source", `{"decisions":[{"date":"2026-01-02","kind":"swap_off","name":"n","source":""}]}`, "decisions[0].source"},
		{"weekday makeup", `{"decisions":[{"date":"2026-01-09","kind":"makeup_workday","name":"n","source":"s"}]}`, "decisions[0].date"},
		{"unknown rule", `{"decisions":[{"date":"2026-01-09","kind":"holiday","name":"n","source":"s","rule":"nope"}]}`, "decisions[0].rule"},
		{"bad month", `{"rules":[{"key":"x","name":"X","month":13,"day":1,"source":"s"}]}`, "rules[0].month"},
		{"lunar day 31", `{"rules":[{"key":"x","name":"X","lunar":true,"month":1,"day":31,"source":"s"}]}`, "rules[0].day"},
		{"duplicate key", `{"rules":[` + rule + `,` + rule + `]}`, "rules[1].key"},
		{"bad weekday", `{"rules":[{"key":"x","name":"X","month":1,"day":1,"offset_on":{"funday":1},"source":"s"}]}`, "rules[0].offset_on"},
		{"day names count", `{"rules":[{"key":"x","name":"X","month":1,"day":1,"days":2,"day_names":["a"],"source":"s"}]}`, "rules[0].day_names"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := LoadRules(strings.NewReader(tt.doc))
			if !isBilingual(err) {
				t.Fatalf("LoadRules error = %v, want a bilingual error", err)
			}
			if tt.field != "" && !strings.HasPrefix(err.Error(), tt.field+":") {
				t.Errorf("error %q does not point at %s", err, tt.field)
			}
		})
	}
}

func TestLoadRulesTooLarge(t *testing.T) {
	doc := `{"rules":[],"decisions":[],"x":"` + strings.Repeat("a", maxRulesJSON) + `"}`
	if _, err := LoadRules(strings.NewReader(doc)); !isBilingual(err) {
		t.Errorf("error = %v", err)
	}
}

func findEntry(es []Entry, date string) (Entry, bool) {
	for _, e := range es {
		if e.Date.String() == date {
			return e, true
		}
	}
	return Entry{}, false
}
