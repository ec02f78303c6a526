package notify

import (
	"bytes"
	"errors"
	"io"
	"mime"
	"mime/quotedprintable"
	"net/mail"
	"strings"
	"testing"
	"time"

	"github.com/motcua/motcua"
)

const testFrom = "Sở Công Thương <noreply@sct.example.gov.vn>"

var ict = time.FixedZone("ICT", 7*3600)

func sampleEmail(kind Kind) Email {
	return Email{
		To:               "an.nguyen@example.vn",
		Kind:             kind,
		DossierCode:      "000.01.12.H26-261128-0001",
		Procedure:        "Cấp giấy phép kinh doanh bán lẻ sản phẩm rượu",
		Applicant:        "Nguyễn Văn An",
		AppointmentAt:    time.Date(2026, 12, 5, 8, 0, 0, 0, ict),
		OldAppointmentAt: time.Date(2026, 12, 3, 16, 30, 0, 0, ict),
		Missing:          []string{"Bản sao giấy chứng nhận đăng ký doanh nghiệp", "Hợp đồng thuê kho"},
		Reason:           "Cần xác minh thực tế địa điểm kinh doanh.",
		ResultNumber:     "123/GP-SCT",
		Amount:           1200000,
		ReplyBy:          time.Date(2026, 12, 15, 0, 0, 0, 0, ict),
		TrackingURL:      "https://dichvucong.example.gov.vn/track?code=000.01.12.H26-261128-0001",
		Officer:          "Trần Văn Minh",
		Unit:             "Phòng Quản lý thương mại",
		OfficeURL:        "https://dichvucong.example.gov.vn/office/dossiers/42",
	}
}

// render composes, stamps and parses e back as a mail reader would.
func render(t *testing.T, e Email, key string) (*mail.Message, string) {
	t.Helper()
	m, err := Compose(e, testFrom)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := m.Stamp(key, time.Date(2026, 11, 28, 2, 15, 0, 0, time.UTC)).Bytes()
	if err != nil {
		t.Fatal(err)
	}
	for i, line := range strings.Split(string(raw), "\r\n") {
		if len(line) > 78 {
			t.Errorf("line %d is %d characters long: %q", i+1, len(line), line)
		}
	}
	if bytes.Contains(bytes.ReplaceAll(raw, []byte("\r\n"), nil), []byte("\n")) {
		t.Error("bare LF in message")
	}
	msg, err := mail.ReadMessage(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	body, err := io.ReadAll(quotedprintable.NewReader(msg.Body))
	if err != nil {
		t.Fatal(err)
	}
	return msg, string(body)
}

func TestComposeHeaders(t *testing.T) {
	msg, _ := render(t, sampleEmail(KindReceived), "dossier/1/received")
	h := msg.Header
	var dec mime.WordDecoder
	subject, err := dec.DecodeHeader(h.Get("Subject"))
	if err != nil {
		t.Fatal(err)
	}
	if want := "Đã tiếp nhận hồ sơ 000.01.12.H26-261128-0001"; subject != want {
		t.Errorf("Subject = %q, want %q", subject, want)
	}
	if !strings.HasPrefix(h.Get("Subject"), "=?utf-8?b?") {
		t.Errorf("Subject not RFC 2047 encoded: %q", h.Get("Subject"))
	}
	from, err := h.AddressList("From")
	if err != nil || from[0].Name != "Sở Công Thương" || from[0].Address != "noreply@sct.example.gov.vn" {
		t.Errorf("From = %v, %v", from, err)
	}
	if to, err := h.AddressList("To"); err != nil || to[0].Address != "an.nguyen@example.vn" {
		t.Errorf("To = %v, %v", to, err)
	}
	date, err := h.Date()
	if err != nil || !date.Equal(time.Date(2026, 11, 28, 2, 15, 0, 0, time.UTC)) {
		t.Errorf("Date = %v, %v", date, err)
	}
	if !strings.HasSuffix(h.Get("Date"), "+0700") {
		t.Errorf("Date not in Vietnam's zone: %q", h.Get("Date"))
	}
	want := map[string]string{
		"MIME-Version":              "1.0",
		"Content-Type":              "text/plain; charset=utf-8",
		"Content-Transfer-Encoding": "quoted-printable",
		"Auto-Submitted":            "auto-generated",
		"Message-Id":                "<" + MessageID("dossier/1/received", "noreply@sct.example.gov.vn") + ">",
	}
	for k, v := range want {
		if got := h.Get(k); got != v {
			t.Errorf("%s = %q, want %q", k, got, v)
		}
	}
}

func TestMessageIDIsDeterministic(t *testing.T) {
	a := MessageID("dossier/1/received", "noreply@sct.example.gov.vn")
	if b := MessageID("dossier/1/received", "noreply@sct.example.gov.vn"); a != b {
		t.Errorf("same key gave %q and %q", a, b)
	}
	if c := MessageID("dossier/2/received", "noreply@sct.example.gov.vn"); a == c {
		t.Error("different keys gave the same Message-ID")
	}
	if !strings.HasSuffix(a, "@sct.example.gov.vn") {
		t.Errorf("Message-ID %q is not in the sender's domain", a)
	}
	// Two renderings of the same item are identical to the byte, so a re-send is a copy.
	m, _ := Compose(sampleEmail(KindApology), testFrom)
	at := time.Date(2026, 11, 28, 9, 0, 0, 0, ict)
	r1, _ := m.Stamp("k", at).Bytes()
	r2, _ := m.Stamp("k", at).Bytes()
	if !bytes.Equal(r1, r2) {
		t.Error("rendering is not deterministic")
	}
}

func TestComposeBodies(t *testing.T) {
	cases := []struct {
		kind    Kind
		subject string
		body    []string
	}{
		{KindReceived, "Đã tiếp nhận hồ sơ", []string{"Kính gửi: Nguyễn Văn An,", "đã được tiếp nhận",
			"Ngày hẹn trả kết quả: 08:00 ngày 05/12/2026.", "English: your application", "track?code="}},
		{KindSupplementRequested, "Yêu cầu bổ sung hồ sơ", []string{"1. Bản sao giấy chứng nhận đăng ký doanh nghiệp",
			"2. Hợp đồng thuê kho", "Hạn bổ sung: ngày 15/12/2026.", "không tính vào thời hạn giải quyết",
			"by 15 Dec 2026"}},
		{KindPaymentRequested, "Đề nghị nộp phí, lệ phí hồ sơ", []string{"Số tiền phải nộp: 1.200.000 đồng.",
			"VND 1,200,000", "Hạn nộp: ngày 15/12/2026."}},
		{KindResultReady, "Đã có kết quả hồ sơ", []string{"đã có kết quả giải quyết", "is ready"}},
		{KindResultCorrected, "Đính chính kết quả hồ sơ", []string{"đã được đính chính",
			"Lý do: Cần xác minh thực tế địa điểm kinh doanh.", "sau đính chính: số 123/GP-SCT.", "now no. 123/GP-SCT"}},
		{KindApology, "Thư xin lỗi", []string{"thành thật xin lỗi", "(16:30 ngày 03/12/2026)",
			"Lý do: Cần xác minh thực tế địa điểm kinh doanh.", "Ngày hẹn trả kết quả mới: 08:00 ngày 05/12/2026.",
			"05 Dec 2026 08:00 (UTC+7)"}},
		{KindDueSoon, "Hồ sơ sắp đến hạn", []string{"Kính gửi: Trần Văn Minh,", "đang xử lý tại Phòng Quản lý thương mại",
			"sắp đến hạn trả kết quả: 08:00 ngày 05/12/2026.", "Xem hồ sơ: https://dichvucong.example.gov.vn/office/dossiers/42",
			"in less than one working day"}},
		{KindOverdue, "Hồ sơ quá hạn", []string{"Kính gửi: Trần Văn Minh,", "đã quá hạn trả kết quả (hẹn trả: 08:00 ngày 05/12/2026)",
			"is overdue"}},
	}
	for _, c := range cases {
		t.Run(string(c.kind), func(t *testing.T) {
			msg, body := render(t, sampleEmail(c.kind), "k/"+string(c.kind))
			var dec mime.WordDecoder
			subject, _ := dec.DecodeHeader(msg.Header.Get("Subject"))
			if !strings.HasPrefix(subject, c.subject) {
				t.Errorf("subject %q does not start with %q", subject, c.subject)
			}
			for _, want := range append(c.body, "vui lòng không trả lời", "please do not reply") {
				if !strings.Contains(body, want) {
					t.Errorf("body lacks %q:\n%s", want, body)
				}
			}
		})
	}
}

func TestComposeNormalisesAndKeepsHeadersOnOneLine(t *testing.T) {
	e := sampleEmail(KindResultReady)
	e.DossierCode = "H26-1\r\nBcc: victim@example.com"
	e.Applicant = "Nguye\u0302\u0303n Văn An" // combining marks
	msg, body := render(t, e, "k")
	if msg.Header.Get("Bcc") != "" {
		t.Fatal("a line break in a field started a new header")
	}
	if !strings.Contains(body, "Kính gửi: Nguyễn Văn An,") {
		t.Errorf("applicant not in NFC:\n%s", body)
	}
}

func TestComposeRejects(t *testing.T) {
	cases := map[string]func(*Email){
		"to":             func(e *Email) { e.To = "not an address" },
		"kind":           func(e *Email) { e.Kind = "birthday" },
		"dossier_code":   func(e *Email) { e.DossierCode = " " },
		"tracking_url":   func(e *Email) { e.TrackingURL = "javascript:alert(1)" },
		"appointment_at": func(e *Email) { e.AppointmentAt = time.Time{} },
	}
	for field, spoil := range cases {
		e := sampleEmail(KindReceived)
		spoil(&e)
		_, err := Compose(e, testFrom)
		var me *motcua.Error
		if !errors.As(err, &me) || me.Field != field || !errors.Is(err, motcua.ErrInvalid) {
			t.Errorf("%s: err = %v", field, err)
		}
	}
	e := sampleEmail(KindSupplementRequested)
	e.Missing = nil
	if _, err := Compose(e, testFrom); !errors.Is(err, motcua.ErrInvalid) {
		t.Errorf("supplement without missing items: %v", err)
	}
	if _, err := Compose(sampleEmail(KindReceived), "nobody"); err == nil {
		t.Error("bad sender accepted")
	}
	if _, err := (Message{}).Bytes(); err == nil {
		t.Error("unstamped message rendered")
	}
}

func TestPayloadRoundTrip(t *testing.T) {
	e := sampleEmail(KindApology)
	p, err := e.Payload()
	if err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{`"to":`, `"kind":"apology"`, `"dossier_code":`, `"appointment_at":"2026-12-05T08:00:00+07:00"`,
		`"old_appointment_at":`, `"missing":[`, `"reason":`, `"amount":1200000`, `"reply_by":`, `"tracking_url":`} {
		if !bytes.Contains(p, []byte(key)) {
			t.Errorf("payload lacks %s: %s", key, p)
		}
	}
	p, _ = Email{To: "a@b.vn", Kind: KindResultReady, DossierCode: "X"}.Payload()
	if bytes.Contains(p, []byte("appointment_at")) {
		t.Errorf("zero times are not omitted: %s", p)
	}
}

func TestBackoff(t *testing.T) {
	want := []time.Duration{30 * time.Second, time.Minute, 2 * time.Minute, 4 * time.Minute}
	for i, w := range want {
		if got := Backoff(i + 1); got != w {
			t.Errorf("Backoff(%d) = %v, want %v", i+1, got, w)
		}
	}
	if got := Backoff(100); got != time.Hour {
		t.Errorf("Backoff(100) = %v, want 1h", got)
	}
}

func TestMaskAddress(t *testing.T) {
	if got := MaskAddress("nguyenvanan@gmail.com"); got != "ng***@gmail.com" {
		t.Error(got)
	}
	if got := MaskAddress("a@b.vn"); got != "a***@b.vn" {
		t.Error(got)
	}
}
