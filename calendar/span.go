package calendar

import (
	"fmt"
	"strconv"
	"strings"
)

// Unit says how a Span is counted.
type Unit string

const (
	WorkingDays  Unit = "d"  // one day = one full set of office sessions
	WorkingHours Unit = "h"  // hours inside office sessions
	CalendarDays Unit = "cd" // every day counts, deadline at the end of the last day
)

// Span is a statutory duration such as 15 working days, 4 working hours or 30 calendar days.
// Value may be fractional in halves or quarters ("0.5d").
type Span struct {
	Value float64
	Unit  Unit
}

// Days, Hours and CalDays are short constructors.
func Days(n float64) Span    { return Span{n, WorkingDays} }
func Hours(n float64) Span   { return Span{n, WorkingHours} }
func CalDays(n float64) Span { return Span{n, CalendarDays} }

// ParseSpan reads "15d", "0.5d", "4h" or "30cd".
func ParseSpan(s string) (Span, error) {
	s = strings.TrimSpace(s)
	for _, u := range []Unit{CalendarDays, WorkingDays, WorkingHours} {
		num, ok := strings.CutSuffix(s, string(u))
		if !ok {
			continue
		}
		v, err := strconv.ParseFloat(num, 64)
		if err != nil || v < 0 || v > 100000 || v != v {
			break
		}
		return Span{v, u}, nil
	}
	return Span{}, fmt.Errorf("thời hạn không hợp lệ %q, cần dạng 15d, 4h hoặc 30cd / invalid duration %q, want 15d, 4h or 30cd", s, s)
}

func (s Span) String() string {
	return strconv.FormatFloat(s.Value, 'f', -1, 64) + string(s.Unit)
}

// IsZero reports whether the span is empty.
func (s Span) IsZero() bool { return s.Value == 0 }

// MarshalText writes the zero Span as an empty string, so an unset limit reads back unset.
func (s Span) MarshalText() ([]byte, error) {
	if s == (Span{}) {
		return []byte{}, nil
	}
	return []byte(s.String()), nil
}

func (s *Span) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*s = Span{}
		return nil
	}
	p, err := ParseSpan(string(b))
	if err != nil {
		return err
	}
	*s = p
	return nil
}
