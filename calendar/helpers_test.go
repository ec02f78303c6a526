package calendar

import (
	"strings"
	"testing"
	"time"
)

// isBilingual reports whether an error reads "Vietnamese / English".
func isBilingual(err error) bool {
	return err != nil && strings.Contains(err.Error(), " / ")
}

// at is a wall-clock instant in Vietnam.
func at(y int, m time.Month, d, hh, mm int) time.Time {
	return time.Date(y, m, d, hh, mm, 0, 0, Vietnam)
}

// mustRules loads a rules document or fails the test.
func mustRules(t testing.TB, doc string) *Rules {
	t.Helper()
	rs, err := LoadRules(strings.NewReader(doc))
	if err != nil {
		t.Fatalf("LoadRules: %v", err)
	}
	return rs
}

// mustCalendar builds a calendar or fails the test.
func mustCalendar(t testing.TB, rs *Rules, cfg Config) *Calendar {
	t.Helper()
	c, err := New(rs, cfg)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return c
}
