// Package notify tells applicants by e-mail what happened to their dossier (hồ sơ), and
// reminds officers of deadlines: it
// composes the messages and runs the worker that delivers them from the durable outbox.
// It knows no database and no network; the store and the mail transport come in through
// the Outbox and Sender interfaces.
package notify

import (
	"encoding/json"
	"net/mail"
	"net/url"
	"strings"
	"time"

	"github.com/motcua/motcua"
)

// Topic is the outbox topic of e-mail notifications.
const Topic = "email"

// Kind says which event of the dossier's life a message reports.
type Kind string

const (
	KindReceived            Kind = "received"             // tiếp nhận
	KindSupplementRequested Kind = "supplement_requested" // yêu cầu bổ sung
	KindPaymentRequested    Kind = "payment_requested"    // nghĩa vụ tài chính
	KindResultReady         Kind = "result_ready"         // có kết quả
	KindApology             Kind = "apology"              // xin lỗi, hẹn lại
	KindResultCorrected     Kind = "result_corrected"     // đính chính kết quả

	// Reminders to the officers who hold a dossier, not to the applicant.
	KindDueSoon Kind = "due_soon" // sắp đến hạn: less than a working day left
	KindOverdue Kind = "overdue"  // quá hạn
)

// Email is the outbox payload of one notification, stored as JSON. Times are instants;
// they are shown in Vietnam's time zone.
type Email struct {
	To               string    `json:"to"`
	Kind             Kind      `json:"kind"`
	DossierCode      string    `json:"dossier_code"`
	Procedure        string    `json:"procedure,omitempty"`
	Applicant        string    `json:"applicant,omitempty"`
	AppointmentAt    time.Time `json:"appointment_at,omitzero"`     // ngày hẹn trả (new one for an apology)
	OldAppointmentAt time.Time `json:"old_appointment_at,omitzero"` // apology: the date missed
	Missing          []string  `json:"missing,omitempty"`           // supplement: every missing paper, at once
	Reason           string    `json:"reason,omitempty"`            // apology: why it is late; correction: what was wrong
	ResultNumber     string    `json:"result_number,omitempty"`     // correction: the corrected document's number
	Amount           int64     `json:"amount,omitempty"`            // payment: đồng
	ReplyBy          time.Time `json:"reply_by,omitzero"`           // supplement or payment deadline
	TrackingURL      string    `json:"tracking_url,omitempty"`
	// Reminders: the officer written to, the unit holding the dossier and its console page.
	Officer   string `json:"officer,omitempty"`
	Unit      string `json:"unit,omitempty"`
	OfficeURL string `json:"office_url,omitempty"`
}

// Payload validates e and encodes it for Tx.Enqueue(ctx, notify.Topic, key, payload).
func (e Email) Payload() ([]byte, error) {
	if err := e.Validate(); err != nil {
		return nil, err
	}
	return json.Marshal(e)
}

// Validate reports the first field that makes e impossible to send.
func (e Email) Validate() error {
	if _, err := mail.ParseAddress(e.To); err != nil {
		return motcua.Invalid("to", "địa chỉ thư điện tử không hợp lệ", "invalid e-mail address")
	}
	if strings.TrimSpace(e.DossierCode) == "" {
		return motcua.Invalid("dossier_code", "thiếu mã hồ sơ", "dossier code is missing")
	}
	if e.TrackingURL != "" {
		u, err := url.Parse(e.TrackingURL)
		if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
			return motcua.Invalid("tracking_url", "địa chỉ tra cứu không hợp lệ", "invalid tracking URL")
		}
	}
	switch e.Kind {
	case KindReceived:
		if e.AppointmentAt.IsZero() {
			return motcua.Invalid("appointment_at", "thiếu ngày hẹn trả kết quả", "appointment date is missing")
		}
	case KindSupplementRequested:
		if len(e.Missing) == 0 {
			return motcua.Invalid("missing", "phải nêu đủ các giấy tờ cần bổ sung", "list what is missing")
		}
	case KindPaymentRequested:
		if e.Amount <= 0 {
			return motcua.Invalid("amount", "số tiền phải lớn hơn 0", "amount must be positive")
		}
	case KindResultReady:
	case KindDueSoon, KindOverdue:
		if e.AppointmentAt.IsZero() {
			return motcua.Invalid("appointment_at", "thiếu ngày hẹn trả kết quả", "appointment date is missing")
		}
	case KindApology:
		if strings.TrimSpace(e.Reason) == "" {
			return motcua.Invalid("reason", "thư xin lỗi phải nêu lý do", "an apology needs a reason")
		}
		if e.AppointmentAt.IsZero() {
			return motcua.Invalid("appointment_at", "thiếu ngày hẹn trả mới", "new appointment date is missing")
		}
	case KindResultCorrected:
		if strings.TrimSpace(e.Reason) == "" {
			return motcua.Invalid("reason", "thông báo đính chính phải nêu lý do", "a correction notice needs a reason")
		}
		if strings.TrimSpace(e.ResultNumber) == "" {
			return motcua.Invalid("result_number", "thiếu số văn bản kết quả", "result document number is missing")
		}
	default:
		return motcua.Invalid("kind", "loại thông báo không xác định", "unknown notification kind")
	}
	return nil
}
