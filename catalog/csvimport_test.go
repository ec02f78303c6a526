package catalog

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/motcua/motcua/calendar"
)

func importRealCSV(t testing.TB) []Procedure {
	t.Helper()
	f, err := os.Open("testdata/sct-procedures.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ps, err := ImportCSV(f)
	if err != nil {
		t.Fatal(err)
	}
	return ps
}

func TestImportRealCSV(t *testing.T) {
	ps := importRealCSV(t)
	if len(ps) != 41 {
		t.Fatalf("imported %d procedures, want 41", len(ps))
	}
	ix := NewIndex(ps, at(2026, 1, 1, 0))
	want := map[string]int{
		"Lưu thông hàng hóa trong nước": 9, "Điện": 7, "Xúc tiến thương mại": 6,
		"Vật liệu nổ công nghiệp, tiền chất thuốc nổ": 4, "Kinh doanh khí": 3, "Công nghiệp tiêu dùng": 3,
		"Hóa chất": 2, "Thương mại quốc tế": 2, "Dịch vụ thương mại": 1, "Giám định thương mại": 1,
		"Quản lý bán hàng đa cấp": 1, "Khuyến công, cụm công nghiệp": 1,
		"Công Thương (an toàn đập, hồ chứa thủy điện)": 1,
	}
	fields := ix.Fields()
	if len(fields) != len(want) || ix.Count() != 41 {
		t.Fatalf("fields %v, count %d", fields, ix.Count())
	}
	for _, f := range fields {
		if want[f.Name] != f.Count {
			t.Errorf("field %q has %d, want %d", f.Name, f.Count, want[f.Name])
		}
	}
	local := 0
	for _, p := range ps {
		v := p.Versions[0]
		if err := v.Validate(); err != nil {
			t.Errorf("%s: %v", p.Code, err)
		}
		if v.Status != Published || v.Level != LevelProvince || v.Agency != "Sở Công Thương" || v.Source == "" {
			t.Errorf("%s: %+v", p.Code, v)
		}
		if IsLocalCode(p.Code) {
			local++
			if !v.IsSample(PartCode) {
				t.Errorf("%s: local code not marked", p.Code)
			}
		}
	}
	if local != 24 {
		t.Errorf("%d local codes, want 24", local)
	}
}

func TestImportCSVMappings(t *testing.T) {
	ps := importRealCSV(t)
	byName := map[string]Version{}
	for _, p := range ps {
		byName[p.Versions[0].Name] = p.Versions[0]
	}
	petrol := ps[0].Versions[0]
	if ps[0].Code != "2.000648.000.00.00.H50" || petrol.OnlineLevel != OnlinePartial || len(petrol.Channels) != 3 ||
		petrol.Channels[1].Time != calendar.Days(20) || Total(petrol.Channels[1].FeesAt(calendar.D(2026, 1, 1), Business, "")) != 1_200_000 {
		t.Errorf("petrol row: %+v", petrol)
	}
	wine := byName["Cấp giấy phép bán buôn rượu trên địa bàn tỉnh, thành phố trực thuộc Trung ương"]
	if wine.Field.Name != "Lưu thông hàng hóa trong nước" || !wine.IsSample(PartField) || !wine.IsSample(PartFees) ||
		wine.OnlineLevel != OnlineNone || len(wine.Channels) != 2 {
		t.Errorf("wine row: %+v", wine)
	}
	free := byName["Cấp lại thẻ an toàn điện"]
	if len(free.Channels[0].Fees) != 0 || free.IsSample(PartFees) || free.OnlineLevel != OnlineFull {
		t.Errorf("free row: %+v", free)
	}
	unknown := byName["Cấp thẻ kiểm tra viên điện lực lần đầu"]
	if unknown.Channels[0].Time != calendar.Days(PlaceholderDays) || !unknown.IsSample(PartTime) || unknown.Channels[0].Note == "" {
		t.Errorf("row without time: %+v", unknown)
	}
	if a, b := LocalCode("Hoá chất"), LocalCode("Hóa chất"); a != b || !strings.HasPrefix(a, "SCT-") || len(a) != 12 {
		t.Errorf("LocalCode %q %q", a, b)
	}
}

func TestImportCSVBadRowsReturnNothing(t *testing.T) {
	data, err := os.ReadFile("testdata/sct-procedures.csv")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	// Line 7 of the file is the 6th row; its statutory_days is 15.
	if !strings.Contains(lines[6], ",15,600000,") {
		t.Fatalf("line 7 is %q", lines[6])
	}
	lines[6] = strings.Replace(lines[6], ",15,600000,", ",mười lăm,-5,", 1)
	_, err = ImportCSV(strings.NewReader(strings.Join(lines, "\n")))
	var es CSVErrors
	if !errors.As(err, &es) || len(es) != 2 {
		t.Fatalf("err = %v", err)
	}
	if es[0].Line != 7 || es[0].Column != "statutory_days" || es[1].Line != 7 || es[1].Column != "fee_vnd" {
		t.Errorf("errors %v", es)
	}
	if !strings.Contains(err.Error(), "dòng 7, cột statutory_days") || !strings.Contains(err.Error(), "line 7, column statutory_days") {
		t.Errorf("message %q", err.Error())
	}
}

func TestImportCSVBrokenFiles(t *testing.T) {
	const header = "code,name,field,statutory_days,fee_vnd,online_level,source\n"
	cases := []struct {
		name, csv string
		line      int
		column    string
	}{
		{"missing column", "code,name\nA,B\n", 1, "field"},
		{"no name", header + "A,,Điện,5,0,,src\n", 2, "name"},
		{"zero days", header + "A,Tên,Điện,0,0,,src\n", 2, "statutory_days"},
		{"fractional fee", header + "A,Tên,Điện,5,1.5,,src\n", 2, "fee_vnd"},
		{"duplicate code", header + "A,Tên,Điện,5,0,,src\nA,Tên khác,Điện,5,0,,src\n", 3, "code"},
		{"duplicate name", header + ",Hoá chất,,5,0,,src\n,Hóa chất,,5,0,,src\n", 3, "code"},
		{"field count", header + "A,Tên,Điện,5\n", 2, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ps, err := ImportCSV(strings.NewReader(c.csv))
			var es CSVErrors
			if ps != nil || !errors.As(err, &es) || es[0].Line != c.line || es[0].Column != c.column {
				t.Fatalf("ImportCSV = %v, %v", ps, err)
			}
		})
	}
}

func TestDemoEnrichMakesImportPublishable(t *testing.T) {
	for _, p := range importRealCSV(t) {
		v := p.Versions[0]
		if v.Publishable() == nil {
			t.Fatalf("%s publishable before enrichment", p.Code)
		}
		DemoEnrich(&p)
		v = p.Versions[0]
		if err := v.Publishable(); err != nil {
			t.Errorf("%s: %v", p.Code, err)
		}
		for _, part := range []string{PartDocuments, PartSteps, PartInternalSteps, PartResult, PartSets} {
			if !v.IsSample(part) {
				t.Errorf("%s: %s not marked as sample", p.Code, part)
			}
		}
		var sum float64
		for _, s := range v.InternalSteps {
			sum += s.NormHours
		}
		if limit := WorkingHours(v.Channels[0].Time); sum > limit*0.8 || sum < limit*0.7 {
			t.Errorf("%s: process %v h for %v h", p.Code, sum, limit)
		}
	}
}

func TestDemoEnrichKeepsOfficialParts(t *testing.T) {
	p := Procedure{Code: "X", Versions: []Version{retailTobacco()}}
	p.Versions[0].Status = Published
	DemoEnrich(&p)
	v := p.Versions[0]
	if len(v.Documents) != 3 || len(v.InternalSteps) != 4 || v.IsSample(PartDocuments) || !v.IsSample(PartSteps) {
		t.Errorf("enriched %+v", v)
	}
}
