package pdf

import "time"

// Refusal is form 03, the refusal to receive a dossier (phiếu từ chối tiếp nhận giải
// quyết hồ sơ), given when the request is outside the agency's remit or not allowed.
type Refusal struct {
	Code       string // may be empty: a refused dossier may never get a code
	Applicant  Applicant
	Procedure  string
	ReceivedAt time.Time // when the request was examined; zero omits the line
	Reasons    []string
	Officer    string
}

// Form03 prints the refusal to receive a dossier.
func Form03(h Header, r Refusal) ([]byte, error) {
	d := newDocument(false, "Phiếu từ chối tiếp nhận giải quyết hồ sơ "+r.Code)
	d.header(h, true)
	var sub []string
	if r.Code != "" {
		sub = append(sub, "Mã hồ sơ: "+r.Code)
	}
	d.title("PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ", sub...)

	d.para("", h.actor()+" đã xem xét hồ sơ của:")
	d.applicant("Ông/Bà/Tổ chức", r.Applicant)
	d.field("Nội dung yêu cầu giải quyết", r.Procedure)
	if !r.ReceivedAt.IsZero() {
		d.para("", "Thời gian xem xét hồ sơ: "+longInstant(r.ReceivedAt))
	}
	d.Ln(1.5)
	d.para("", "Qua xem xét, "+h.actor()+" không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:")
	d.list(r.Reasons)
	d.para("", "Xin thông báo để ông/bà biết và thực hiện./.")

	d.signatures(signature{"NGƯỜI TIẾP NHẬN HỒ SƠ", "(Ký và ghi rõ họ tên)", r.Officer})
	return d.bytes()
}
