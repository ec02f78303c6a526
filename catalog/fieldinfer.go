package catalog

import (
	"strings"

	"github.com/motcua/motcua/textfold"
)

// Unclassified is the field given to a procedure whose field neither the source nor its
// name tells.
const Unclassified = "Chưa phân loại"

// fieldRules guess a field from words of a procedure name. Order matters: the first rule
// with a phrase in the name wins, so narrow subjects come before broad ones ("sản xuất
// rượu công nghiệp" is consumer industry, other "rượu" procedures are domestic trade).
// Phrases are whole folded words: "dien" alone would also hit "đại diện".
var fieldRules = []struct {
	field   string
	phrases []string
}{
	{"Vật liệu nổ công nghiệp, tiền chất thuốc nổ", []string{"vat lieu no", "thuoc no"}},
	{"Hóa chất", []string{"hoa chat"}},
	{"Kinh doanh khí", []string{"lpg", "khi dau mo hoa long", "kinh doanh khi"}},
	{"Công nghiệp tiêu dùng", []string{"ruou cong nghiep", "nguyen lieu thuoc la", "san xuat thuoc la"}},
	{"Lưu thông hàng hóa trong nước", []string{"ruou", "thuoc la", "xang dau"}},
	{"Điện", []string{"dien luc", "dien ap", "an toan dien", "ban le dien", "thuy dien", "tram bien ap"}},
	{"Quản lý bán hàng đa cấp", []string{"da cap"}},
	{"Xúc tiến thương mại", []string{"khuyen mai", "hoi cho", "trien lam"}},
	{"Giám định thương mại", []string{"giam dinh thuong mai"}},
	{"Thương mại quốc tế", []string{"nuoc ngoai", "xuat khau", "nhap khau"}},
	{"Khuyến công, cụm công nghiệp", []string{"khuyen cong", "cum cong nghiep", "cong nghiep nong thon"}},
}

// InferField guesses the field of a procedure from its name.
func InferField(name string) Field {
	padded := " " + textfold.Fold(name) + " "
	for _, r := range fieldRules {
		for _, ph := range r.phrases {
			if strings.Contains(padded, " "+ph+" ") {
				return fieldNamed(r.field)
			}
		}
	}
	return fieldNamed(Unclassified)
}

// fieldNamed makes a field whose code is a slug of its name. Sources rarely give the
// national field code, and a slug keeps fields of the same name together.
func fieldNamed(name string) Field {
	return Field{Code: strings.ReplaceAll(textfold.Fold(name), " ", "-"), Name: name}
}
