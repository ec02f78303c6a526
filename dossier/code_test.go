package dossier

import (
	"testing"

	"github.com/motcua/motcua/calendar"
)

func TestFormatAndParseCode(t *testing.T) {
	got := FormatCode("000.00.12.H26", calendar.D(2026, 11, 28), 7)
	if got != "000.00.12.H26-261128-0007" {
		t.Fatalf("FormatCode = %q", got)
	}
	c, err := ParseCode(got)
	if err != nil || c.Unit != "000.00.12.H26" || c.Day != calendar.D(2026, 11, 28) || c.Seq != 7 || c.String() != got {
		t.Fatalf("ParseCode = %+v, %v", c, err)
	}
	// An older identifier style, as printed on real receipts.
	if c, err := ParseCode("H21.65-220914-0011"); err != nil || c.Unit != "H21.65" || c.Day != calendar.D(2022, 9, 14) || c.Seq != 11 {
		t.Fatalf("old style: %+v, %v", c, err)
	}
	if c, err := ParseCode(FormatCode("000.00.12.H26", calendar.D(2099, 1, 2), 12345)); err != nil || c.Seq != 12345 || c.Day.Year != 2099 {
		t.Fatalf("long sequence: %+v, %v", c, err)
	}
	for _, bad := range []string{"", "261128-0007", "-261128-0007", "000.00.12.H26-261328-0007",
		"000.00.12.H26-26112-0007", "000.00.12.H26-261128-007", "000.00.12.H26-261128-0000",
		"000.00.12.H26-261128-00a7", "000 00-261128-0007"} {
		if _, err := ParseCode(bad); err == nil {
			t.Errorf("ParseCode(%q) accepted", bad)
		}
	}
}
