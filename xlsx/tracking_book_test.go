package xlsx

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/motcua/motcua/dossier"
	"github.com/xuri/excelize/v2"
)

var vn = time.FixedZone("ICT", 7*3600)

func open(t *testing.T, buf *bytes.Buffer) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(buf)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// cell reads the formatted value of a cell.
func cell(t *testing.T, f *excelize.File, sheet, ref string) string {
	t.Helper()
	v, err := f.GetCellValue(sheet, ref)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func TestTrackingBook(t *testing.T) {
	rows := []dossier.BookEntry{{
		Code:          "000.00.26.H35-261128-0007",
		Procedure:     "Cấp Giấy phép bán lẻ sản phẩm rượu",
		Applicant:     "Nguyễn Thị Hường",
		Contact:       "Số 12 đường Lê Hoàn, thành phố Phủ Lý; 0912 345 678",
		Sets:          1,
		ReceivedAt:    time.Date(2026, 11, 28, 9, 15, 0, 0, vn),
		AppointmentAt: time.Date(2026, 12, 14, 9, 0, 0, 0, time.UTC), // 16:00 in Vietnam
		SentTo:        "Phòng Quản lý thương mại",
	}, {
		Code: "000.00.26.H35-261128-0008", Applicant: "Công ty TNHH Thương mại Hòa Bình",
		ReceivedAt: time.Date(2026, 11, 28, 0, 0, 0, 0, vn), Note: "Hồ sơ bưu chính",
	}}
	var buf bytes.Buffer
	if err := TrackingBook(&buf, "SỔ THEO DÕI HỒ SƠ - tháng 11/2026", rows); err != nil {
		t.Fatal(err)
	}
	f := open(t, &buf)
	const sh = "Sổ theo dõi hồ sơ"
	if got := f.GetSheetList(); len(got) != 1 || got[0] != sh {
		t.Fatalf("sheets %v", got)
	}
	for ref, want := range map[string]string{
		"A1": "SỔ THEO DÕI HỒ SƠ - tháng 11/2026",
		"A2": "STT", "B2": "Mã hồ sơ", "L2": "Ghi chú",
		"A3": "1", "B3": "000.00.26.H35-261128-0007", "D3": "Nguyễn Thị Hường", "F3": "1",
		"G3": "28/11/2026 09:15", "H3": "14/12/2026 16:00", "J3": "",
		"A4": "2", "D4": "Công ty TNHH Thương mại Hòa Bình", "F4": "", "G4": "28/11/2026", "L4": "Hồ sơ bưu chính",
	} {
		if got := cell(t, f, sh, ref); got != want {
			t.Errorf("%s = %q, want %q", ref, got, want)
		}
	}

	// Dates are numbers, not text, so Excel can sort and filter them.
	raw, err := f.GetCellValue(sh, "G3", excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(raw, "46354.38") { // 28/11/2026 09:15
		t.Errorf("G3 raw value %q is not an Excel date serial", raw)
	}
	typ, err := f.GetCellType(sh, "G3")
	if err != nil {
		t.Fatal(err)
	}
	if typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
		t.Errorf("G3 stored as text")
	}

	style, err := f.GetCellStyle(sh, "B2")
	if err != nil {
		t.Fatal(err)
	}
	s, err := f.GetStyle(style)
	if err != nil {
		t.Fatal(err)
	}
	if s.Font == nil || !s.Font.Bold {
		t.Error("header row is not bold")
	}

	panes, err := f.GetPanes(sh)
	if err != nil {
		t.Fatal(err)
	}
	if !panes.Freeze || panes.YSplit != 2 {
		t.Errorf("panes %+v, want frozen under row 2", panes)
	}
	if w, _ := f.GetColWidth(sh, "C"); w < 30 {
		t.Errorf("procedure column %v wide", w)
	}
	if !hasAutoFilter(t, f, sh, "A2:L4") {
		t.Error("no auto-filter over the table")
	}
}

// hasAutoFilter looks for the hidden defined name excelize records for an auto-filter.
func hasAutoFilter(t *testing.T, f *excelize.File, sheet, ref string) bool {
	t.Helper()
	for _, dn := range f.GetDefinedName() {
		if dn.Name == "_xlnm._FilterDatabase" && dn.Scope == sheet {
			return dn.RefersTo == "'"+sheet+"'!"+absolute(ref)
		}
	}
	return false
}

// absolute turns "A2:L4" into "$A$2:$L$4".
func absolute(ref string) string {
	var out []byte
	letters := false
	for i := 0; i < len(ref); i++ {
		c := ref[i]
		isLetter := c >= 'A' && c <= 'Z'
		isDigit := c >= '0' && c <= '9'
		if isLetter && !letters || isDigit && (i == 0 || ref[i-1] < '0' || ref[i-1] > '9') {
			out = append(out, '$')
		}
		letters = isLetter
		out = append(out, c)
	}
	return string(out)
}
