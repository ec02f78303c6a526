package pdf

import "time"

// Apology is form 04, the apology with a new appointment (phiếu xin lỗi và hẹn lại ngày trả
// kết quả), sent at the latest one working day before a date the agency cannot keep.
type Apology struct {
	Code           string
	Applicant      Applicant
	Procedure      string
	ReceivedAt     time.Time
	OldAppointment time.Time
	NewAppointment time.Time
	Reason         string
	Signer         Signer
}

// Form04 prints the apology and new appointment.
func Form04(h Header, a Apology) ([]byte, error) {
	d := newDocument(false, "Phiếu xin lỗi và hẹn lại ngày trả kết quả "+a.Code)
	d.header(h, true)
	d.title("PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ", "Mã hồ sơ: "+orDots(a.Code))

	d.field("Kính gửi", a.Applicant.Name)
	d.Ln(1.5)
	d.para("", "Vào "+longInstant(a.ReceivedAt)+", "+h.actor()+" đã tiếp nhận hồ sơ của ông/bà "+
		"đề nghị giải quyết thủ tục: "+orDots(a.Procedure)+".")
	d.para("", "Thời gian hẹn trả kết quả giải quyết hồ sơ: "+longInstant(a.OldAppointment)+".")
	d.para("", "Tuy nhiên đến nay, "+h.actor()+" chưa trả kết quả giải quyết hồ sơ cho ông/bà "+
		"đúng hẹn ghi trong Giấy tiếp nhận hồ sơ và hẹn trả kết quả.")
	d.para("", "Lý do: "+orDots(a.Reason))
	d.para("", "Sự chậm trễ này đã gây phiền hà, tốn kém thời gian và chi phí đi lại của ông/bà. "+
		h.actor()+" xin lỗi ông/bà và sẽ trả kết quả giải quyết hồ sơ vào:")
	d.para("B", longInstant(a.NewAppointment)+".")
	d.para("", "Xin trân trọng cảm ơn sự hợp tác của ông/bà./.")

	d.signatures(a.Signer.signature())
	return d.bytes()
}
