package xlsx

import (
	"io"

	"github.com/motcua/motcua/dossier"
)

var bookHeaders = []string{
	"STT", "Mã hồ sơ", "Tên thủ tục hành chính", "Tên tổ chức, cá nhân",
	"Địa chỉ, số điện thoại", "Số lượng hồ sơ (bộ)", "Ngày, tháng, năm nhận hồ sơ",
	"Ngày, tháng, năm hẹn trả kết quả", "Chuyển hồ sơ đến cơ quan giải quyết",
	"Ngày, tháng, năm có kết quả / yêu cầu bổ sung", "Nhận kết quả (ký, ghi rõ họ tên)", "Ghi chú",
}

var bookWidths = []float64{6, 26, 45, 26, 34, 10, 17, 17, 28, 17, 18, 24}

// TrackingBook writes the tracking book as a landscape sheet "Sổ theo dõi hồ sơ" whose first
// row is title (e.g. "SỔ THEO DÕI HỒ SƠ - Bộ phận Một cửa, từ 01/11/2026 đến 30/11/2026").
// The column "nhận kết quả" stays empty for the applicant's signature on the printout.
func TrackingBook(w io.Writer, title string, rows []dossier.BookEntry) error {
	values := make([][]any, len(rows))
	for i, r := range rows {
		var sets any
		if r.Sets > 0 {
			sets = r.Sets
		}
		values[i] = []any{
			i + 1, r.Code, r.Procedure, r.Applicant, r.Contact, sets,
			r.ReceivedAt, r.AppointmentAt, r.SentTo, r.ResultAt, "", r.Note,
		}
	}
	return write(w, layout{
		sheet: "Sổ theo dõi hồ sơ", title: title, headers: bookHeaders,
		widths: bookWidths, rows: values, landscape: true,
	})
}
