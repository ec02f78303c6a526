package xlsx

import (
	"bytes"
	"testing"
	"time"
)

func TestTable(t *testing.T) {
	var buf bytes.Buffer
	err := Table(&buf, "Báo cáo", []string{"Lĩnh vực", "Tiếp nhận", "Tỷ lệ đúng hạn", "Cập nhật"}, [][]any{
		{"Lưu thông hàng hóa trong nước", 120, 0.975, time.Date(2026, 11, 30, 0, 0, 0, 0, vn)},
		{"An toàn thực phẩm", 35, 1.0, time.Time{}},
	})
	if err != nil {
		t.Fatal(err)
	}
	f := open(t, &buf)
	for ref, want := range map[string]string{
		"A1": "Lĩnh vực", "D1": "Cập nhật",
		"A2": "Lưu thông hàng hóa trong nước", "B2": "120", "C2": "0.975", "D2": "30/11/2026",
		"B3": "35", "D3": "",
	} {
		if got := cell(t, f, "Báo cáo", ref); got != want {
			t.Errorf("%s = %q, want %q", ref, got, want)
		}
	}
	panes, err := f.GetPanes("Báo cáo")
	if err != nil {
		t.Fatal(err)
	}
	if !panes.Freeze || panes.YSplit != 1 {
		t.Errorf("panes %+v, want frozen under row 1", panes)
	}
	if w, _ := f.GetColWidth("Báo cáo", "A"); w < 29 {
		t.Errorf("column A is %v wide, narrower than its longest value", w)
	}
	if !hasAutoFilter(t, f, "Báo cáo", "A1:D3") {
		t.Error("no auto-filter over the table")
	}
}

func TestTableRejectsBadSheetName(t *testing.T) {
	var buf bytes.Buffer
	if err := Table(&buf, "a/b", []string{"x"}, nil); err == nil {
		t.Fatal("want an error for a sheet name with a slash")
	}
}

func TestTables(t *testing.T) {
	var buf bytes.Buffer
	err := Tables(&buf, []Sheet{
		{Name: "Số liệu", Headers: []string{"Chỉ tiêu", "Giá trị"}, Rows: [][]any{{"Tiếp nhận", 120}}},
		{Name: "Theo tháng", Headers: []string{"Tháng", "Tiếp nhận", "Đúng hạn"}, Rows: [][]any{{"2026-11", 40, 38}, {"2026-12", 41, 40}}},
	})
	if err != nil {
		t.Fatal(err)
	}
	f := open(t, &buf)
	if got := f.GetSheetList(); len(got) != 2 || got[0] != "Số liệu" || got[1] != "Theo tháng" {
		t.Fatalf("sheets %v", got)
	}
	if got := cell(t, f, "Theo tháng", "C3"); got != "40" {
		t.Errorf("Theo tháng!C3 = %q, want 40", got)
	}
	if !hasAutoFilter(t, f, "Theo tháng", "A1:C3") || !hasAutoFilter(t, f, "Số liệu", "A1:B2") {
		t.Error("each sheet has its own auto-filter")
	}
	if panes, err := f.GetPanes("Theo tháng"); err != nil || !panes.Freeze {
		t.Errorf("second sheet panes %+v %v", panes, err)
	}
}
