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
