package dossier

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/motcua/motcua/calendar"
)

// FormatCode builds a dossier code <unit identifier>-YYMMDD-NNNN from the receiving unit's
// identifier, the receipt day and the unit's sequence number for that day (issued by the
// store, starting at 1 every day). Sequences past 9999 keep all their digits.
func FormatCode(unitIdentifier string, day calendar.Date, seq int) string {
	return fmt.Sprintf("%s-%02d%02d%02d-%04d", unitIdentifier, day.Year%100, int(day.Month), day.Day, seq)
}

// Code is a parsed dossier code.
type Code struct {
	Unit string        `json:"unit"` // receiving unit identifier
	Day  calendar.Date `json:"day"`
	Seq  int           `json:"seq"`
}

func (c Code) String() string { return FormatCode(c.Unit, c.Day, c.Seq) }

// ParseCode reads a dossier code. The identifier is everything before the last two dashes,
// so older identifiers such as H21.65 parse too.
func ParseCode(s string) (Code, error) {
	bad := invalid("code", fmt.Sprintf("mã hồ sơ %q không đúng dạng <mã đơn vị>-YYMMDD-NNNN", s),
		fmt.Sprintf("dossier code %q does not match <unit identifier>-YYMMDD-NNNN", s))
	rest, seqPart, ok1 := cutLast(s, "-")
	unit, dayPart, ok2 := cutLast(rest, "-")
	if !ok1 || !ok2 || unit == "" || strings.ContainsAny(unit, " \t\n/") ||
		len(dayPart) != 6 || !allDigits(dayPart) || len(seqPart) < 4 || !allDigits(seqPart) {
		return Code{}, bad
	}
	t, err := time.Parse("060102", dayPart)
	if err != nil {
		return Code{}, bad
	}
	seq, err := strconv.Atoi(seqPart)
	if err != nil || seq < 1 {
		return Code{}, bad
	}
	// time.Parse puts YY 69–99 in the 1900s; dossier codes only exist from 2000 on.
	day := calendar.D(2000+t.Year()%100, t.Month(), t.Day())
	return Code{Unit: unit, Day: day, Seq: seq}, nil
}

func cutLast(s, sep string) (before, after string, ok bool) {
	i := strings.LastIndex(s, sep)
	if i < 0 {
		return s, "", false
	}
	return s[:i], s[i+len(sep):], true
}
