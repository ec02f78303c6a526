package catalog

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/motcua/motcua/calendar"
)

// syntheticCatalog makes n realistic procedures: the real names of the CSV, re-spun with
// other verbs, subjects and places, so word frequencies look like a real catalog's.
func syntheticCatalog(t testing.TB, n int) []Procedure {
	real := importRealCSV(t)
	verbs := []string{"Cấp", "Cấp lại", "Cấp điều chỉnh", "Cấp sửa đổi, bổ sung", "Gia hạn", "Thu hồi", "Đăng ký", "Xác nhận"}
	papers := []string{"Giấy phép", "Giấy chứng nhận đủ điều kiện", "Giấy xác nhận", "Thẻ", "Chứng chỉ"}
	subjects := []string{"bán lẻ xăng dầu", "bán buôn rượu", "sản xuất rượu thủ công", "bán lẻ sản phẩm thuốc lá",
		"kinh doanh khí LPG", "trạm nạp LPG vào chai", "sản xuất hóa chất Bảng 2", "xuất khẩu hóa chất",
		"an toàn điện", "hoạt động điện lực", "tư vấn thiết kế đường dây", "vật liệu nổ công nghiệp",
		"tiền chất thuốc nổ", "khuyến mại may rủi", "hội chợ triển lãm thương mại", "bán hàng đa cấp",
		"văn phòng đại diện thương nhân nước ngoài", "giám định thương mại", "cụm công nghiệp", "phân bón vô cơ"}
	places := []string{"", "trên địa bàn tỉnh", "tại địa phương", "thuộc thẩm quyền của Sở Công Thương",
		"cho thương nhân", "đối với doanh nghiệp nhỏ và vừa", "quy mô dưới 3 triệu lít/năm"}
	levels := []Level{LevelProvince, LevelProvince, LevelProvince, LevelCommune, LevelCentral}
	agencies := []string{"Sở Công Thương", "Sở Công Thương", "Ủy ban nhân dân cấp xã", "Bộ Công Thương"}
	r := rand.New(rand.NewPCG(1, 2))
	ps := make([]Procedure, 0, n)
	for i := range n {
		var v Version
		if i < len(real) {
			v = real[i].Versions[0]
		} else {
			src := real[r.IntN(len(real))].Versions[0]
			v = src
			v.Name = fmt.Sprintf("%s %s %s %s", verbs[r.IntN(len(verbs))], papers[r.IntN(len(papers))],
				subjects[r.IntN(len(subjects))], places[r.IntN(len(places))])
			v.Field = InferField(v.Name)
			v.Level = levels[r.IntN(len(levels))]
			v.Agency = agencies[r.IntN(len(agencies))]
			v.Channels = []ChannelTerms{{Channel: ChannelCounter, Time: calendar.Days(float64(3 + r.IntN(20)))}}
		}
		DemoEnrich(&Procedure{Versions: []Version{v}})
		v.Documents = sampleDocuments(v.Name)
		v.Result = Result{Name: resultOf(v.Name)}
		p := Procedure{Code: fmt.Sprintf("%d.%06d.000.00.00.H%02d", 1+r.IntN(2), r.IntN(1_000_000), 1+r.IntN(63)), Versions: []Version{v}}
		if i < len(real) {
			p.Code = real[i].Code
		}
		if r.IntN(50) == 0 {
			d := calendar.D(2024, 1, 1)
			p.AbolishedFrom, p.AbolishedBy = &d, "1/QĐ-UBND"
		}
		ps = append(ps, p)
	}
	return ps
}

// benchQueries is a mix of what citizens type: whole words, words without marks, a
// half-typed last word, a code, and filters.
var benchQueries = []Query{
	{Text: "ruou"}, {Text: "xang dau"}, {Text: "cap giay phep"}, {Text: "Cấp lại giấy chứng nhận"},
	{Text: "điện"}, {Text: "đ"}, {Text: "thuoc la ban le"}, {Text: "hoa chat"}, {Text: "2.000"},
	{Text: "lpg"}, {Text: "khuyen mai"}, {Text: "giay phep kinh doanh"}, {Text: "c"}, {Text: "an toan d"},
	{Text: "van phong dai dien"}, {Text: "giấy phép", Level: LevelProvince},
	{Text: "cap", Field: "Điện"}, {Text: "", Field: "hoa-chat"}, {Text: "ban", Agency: "Sở Công Thương", Limit: 50},
	{Text: "xyz khong co"}, {Text: "cap phep san xuat ruou thu cong"}, {}, {Text: "tram nap lpg vao ch"},
}
