package pdf

import "time"

// Supplement is form 02, the request to supplement and complete a dossier (phiếu yêu cầu
// bổ sung, hoàn thiện hồ sơ). The rules allow one such request, listing everything missing.
type Supplement struct {
	Code       string
	Applicant  Applicant
	Procedure  string
	ReceivedAt time.Time // when the dossier was handed in; zero omits the line
	Missing    []string  // each item to add or correct
	Reason     string
	Deadline   time.Time // last day to answer; zero omits the line
	Contact    string    // who to call for guidance, e.g. "Trần Văn Đức, số điện thoại 0226 3852 123"
	Officer    string    // officer who gives the guidance
}

// Form02 prints the request to supplement and complete a dossier.
func Form02(h Header, s Supplement) ([]byte, error) {
	d := newDocument(false, "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ "+s.Code)
	d.header(h, true)
	d.title("PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", "Mã hồ sơ: "+orDots(s.Code))

	d.applicant("Hồ sơ của", s.Applicant)
	d.field("Nội dung yêu cầu giải quyết", s.Procedure)
	if !s.ReceivedAt.IsZero() {
		d.para("", "Thời gian nhận hồ sơ: "+longInstant(s.ReceivedAt))
	}
	d.Ln(1.5)
	d.para("", "Sau khi xem xét, "+h.actor()+" đề nghị ông/bà bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:")
	d.list(s.Missing)
	d.para("", "Lý do: "+orDots(s.Reason))
	if !s.Deadline.IsZero() {
		d.para("B", "Thời hạn bổ sung, hoàn thiện hồ sơ: trước "+longInstant(s.Deadline)+".")
	}
	d.para("", "Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, ông/bà liên hệ "+
		orDots(s.Contact)+" để được hướng dẫn.")
	d.para("I", "Thời gian bổ sung, hoàn thiện hồ sơ không tính vào thời hạn giải quyết.")

	d.signatures(signature{"NGƯỜI HƯỚNG DẪN", "(Ký và ghi rõ họ tên)", s.Officer})
	return d.bytes()
}
