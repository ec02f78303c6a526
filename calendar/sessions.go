package calendar

import (
	"fmt"
	"strings"
	"time"
)

// Session is one stretch of office hours, as offsets from local midnight.
type Session struct {
	Start, End time.Duration
}

// DefaultSessions are the office hours of Hà Nội: 08:00–12:00 and 13:00–17:00.
func DefaultSessions() []Session {
	return []Session{{8 * time.Hour, 12 * time.Hour}, {13 * time.Hour, 17 * time.Hour}}
}

// ParseSessions reads office hours such as "07:00-11:30,13:30-17:00".
func ParseSessions(s string) ([]Session, error) {
	bad := func() error {
		return fmt.Errorf("giờ làm việc không hợp lệ %q, cần dạng 08:00-12:00,13:00-17:00 / invalid office hours %q, want 08:00-12:00,13:00-17:00", s, s)
	}
	var out []Session
	for part := range strings.SplitSeq(s, ",") {
		a, b, ok := strings.Cut(strings.TrimSpace(part), "-")
		if !ok {
			return nil, bad()
		}
		start, err1 := parseClock(a)
		end, err2 := parseClock(b)
		if err1 != nil || err2 != nil {
			return nil, bad()
		}
		out = append(out, Session{start, end})
	}
	if err := validateSessions(out); err != nil {
		return nil, err
	}
	return out, nil
}

func parseClock(s string) (time.Duration, error) {
	s = strings.TrimSpace(s)
	if s == "24:00" {
		return 24 * time.Hour, nil
	}
	t, err := time.Parse("15:04", s)
	if err != nil {
		return 0, err
	}
	return time.Duration(t.Hour())*time.Hour + time.Duration(t.Minute())*time.Minute, nil
}

func validateSessions(ss []Session) error {
	if len(ss) == 0 {
		return fmt.Errorf("cần ít nhất một ca làm việc / at least one office session is needed")
	}
	prev := time.Duration(0)
	for i, s := range ss {
		if s.Start < prev || s.End <= s.Start || s.End > 24*time.Hour {
			return fmt.Errorf("ca làm việc thứ %d (%s) sai thứ tự hoặc chồng lấn / office session %d (%s) is out of order or overlaps",
				i+1, s, i+1, s)
		}
		prev = s.End
	}
	return nil
}

func (s Session) String() string { return clock(s.Start) + "-" + clock(s.End) }

func clock(d time.Duration) string {
	return fmt.Sprintf("%02d:%02d", int(d/time.Hour), int(d%time.Hour/time.Minute))
}
