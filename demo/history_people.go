package demo

import (
	"fmt"
	"math/rand/v2"

	"github.com/motcua/motcua/catalog"
	"github.com/motcua/motcua/dossier"
)

// Walk-in applicants of the history are made up from common Vietnamese names; their
// identity numbers have the valid shape (CCCD province range, tax code check digit) and
// belong to nobody on purpose. They carry a phone but no e-mail, so that starting the
// demo does not queue a year of mail.
var (
	familyNames = []string{"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng",
		"Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"}
	middleNames = []string{"Văn", "Thị", "Đức", "Minh", "Thu", "Quốc", "Thanh", "Hữu", "Ngọc", "Xuân"}
	givenNames  = []string{"An", "Bình", "Chi", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hùng", "Hương", "Khánh",
		"Lan", "Linh", "Long", "Mai", "Nam", "Nga", "Phong", "Phúc", "Quân", "Sơn", "Tâm", "Thảo", "Trang",
		"Trung", "Tuấn", "Vân", "Yến"}
	firmWords = []string{"Hồng Phát", "Thành Công", "Minh Long", "Phú Thịnh", "An Khang", "Đại Việt", "Tân Tiến",
		"Hưng Thịnh", "Bảo Minh", "Kim Ngân", "Sông Hồng", "Thăng Long", "Phương Đông", "Hoà Bình"}
	firmKinds = []string{"Công ty TNHH", "Công ty cổ phần", "Công ty TNHH MTV", "Hộ kinh doanh"}
	firmTrade = []string{"Thương mại", "Xăng dầu", "Thực phẩm", "Hoá chất", "Năng lượng", "Dịch vụ và Thương mại",
		"Đầu tư", "Sản xuất"}
	streets = []string{"Hàng Bạc", "Láng Hạ", "Kim Mã", "Giải Phóng", "Nguyễn Trãi", "Cầu Giấy", "Trường Chinh",
		"Lạc Long Quân", "Hoàng Quốc Việt", "Minh Khai", "Tam Trinh", "Phạm Văn Đồng"}
	wards = []string{"Hoàn Kiếm", "Ba Đình", "Đống Đa", "Cầu Giấy", "Hai Bà Trưng", "Thanh Xuân", "Hoàng Mai",
		"Long Biên", "Tây Hồ", "Hà Đông"}
	mobilePrefixes = []string{"090", "091", "093", "094", "096", "097", "098", "032", "033", "035", "038", "070",
		"077", "081", "083", "085", "088"}
)

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

func personName(r *rand.Rand) string {
	return pick(r, familyNames) + " " + pick(r, middleNames) + " " + pick(r, givenNames)
}

// citizenID is a CCCD: mostly Hà Nội (001), then province, sex and century, birth year,
// a random serial.
func citizenID(r *rand.Rand) string {
	province := 1
	if r.IntN(4) == 0 {
		province = 1 + r.IntN(96)
	}
	return fmt.Sprintf("%03d%d%02d%06d", province, r.IntN(2), 60+r.IntN(40), r.IntN(1_000_000))
}

// taxCode is a ten-digit enterprise code with a correct check digit.
func taxCode(r *rand.Rand) string {
	for {
		nine := fmt.Sprintf("01%07d", 1+r.IntN(9_999_999))
		if c := dossier.TaxCheckDigit(nine); c >= 0 {
			return fmt.Sprintf("%s%d", nine, c)
		}
	}
}

func mobile(r *rand.Rand) string {
	return fmt.Sprintf("%s%07d", pick(r, mobilePrefixes), r.IntN(10_000_000))
}

func address(r *rand.Rand) string {
	return fmt.Sprintf("%d %s, %s, Hà Nội", 1+r.IntN(300), pick(r, streets), pick(r, wards))
}

// walkIn makes up an applicant who files at the counter or by post.
func walkIn(r *rand.Rand, t catalog.ApplicantType) dossier.Applicant {
	a := dossier.Applicant{Name: personName(r), IDNumber: citizenID(r), Phone: mobile(r), Address: address(r)}
	if t == catalog.Business {
		a.Organisation = fmt.Sprintf("%s %s %s", pick(r, firmKinds), pick(r, firmTrade), pick(r, firmWords))
		a.TaxCode = taxCode(r)
	}
	return a
}
