package web

import (
	"fmt"
	"slices"
	"time"

	"github.com/motcua/motcua/dossier"
	"github.com/motcua/motcua/sqlstore"
)

// formLink is a printed form of the dossier the applicant may download.
type formLink struct {
	Number, VI, EN, URL string
}

// answers reports whether doc was uploaded to answer the request made at asked. Moves are
// stamped to the second and uploads to the millisecond, so a file uploaded in the very
// second of the request counts only if the supplement form labelled it with a missing item.
func answers(doc sqlstore.Document, asked time.Time, missing []string) bool {
	if doc.UploadedAt.Before(asked) {
		return false
	}
	return doc.UploadedAt.Sub(asked) >= time.Second || (doc.Slot < 0 && slices.Contains(missing, doc.SlotName))
}

// resultHashes are the files attached when the result was issued, corrected or handed
// back.
func resultHashes(events []dossier.Event) []string {
	var out []string
	for _, e := range events {
		if e.Action == dossier.IssueResult || e.Action == dossier.CorrectResult || e.Action == dossier.ReturnResult {
			out = append(out, e.Attachments...)
		}
	}
	return out
}

// formsOf lists the printed forms that concern the applicant and already apply. Form 06,
// the internal control sheet, is the agency's.
func formsOf(d *dossier.Dossier) []formLink {
	link := func(n, vi, en string) formLink {
		return formLink{n, vi, en, fmt.Sprintf("/api/v1/dossiers/%d/forms/%s", d.ID, n)}
	}
	var out []formLink
	if !d.ReceivedAt.IsZero() {
		out = append(out, link("01", "Giấy tiếp nhận hồ sơ và hẹn trả kết quả", "Receipt and appointment slip"))
	}
	if len(d.Supplements) > 0 || d.Guidance != nil {
		out = append(out, link("02", "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ", "Request to complete the dossier"))
	}
	if d.Closure != nil && d.Closure.Action == dossier.Refuse {
		out = append(out, link("03", "Phiếu từ chối tiếp nhận hồ sơ", "Refusal of receipt"))
	}
	if d.Apology != nil {
		out = append(out, link("04", "Phiếu xin lỗi và hẹn lại ngày trả kết quả", "Apology with a new appointment"))
	}
	if d.Closure != nil && d.Closure.Action == dossier.Stop {
		out = append(out, link("05", "Thông báo dừng xử lý hồ sơ", "Notice of stopping"))
	}
	return out
}
