package pdf

import (
	"testing"
	"time"
)

func TestVietnameseDates(t *testing.T) {
	at := time.Date(2026, 1, 5, 7, 5, 0, 0, time.UTC) // 14:05 in Vietnam
	tests := []struct{ got, want string }{
		{longDate(at), "ngày 05 tháng 01 năm 2026"},
		{longDate(time.Date(2026, 11, 28, 0, 0, 0, 0, vietnam)), "ngày 28 tháng 11 năm 2026"},
		{longDate(time.Date(2026, 3, 9, 0, 0, 0, 0, vietnam)), "ngày 09 tháng 3 năm 2026"},
		{longInstant(at), "14 giờ 05 phút, ngày 05 tháng 01 năm 2026"},
		{shortInstant(at), "05/01/2026 14:05"},
		{shortDate(time.Time{}), ""},
		{longDate(time.Time{}), blankDate},
		{placeDate("Hà Nội", at), "Hà Nội, ngày 05 tháng 01 năm 2026"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
}
