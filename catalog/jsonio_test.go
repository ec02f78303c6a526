package catalog

import (
	"bytes"
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/motcua/motcua/calendar"
)

func sampleCatalog(t *testing.T) []Procedure {
	t.Helper()
	p := Procedure{Code: "2.000999.000.00.00.H26"}
	v := retailTobacco()
	v.Steps = []string{"Nộp hồ sơ", "Nhận kết quả"}
	v.ApplicantTypes = []ApplicantType{Citizen, Business}
	v.Sets = 1
	v.LegalBasis = []string{"Nghị định 67/2013/NĐ-CP"}
	v.Decision = "1037/QĐ-UBND"
	v.Conditions = "Có địa điểm kinh doanh cố định"
	v.Source = "test"
	v.Documents[1].Template = "Mẫu 01"
	v.Documents = append(v.Documents, Document{Name: "Giấy ủy quyền", Optional: true})
	v.Channels[0].Note = "giờ hành chính"
	v.Channels[1].Fees = append(slices.Clone(v.Channels[1].Fees), Fee{Name: "Lệ phí", Amount: 50_000, Area: "Huyện", EffectiveFrom: calendar.D(2024, 1, 1)})
	mustOK(t)(p.AddDraft(v))
	mustOK(t)(p.Publish(at(2025, 1, 2, 3)))
	v.Channels[0].Time = calendar.Hours(110)
	mustOK(t)(p.AddDraft(v))
	mustOK(t)(p.Publish(at(2025, 6, 2, 3)))
	mustOK(t)(p.AddDraft(v))
	if err := p.Abolish(calendar.D(2027, 1, 1), "99/QĐ-UBND"); err != nil {
		t.Fatal(err)
	}
	return append([]Procedure{p}, importRealCSV(t)...)
}

func mustOK(t *testing.T) func(int, error) {
	return func(_ int, err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
}

func TestJSONRoundTrip(t *testing.T) {
	ps := sampleCatalog(t)
	var first bytes.Buffer
	if err := Export(&first, ps); err != nil {
		t.Fatal(err)
	}
	got, err := Import(bytes.NewReader(first.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, ps) {
		t.Fatalf("import(export(x)) differs from x")
	}
	var second bytes.Buffer
	if err := Export(&second, got); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(first.Bytes(), second.Bytes()) {
		t.Fatal("export(import(export(x))) differs from export(x)")
	}
	if !strings.HasPrefix(first.String(), "{\n  \"format\": \"motcua-catalog\",\n  \"version\": 1,") {
		t.Errorf("header %q", first.String()[:60])
	}
}

// Every field of the domain types must appear in the exchange document, or a field added
// later would be dropped silently on export.
func TestWireCoversDomain(t *testing.T) {
	pairs := [][2]any{{Procedure{}, procedureWire{}}, {Version{}, versionWire{}}, {ChannelTerms{}, channelWire{}}, {Fee{}, feeWire{}}}
	for _, p := range pairs {
		dt, wt := reflect.TypeOf(p[0]), reflect.TypeOf(p[1])
		for i := range dt.NumField() {
			if _, ok := wt.FieldByName(dt.Field(i).Name); !ok {
				t.Errorf("%s.%s has no counterpart in %s", dt.Name(), dt.Field(i).Name, wt.Name())
			}
		}
	}
}

func TestImportReportsEveryErrorWithItsPlace(t *testing.T) {
	ps := sampleCatalog(t)
	var buf bytes.Buffer
	Export(&buf, ps)
	doc := buf.String()
	doc = strings.Replace(doc, `"time": "20d"`, `"time": "twenty"`, 1)
	doc = strings.Replace(doc, `"name": "Cấp lại Giấy chứng nhận đủ điều kiện trạm nạp LPG vào chai"`, `"name": ""`, 1)
	doc = strings.Replace(doc, `"code": "2.000999.000.00.00.H26"`, `"code": "2.000162"`, 1)
	got, err := Import(strings.NewReader(doc))
	var es ValidationErrors
	if got != nil || !errors.As(err, &es) {
		t.Fatalf("Import = %v, %v", got, err)
	}
	for _, want := range []string{"procedures[1].versions[0].channels[0].time", "procedures[3].versions[0].name", "procedures[7].code"} {
		if !slices.ContainsFunc(es, func(e FieldError) bool { return e.Path == want }) {
			t.Errorf("no error at %s in %v", want, es)
		}
	}
}

func TestImportRefusesForeignDocuments(t *testing.T) {
	for _, doc := range []string{
		`{"format":"other","version":1,"procedures":[]}`,
		`{"format":"motcua-catalog","version":2,"procedures":[]}`,
		`{"format":"motcua-catalog","version":1,"procedures":[],"extra":1}`,
		`{"format":`,
	} {
		if ps, err := Import(strings.NewReader(doc)); err == nil || ps != nil {
			t.Errorf("Import(%s) = %v, %v", doc, ps, err)
		}
	}
}

func TestImportChecksVersionHistory(t *testing.T) {
	ps := sampleCatalog(t)[:1]
	ps[0].Versions[0].Status = Published
	ps[0].Versions[1].Number = 3
	var buf bytes.Buffer
	Export(&buf, ps)
	_, err := Import(&buf)
	var es ValidationErrors
	if !errors.As(err, &es) || len(es) != 2 || es[0].Path != "procedures[0].versions[1].status" || es[1].Path != "procedures[0].versions[2].number" {
		t.Fatalf("Import = %v", err)
	}
}
