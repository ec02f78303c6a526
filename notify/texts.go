package notify

import (
	"fmt"
	"strings"
)

// texts holds, per kind, the Vietnamese subject and body with one English line. Wording
// follows the forms of Circular 01/2018/TT-VPCP (02 supplement, 04 apology).
var texts = map[Kind]func(Email) (subject, body string){
	KindReceived:            receivedText,
	KindSupplementRequested: supplementText,
	KindPaymentRequested:    paymentText,
	KindResultReady:         resultText,
	KindApology:             apologyText,
	KindResultCorrected:     correctionText,
	KindDueSoon:             dueSoonText,
	KindOverdue:             overdueText,
}

const footer = "\n-- \n" +
	"Thư này được gửi tự động từ hệ thống Một cửa, vui lòng không trả lời thư này.\n" +
	"This message was sent automatically; please do not reply.\n"

func receivedText(e Email) (string, string) {
	var b strings.Builder
	greet(&b, e)
	fmt.Fprintf(&b, "Hồ sơ số %s%s đã được tiếp nhận.\n", e.DossierCode, about(e))
	fmt.Fprintf(&b, "Ngày hẹn trả kết quả: %s.\n", dateVI(e.AppointmentAt))
	track(&b, e)
	fmt.Fprintf(&b, "\nEnglish: your application %s has been received; the result is due on %s.\n",
		e.DossierCode, dateEN(e.AppointmentAt))
	return "Đã tiếp nhận hồ sơ " + e.DossierCode, b.String()
}

func supplementText(e Email) (string, string) {
	var b strings.Builder
	greet(&b, e)
	fmt.Fprintf(&b, "Hồ sơ số %s%s chưa đầy đủ. Đề nghị bổ sung, hoàn thiện các nội dung sau:\n",
		e.DossierCode, about(e))
	for i, m := range e.Missing {
		fmt.Fprintf(&b, "  %d. %s\n", i+1, m)
	}
	if !e.ReplyBy.IsZero() {
		fmt.Fprintf(&b, "Hạn bổ sung: %s.\n", dateVI(e.ReplyBy))
	}
	b.WriteString("Thời gian bổ sung hồ sơ không tính vào thời hạn giải quyết; " +
		"ngày hẹn trả kết quả sẽ được lùi tương ứng.\n")
	track(&b, e)
	fmt.Fprintf(&b, "\nEnglish: your application %s is incomplete; please supply the items listed above%s. "+
		"The time this takes does not count toward the deadline.\n", e.DossierCode, byEN(e))
	return "Yêu cầu bổ sung hồ sơ " + e.DossierCode, b.String()
}

func paymentText(e Email) (string, string) {
	var b strings.Builder
	greet(&b, e)
	fmt.Fprintf(&b, "Hồ sơ số %s%s cần thực hiện nghĩa vụ tài chính.\n", e.DossierCode, about(e))
	fmt.Fprintf(&b, "Số tiền phải nộp: %s.\n", moneyVI(e.Amount))
	if !e.ReplyBy.IsZero() {
		fmt.Fprintf(&b, "Hạn nộp: %s.\n", dateVI(e.ReplyBy))
	}
	b.WriteString("Ông/Bà có thể nộp trực tuyến hoặc tại Bộ phận Một cửa.\n")
	track(&b, e)
	fmt.Fprintf(&b, "\nEnglish: please pay %s for application %s%s, online or at the one-stop desk.\n",
		moneyEN(e.Amount), e.DossierCode, byEN(e))
	return "Đề nghị nộp phí, lệ phí hồ sơ " + e.DossierCode, b.String()
}

func resultText(e Email) (string, string) {
	var b strings.Builder
	greet(&b, e)
	fmt.Fprintf(&b, "Hồ sơ số %s%s đã có kết quả giải quyết.\n", e.DossierCode, about(e))
	b.WriteString("Mời Ông/Bà nhận kết quả theo hình thức đã đăng ký; " +
		"khi nhận trực tiếp, vui lòng mang theo giấy tiếp nhận hồ sơ và hẹn trả kết quả.\n")
	track(&b, e)
	fmt.Fprintf(&b, "\nEnglish: the result of your application %s is ready.\n", e.DossierCode)
	return "Đã có kết quả hồ sơ " + e.DossierCode, b.String()
}

func correctionText(e Email) (string, string) {
	var b strings.Builder
	greet(&b, e)
	fmt.Fprintf(&b, "Kết quả giải quyết hồ sơ số %s%s đã được đính chính.\n", e.DossierCode, about(e))
	fmt.Fprintf(&b, "Lý do: %s\n", e.Reason)
	fmt.Fprintf(&b, "Văn bản kết quả sau đính chính: số %s.\n", e.ResultNumber)
	b.WriteString("Việc đính chính không thu phí. Mời Ông/Bà nhận văn bản đã đính chính theo hình thức đã đăng ký.\n")
	track(&b, e)
	fmt.Fprintf(&b, "\nEnglish: the result of your application %s has been corrected (now no. %s), free of charge.\n",
		e.DossierCode, e.ResultNumber)
	return "Đính chính kết quả hồ sơ " + e.DossierCode, b.String()
}

func apologyText(e Email) (string, string) {
	var b strings.Builder
	greet(&b, e)
	fmt.Fprintf(&b, "Cơ quan giải quyết thành thật xin lỗi vì hồ sơ số %s%s chưa thể trả kết quả đúng hẹn",
		e.DossierCode, about(e))
	if !e.OldAppointmentAt.IsZero() {
		fmt.Fprintf(&b, " (%s)", dateVI(e.OldAppointmentAt))
	}
	b.WriteString(".\n")
	fmt.Fprintf(&b, "Lý do: %s\n", e.Reason)
	fmt.Fprintf(&b, "Ngày hẹn trả kết quả mới: %s.\n", dateVI(e.AppointmentAt))
	track(&b, e)
	fmt.Fprintf(&b, "\nEnglish: we apologise that application %s is late, for the reason given above; "+
		"the new due date is %s.\n", e.DossierCode, dateEN(e.AppointmentAt))
	return "Thư xin lỗi và hẹn lại ngày trả kết quả hồ sơ " + e.DossierCode, b.String()
}

// greet addresses the applicant.
func greet(b *strings.Builder, e Email) { greeting(b, e.Applicant, "Quý Ông/Bà") }

// greeting opens a message to name, or to the polite form when there is no name.
func greeting(b *strings.Builder, name, polite string) {
	if name == "" {
		name = polite
	}
	fmt.Fprintf(b, "Kính gửi: %s,\n\n", name)
}

func about(e Email) string {
	if e.Procedure == "" {
		return ""
	}
	return " (thủ tục: " + e.Procedure + ")"
}

func track(b *strings.Builder, e Email) { link(b, "Tra cứu tình trạng hồ sơ", e.TrackingURL) }

// link writes a labelled address on a line of its own, if there is one.
func link(b *strings.Builder, label, url string) {
	if url != "" {
		fmt.Fprintf(b, "%s: %s\n", label, url)
	}
}

func byEN(e Email) string {
	if e.ReplyBy.IsZero() {
		return ""
	}
	return " by " + dateEN(e.ReplyBy)
}

// dueSoonText reminds the officers holding a dossier that less than a working day is left.
func dueSoonText(e Email) (string, string) {
	var b strings.Builder
	greetOfficer(&b, e)
	fmt.Fprintf(&b, "Hồ sơ số %s%s%s sắp đến hạn trả kết quả: %s.\n", e.DossierCode, about(e), holder(e),
		dateVI(e.AppointmentAt))
	b.WriteString("Đề nghị hoàn thành phần việc được giao trước thời hạn; nếu không thể, " +
		"báo cáo để Bộ phận Một cửa gửi thư xin lỗi và hẹn lại ngày trả kết quả trước hạn ít nhất một ngày làm việc.\n")
	office(&b, e)
	fmt.Fprintf(&b, "\nEnglish: dossier %s is due on %s, in less than one working day.\n", e.DossierCode,
		dateEN(e.AppointmentAt))
	return "Hồ sơ sắp đến hạn: " + e.DossierCode, b.String()
}

// overdueText tells the officers holding a dossier, and the head of their unit, that it is late.
func overdueText(e Email) (string, string) {
	var b strings.Builder
	greetOfficer(&b, e)
	fmt.Fprintf(&b, "Hồ sơ số %s%s%s đã quá hạn trả kết quả (hẹn trả: %s).\n", e.DossierCode, about(e), holder(e),
		dateVI(e.AppointmentAt))
	b.WriteString("Đề nghị khẩn trương giải quyết và cho biết lý do chậm trễ.\n")
	office(&b, e)
	fmt.Fprintf(&b, "\nEnglish: dossier %s is overdue; it was due on %s.\n", e.DossierCode, dateEN(e.AppointmentAt))
	return "Hồ sơ quá hạn: " + e.DossierCode, b.String()
}

func greetOfficer(b *strings.Builder, e Email) { greeting(b, e.Officer, "Đồng chí") }

func holder(e Email) string {
	if e.Unit == "" {
		return ""
	}
	return ", đang xử lý tại " + e.Unit + ","
}

func office(b *strings.Builder, e Email) { link(b, "Xem hồ sơ", e.OfficeURL) }
