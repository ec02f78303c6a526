package pdf

import (
	"fmt"
	"strconv"
	"time"
)

// Receipt is form 01, the receipt and appointment slip (giấy tiếp nhận hồ sơ và hẹn trả
// kết quả) that every receipt must issue.
type Receipt struct {
	Code          string // dossier code, e.g. "000.00.26.H26-261128-0007"
	Applicant     Applicant
	Procedure     string     // name of the administrative procedure requested
	Documents     []Document // documents received
	Sets          int        // number of dossier sets (bộ)
	Duration      string     // statutory processing time as printed, e.g. "15 ngày làm việc"
	ReceivedAt    time.Time
	AppointmentAt time.Time
	CollectAt     string // where the result is handed over, e.g. "Bộ phận Một cửa Sở Công Thương"
	Officer       string // receiving officer's full name
	TrackingURL   string // encoded in the QR code; no code when empty
}

// Document is one paper of the dossier with how many originals and copies were handed in.
type Document struct {
	Name      string
	Originals int
	Copies    int
}

// qrSide is the printed size of the tracking code without its quiet zone; 25 mm reads
// well from a phone.
const qrSide = 25.0

// Form01 prints the receipt and appointment slip.
func Form01(h Header, r Receipt) ([]byte, error) {
	d := newDocument(false, "Giấy tiếp nhận hồ sơ và hẹn trả kết quả "+r.Code)
	d.header(h, true)
	d.title("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", "Mã hồ sơ: "+orDots(r.Code))

	if r.TrackingURL != "" {
		pageW, _ := d.GetPageSize()
		x, y := pageW-d.right-qrSide, d.GetY()+1
		if err := d.qrCode(r.TrackingURL, x, y, qrSide); err != nil {
			return nil, err
		}
		d.SetXY(x+qrSide/2-20, y+qrSide+0.5)
		d.SetFont(family, "I", 8.5)
		d.CellFormat(40, 4, "Quét mã để tra cứu hồ sơ", "", 2, "C", false, 0, "")
		d.asideBottom, d.asideWidth = d.GetY()+1, qrSide+7
		left, _, _, _ := d.GetMargins()
		d.SetXY(left, y)
	}

	d.para("", h.actor()+" đã tiếp nhận hồ sơ của:")
	d.applicant("Ông/Bà/Tổ chức", r.Applicant)
	d.field("Nội dung yêu cầu giải quyết", r.Procedure)

	d.para("", "1. Thành phần hồ sơ nộp gồm:")
	d.table([]column{
		{"STT", 12, "C"},
		{"Tên giấy tờ", d.width - 12 - 22 - 22, "L"},
		{"Bản chính", 22, "C"},
		{"Bản sao", 22, "C"},
	}, documentRows(r.Documents), tableStyle{Size: 11})
	d.Ln(1.5)
	d.para("", "2. Số lượng hồ sơ: "+orFewDots(count(r.Sets))+" (bộ)")
	d.para("", "3. Thời gian giải quyết hồ sơ theo quy định: "+orDots(r.Duration))
	d.para("", "4. Thời gian nhận hồ sơ: "+longInstant(r.ReceivedAt))
	d.para("B", "5. Thời gian trả kết quả giải quyết hồ sơ: "+longInstant(r.AppointmentAt))
	d.para("", "6. Đăng ký nhận kết quả tại: "+orDots(r.CollectAt))

	d.signatures(
		signature{"NGƯỜI NỘP HỒ SƠ", "(Ký và ghi rõ họ tên)", r.Applicant.Name},
		signature{"NGƯỜI TIẾP NHẬN HỒ SƠ", "(Ký và ghi rõ họ tên)", r.Officer},
	)
	return d.bytes()
}

// documentRows lists the papers; with none, three blank rows are left to fill by hand.
func documentRows(docs []Document) [][]string {
	if len(docs) == 0 {
		return [][]string{{"1"}, {"2"}, {"3"}}
	}
	rows := make([][]string, len(docs))
	for i, doc := range docs {
		rows[i] = []string{strconv.Itoa(i + 1), doc.Name, count(doc.Originals), count(doc.Copies)}
	}
	return rows
}

// count prints a quantity as forms do, two digits: "01", "02", "10"; zero stays blank.
func count(n int) string {
	if n <= 0 {
		return ""
	}
	return fmt.Sprintf("%02d", n)
}
