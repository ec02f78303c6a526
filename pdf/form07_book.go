package pdf

import (
	"strconv"
	"time"

	"github.com/motcua/motcua/dossier"
)

// Book is form 07, the tracking book (sổ theo dõi hồ sơ) of a unit over a date range.
type Book struct {
	Unit     string    // unit keeping the book, printed under the title
	From, To time.Time // date range covered
	Rows     []dossier.BookEntry
}

// Form07 prints the tracking book on landscape pages, the header rows repeated on each.
// The "nhận kết quả" column stays blank for the applicant's signature.
func Form07(h Header, b Book) ([]byte, error) {
	d := newDocument(true, "Sổ theo dõi hồ sơ")
	d.numberPages()
	d.header(h, false)
	var sub []string
	if b.Unit != "" {
		sub = append(sub, b.Unit)
	}
	if !b.From.IsZero() || !b.To.IsZero() {
		sub = append(sub, "Từ ngày "+shortDate(b.From)+" đến ngày "+shortDate(b.To))
	}
	d.title("SỔ THEO DÕI HỒ SƠ", sub...)

	d.table([]column{
		{"STT", 9, "C"},
		{"Mã hồ sơ", 28, "L"},
		{"Tên thủ tục hành chính", 42, "L"},
		{"Tên tổ chức, cá nhân", 30, "L"},
		{"Địa chỉ, số điện thoại", 32, "L"},
		{"Số lượng hồ sơ (bộ)", 12, "C"},
		{"Ngày, tháng, năm nhận hồ sơ", 19, "C"},
		{"Ngày, tháng, năm hẹn trả kết quả", 19, "C"},
		{"Chuyển hồ sơ đến cơ quan giải quyết", 25, "L"},
		{"Ngày, tháng, năm có kết quả / yêu cầu bổ sung", 19, "C"},
		{"Nhận kết quả (ký, ghi rõ họ tên)", 20, "C"},
		{"Ghi chú", 17, "L"},
	}, bookRows(b.Rows), tableStyle{Size: 8.5, MinRowH: 11, Numbered: true})
	return d.bytes()
}

func bookRows(rs []dossier.BookEntry) [][]string {
	rows := make([][]string, len(rs))
	for i, r := range rs {
		rows[i] = []string{
			strconv.Itoa(i + 1), r.Code, r.Procedure, r.Applicant, r.Contact,
			count(r.Sets), shortInstant(r.ReceivedAt), shortInstant(r.AppointmentAt),
			r.SentTo, shortInstant(r.ResultAt), "", r.Note,
		}
	}
	return rows
}
