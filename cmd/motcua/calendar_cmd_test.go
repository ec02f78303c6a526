package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/motcua/motcua/calendar"
)

func runCal(t *testing.T, args ...string) (string, error) {
	t.Helper()
	var out bytes.Buffer
	err := runCalendar(args, &out)
	return out.String(), err
}

func TestCalendarJSONOutputs(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"lunar", "2026-02-17", "--json"}, `{"solar":"2026-02-17","lunar":{"year":2026,"month":1,"day":1,"leap":false}}`},
		{[]string{"--json", "lunar", "1985-01-21"}, `{"solar":"1985-01-21","lunar":{"year":1985,"month":1,"day":1,"leap":false}}`},
		{[]string{"solar", "2026-01-01", "--json"}, `{"solar":"2026-02-17","lunar":{"year":2026,"month":1,"day":1,"leap":false}}`},
		{[]string{"solar", "2025-06-01", "--leap", "--json"}, `{"solar":"2025-07-25","lunar":{"year":2025,"month":6,"day":1,"leap":true}}`},
		{[]string{"solar", "2026-03-10", "--json"}, `{"solar":"2026-04-26","lunar":{"year":2026,"month":3,"day":10,"leap":false}}`},
		{[]string{"due", "2026-02-10T09:00:00+07:00", "15d", "--json"}, `{"start":"2026-02-10T09:00:00+07:00","duration":"15d","due":"2026-03-10T09:00:00+07:00"}`},
		{[]string{"due", "2026-02-10T02:00:00Z", "4h", "--json"}, `{"start":"2026-02-10T09:00:00+07:00","duration":"4h","due":"2026-02-10T14:00:00+07:00"}`},
		{[]string{"due", "2026-01-09 10:00", "1d", "--json"}, `{"start":"2026-01-09T10:00:00+07:00","duration":"1d","due":"2026-01-10T10:00:00+07:00"}`},
		{[]string{"due", "2026-02-10", "30cd", "--json"}, `{"start":"2026-02-10T00:00:00+07:00","duration":"30cd","due":"2026-03-12T17:00:00+07:00"}`},
		{[]string{"due", "2026-03-10T10:00", "4h", "--json", "--sessions", "07:00-11:30,13:30-17:00"}, `{"start":"2026-03-10T10:00:00+07:00","duration":"4h","due":"2026-03-10T16:00:00+07:00"}`},
		{[]string{"between", "2026-03-06T15:00:00+07:00", "2026-03-09T10:00:00+07:00", "--json"}, `{"from":"2026-03-06T15:00:00+07:00","to":"2026-03-09T10:00:00+07:00","hours":4}`},
		{[]string{"between", "2026-03-10 11:30", "2026-03-10 13:15", "--json"}, `{"from":"2026-03-10T11:30:00+07:00","to":"2026-03-10T13:15:00+07:00","hours":0.75}`},
	}
	for _, tt := range tests {
		got, err := runCal(t, tt.args...)
		if err != nil || strings.TrimSpace(got) != tt.want {
			t.Errorf("%v:\n got %s (err %v)\nwant %s", tt.args, got, err, tt.want)
		}
	}
}

func TestCalendarHolidaysJSON(t *testing.T) {
	out, err := runCal(t, "holidays", "2026", "--json")
	if err != nil {
		t.Fatal(err)
	}
	var entries []map[string]string
	if err := json.Unmarshal([]byte(out), &entries); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	want := map[string]string{"date": "2026-04-27", "kind": "compensatory", "name": "Nghỉ bù Giỗ Tổ Hùng Vương", "source": "Bộ luật Lao động 2019, khoản 3 Điều 111"}
	found := false
	for _, e := range entries {
		if len(e) != 4 {
			t.Errorf("entry has fields %v", e)
		}
		if e["date"] == want["date"] {
			found = true
			for k, v := range want {
				if e[k] != v {
					t.Errorf("%s = %q, want %q", k, e[k], v)
				}
			}
		}
	}
	if !found || len(entries) != 14 {
		t.Errorf("found 27/4: %v; %d entries", found, len(entries))
	}
}

func TestCalendarRulesFile(t *testing.T) {
	rs := calendar.DefaultRules()
	rs.Rules = append(rs.Rules, calendar.Rule{Key: "culture_day", Name: "Ngày Văn hóa Việt Nam", Month: 11, Day: 24, Source: "thử nghiệm"})
	path := filepath.Join(t.TempDir(), "rules.json")
	data, _ := json.Marshal(rs)
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := runCal(t, "holidays", "2026", "--rules="+path)
	if err != nil || !strings.Contains(out, "2026-11-24") || !strings.Contains(out, "Ngày Văn hóa Việt Nam") {
		t.Errorf("holidays with rules file: %v\n%s", err, out)
	}
	if _, err := runCal(t, "holidays", "2026", "--rules", filepath.Join(t.TempDir(), "missing.json")); err == nil || !strings.Contains(err.Error(), " / ") {
		t.Errorf("missing rules file: %v", err)
	}
}

func TestCalendarText(t *testing.T) {
	tests := []struct {
		args []string
		want []string
	}{
		{[]string{"lunar", "2026-02-17"}, []string{"ngày 1 tháng 1 năm Bính Ngọ (2026)", "Thứ Ba"}},
		{[]string{"solar", "2025-06-01", "--leap"}, []string{"tháng 6 nhuận", "2025-07-25"}},
		{[]string{"holidays", "2026"}, []string{"2026-04-27", "Nghỉ bù Giỗ Tổ Hùng Vương", "Mùng 1 Tết", "12729/VPCP-KGVX"}},
		{[]string{"due", "2026-02-10T09:00:00+07:00", "15d"}, []string{"15 ngày làm việc", "2026-03-10 09:00 (Thứ Ba)"}},
		{[]string{"between", "2026-03-06 15:00", "2026-03-09 10:00"}, []string{"4 giờ làm việc"}},
		{[]string{"--help"}, []string{"cách dùng / usage"}},
	}
	for _, tt := range tests {
		got, err := runCal(t, tt.args...)
		if err != nil {
			t.Errorf("%v: %v", tt.args, err)
			continue
		}
		for _, w := range tt.want {
			if !strings.Contains(got, w) {
				t.Errorf("%v: output %q lacks %q", tt.args, got, w)
			}
		}
	}
}

func TestCalendarErrors(t *testing.T) {
	tests := [][]string{
		{},
		{"moon"},
		{"lunar"},
		{"lunar", "2026-02-30"},
		{"lunar", "0999-01-01"},
		{"lunar", "2026-02-17", "extra"},
		{"solar", "2026-01-01", "--leap"},
		{"solar", "2025-12-30"},
		{"holidays", "20x6"},
		{"holidays", "99999"},
		{"due", "2026-02-10T09:00:00+07:00", "15w"},
		{"due", "tomorrow", "15d"},
		{"due", "2026-02-10", "15d", "--sessions", "9-5"},
		{"due", "2026-02-10", "15d", "--sessions"},
		{"between", "2026-02-10", "yesterday"},
		{"lunar", "2026-02-17", "--colour"},
	}
	for _, args := range tests {
		_, err := runCal(t, args...)
		if err == nil || !strings.Contains(err.Error(), " / ") {
			t.Errorf("%v: error %v, want a bilingual error", args, err)
		}
	}
}

func FuzzParseInstant(f *testing.F) {
	for _, s := range []string{"2026-02-10T09:00:00+07:00", "2026-02-10 09:00", "2026-02-10", "0000-01-01", "2026-02-10T25:00", "", "9999-12-31T23:59:59-23:59"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		tm, err := parseInstant(s, calendar.Vietnam)
		if err != nil {
			if !strings.Contains(err.Error(), " / ") {
				t.Fatalf("parseInstant(%q) error %q is not bilingual", s, err)
			}
			return
		}
		if tm.Year() < minCLIYear {
			t.Fatalf("parseInstant(%q) = %v accepted", s, tm)
		}
	})
}

// FuzzRunCalendar feeds arbitrary arguments to every subcommand: no panic, and every
// failure is a bilingual error.
func FuzzRunCalendar(f *testing.F) {
	f.Add("due", "2026-02-10T09:00:00+07:00", "15d")
	f.Add("between", "2026-02-10 09:00", "2026-03-10 09:00")
	f.Add("lunar", "2026-02-17", "--json")
	f.Add("solar", "2025-06-01", "--leap")
	f.Add("holidays", "2026", "--json")
	f.Add("due", "9999-12-31T23:59:59+07:00", "100000d")
	f.Fuzz(func(t *testing.T, cmd, a, b string) {
		var out bytes.Buffer
		err := runCalendar([]string{cmd, a, b}, &out)
		if err != nil && !strings.Contains(err.Error(), " / ") {
			t.Fatalf("%q %q %q: error %q is not bilingual", cmd, a, b, err)
		}
	})
}
