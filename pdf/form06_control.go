package pdf

import (
	"strconv"
	"time"
)

// Control is form 06, the control sheet of the processing (phiếu kiểm soát quá trình giải
// quyết hồ sơ): who handed the dossier to whom, when, and whether on time.
type Control struct {
	Code          string
	Applicant     string // name only
	Procedure     string
	ReceiptNumber string // number of the receipt slip it goes with, e.g. "125/GTN"
	ReceivedAt    time.Time
	AppointmentAt time.Time
	Handler       string // competent body, e.g. "Phòng Quản lý thương mại"
	Coordinators  string // bodies consulted, if any
	Handovers     []Handover
}

// Handover is one hand-over of the dossier. Both parties sign the printed sheet.
type Handover struct {
	FromUnit, FromPerson string
	ToUnit, ToPerson     string
	At                   time.Time
	Result               Timeliness
	Note                 string
}

// Form06 prints the control sheet; a long history runs onto further pages with the table
// header repeated.
func Form06(h Header, c Control) ([]byte, error) {
	d := newDocument(false, "Phiếu kiểm soát quá trình giải quyết hồ sơ "+c.Code)
	d.numberPages()
	d.header(h, false)
	d.title("PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", "Mã hồ sơ: "+orDots(c.Code))
	if c.ReceiptNumber != "" {
		d.para("I", "(Kèm theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả số: "+c.ReceiptNumber+")")
	}
	d.field("Tổ chức, cá nhân", c.Applicant)
	d.field("Nội dung yêu cầu giải quyết", c.Procedure)
	d.para("", "Thời gian nhận hồ sơ: "+longInstant(c.ReceivedAt))
	d.para("", "Thời gian hẹn trả kết quả: "+longInstant(c.AppointmentAt))
	d.field("Cơ quan (bộ phận) giải quyết hồ sơ", c.Handler)
	if c.Coordinators != "" {
		d.field("Cơ quan phối hợp giải quyết hồ sơ", c.Coordinators)
	}
	d.Ln(2)

	rest := d.width - (10 + 21 + 18 + 26 + 16 + 16)
	d.table([]column{
		{"STT", 10, "C"},
		{"Bên giao (cơ quan, người giao)", rest / 2, "L"},
		{"Bên nhận (cơ quan, người nhận)", rest / 2, "L"},
		{"Thời gian giao, nhận", 21, "C"},
		{"Kết quả (trước, đúng, quá hạn)", 18, "C"},
		{"Ghi chú", 26, "L"},
		{"Người giao ký", 16, "C"},
		{"Người nhận ký", 16, "C"},
	}, handoverRows(c.Handovers), tableStyle{Size: 9.5, MinRowH: 14, Numbered: true})
	return d.bytes()
}

func handoverRows(hs []Handover) [][]string {
	rows := make([][]string, len(hs))
	for i, h := range hs {
		rows[i] = []string{
			strconv.Itoa(i + 1),
			party(h.FromUnit, h.FromPerson),
			party(h.ToUnit, h.ToPerson),
			shortInstant(h.At),
			h.Result.String(),
			h.Note,
		}
	}
	return rows
}

// party puts the person under the unit in one cell.
func party(unit, person string) string {
	if person == "" {
		return unit
	}
	if unit == "" {
		return person
	}
	return unit + "\n" + person
}
