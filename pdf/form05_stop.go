package pdf

import "time"

// Stop is form 05, the notice that processing of a dossier stops (thông báo dừng xử lý hồ
// sơ), added by Circular 03/2025.
type Stop struct {
	Code       string
	Applicant  Applicant
	Procedure  string
	ReceivedAt time.Time
	Reason     string
	Signer     Signer
}

// Form05 prints the notice of stopping.
func Form05(h Header, s Stop) ([]byte, error) {
	d := newDocument(false, "Thông báo dừng xử lý hồ sơ "+s.Code)
	d.header(h, true)
	d.title("THÔNG BÁO DỪNG XỬ LÝ HỒ SƠ", "Mã hồ sơ: "+orDots(s.Code))

	d.field("Kính gửi", s.Applicant.Name)
	d.field("Địa chỉ", s.Applicant.Address)
	d.Ln(1.5)
	d.para("", "Vào "+longInstant(s.ReceivedAt)+", "+h.actor()+" đã tiếp nhận hồ sơ của ông/bà "+
		"đề nghị giải quyết thủ tục: "+orDots(s.Procedure)+".")
	d.para("", h.actor()+" thông báo dừng xử lý hồ sơ nêu trên.")
	d.para("", "Lý do: "+orDots(s.Reason))
	d.para("", "Ông/bà có thể liên hệ "+h.actor()+" để nhận lại hồ sơ và được hướng dẫn thêm.")
	d.para("", "Xin thông báo để ông/bà biết./.")

	d.signatures(s.Signer.signature())
	return d.bytes()
}
