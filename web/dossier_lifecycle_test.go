package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"testing"
	"time"
)

// TestDossierLifecycleOverHTTP follows one dossier from the applicant's draft to the
// rating, each move by the demo account whose job it is.
func TestDossierLifecycleOverHTTP(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
		citizen, desk := e.token("congdan"), e.token("tiepnhan")
		specialist, head := e.token("chuyenvien"), e.token("truongphong")
		leader, clerk := e.token("lanhdao"), e.token("vanthu")

		d := e.fileDraft(citizen, "draft-1")
		if d.Status.Code != 0 || d.Status.Key != "draft" {
			t.Fatalf("new draft status %+v", d.Status)
		}
		if r := e.upload(citizen, d.ID, "0", "don-de-nghi.pdf", fakePDF); r.status != http.StatusCreated {
			t.Fatalf("upload: %d %s", r.status, r.body)
		}
		e.act(d.ID, "submit", citizen, nil, 1)

		r := e.do("POST", fmt.Sprintf("/api/v1/dossiers/%d/receive", d.ID), desk, nil)
		var receipt struct {
			Code   string `json:"code"`
			Status struct {
				Code int    `json:"code"`
				Key  string `json:"key"`
			} `json:"status"`
			AppointmentAt string `json:"appointment_at"`
		}
		r.json(t, &receipt)
		if r.status != 200 || receipt.Status.Code != 2 || receipt.Status.Key != "new" || receipt.Code == "" || receipt.AppointmentAt == "" {
			t.Fatalf("receive: %d %s", r.status, r.body)
		}

		e.act(d.ID, "forward", desk, map[string]any{"to_unit": "QLTM", "note": "Chuyển phòng QLTM thẩm định"}, 4)
		e.act(d.ID, "request-supplement", specialist, map[string]any{
			"missing": []string{"Bản sao Giấy chứng nhận đăng ký doanh nghiệp"}, "note": "Thiếu giấy tờ"}, 5)
		up := e.upload(citizen, d.ID, "1", "gcn-dkdn.pdf", fakePDF)
		var doc struct {
			SHA256 string `json:"sha256"`
		}
		up.json(t, &doc)
		e.act(d.ID, "supplement", citizen, map[string]any{"attachments": []string{doc.SHA256}}, 4)
		e.act(d.ID, "request-payment", specialist, nil, 6)
		e.act(d.ID, "pay", citizen, map[string]any{"amount": 1200000, "method": "online", "reference": "VNPAY-1"}, 4)
		e.decide(d.ID, "125/GCN-SCT", specialist, head, leader, clerk)
		e.act(d.ID, "return-result", desk, nil, 10)
		final := e.act(d.ID, "rating", citizen, map[string]any{"score": 5, "comment": "Nhanh, chu đáo"}, 10)
		if final.Event == nil || final.Event.Seq != 14 || final.Event.Action != "rate" || final.Events != nil {
			t.Fatalf("a move answers its own event and not the history: %+v, %d events", final.Event, len(final.Events))
		}
		whole := e.call(http.StatusOK, "GET", fmt.Sprintf("/api/v1/dossiers/%d", d.ID), citizen, nil)
		if len(whole.Events) != 14 || len(whole.Documents) != 2 || whole.Event != nil {
			t.Fatalf("%d events, %d documents", len(whole.Events), len(whole.Documents))
		}

		full := e.do("GET", fmt.Sprintf("/api/v1/dossiers/%d", d.ID), citizen, nil)
		var view struct {
			Outcome  *struct{ Timing string } `json:"outcome"`
			Rating   *struct{ Score int }     `json:"rating"`
			Progress json.RawMessage          `json:"progress"`
		}
		full.json(t, &view)
		if view.Outcome == nil || view.Outcome.Timing == "" || view.Rating == nil || view.Rating.Score != 5 {
			t.Fatalf("final view: %s", full.body)
		}

		broken := 0
		if err := e.db.VerifyAllChains(context.Background(), func(int64, string, int, error) { broken++ }); err != nil || broken != 0 {
			t.Fatalf("chains: %d broken, %v", broken, err)
		}
		// Receipt, supplement request, payment request and result: one email each.
		items, err := e.db.ClaimOutbox(context.Background(), "email", "test", 10, 60e9)
		if err != nil || len(items) != 4 {
			t.Fatalf("outbox: %d items, %v", len(items), err)
		}
		kinds := ""
		for _, it := range items {
			var m map[string]any
			json.Unmarshal(it.Payload, &m)
			kinds += fmt.Sprint(m["kind"], " ")
			if m["to"] != "congdan@example.vn" || m["dossier_code"] != receipt.Code {
				t.Errorf("payload %s", it.Payload)
			}
		}
		if kinds != "received supplement_requested payment_requested result_ready " {
			t.Fatalf("kinds %q", kinds)
		}
		for _, form := range []string{"01", "02", "06"} {
			wantPDF(t, e.do("GET", fmt.Sprintf("/api/v1/dossiers/%d/forms/%s", d.ID, form), desk, nil), "form "+form)
		}
		wantPDF(t, e.do("GET", fmt.Sprintf("/api/v1/dossiers/%d/forms/01", d.ID), citizen, nil), "applicant's receipt")
		for _, form := range []string{"03", "04", "05"} {
			if r := e.do("GET", fmt.Sprintf("/api/v1/dossiers/%d/forms/%s", d.ID, form), desk, nil); r.status != http.StatusConflict {
				t.Fatalf("form %s on a returned dossier: %d, want 409", form, r.status)
			}
		}
		wantPDF(t, e.do("GET", "/api/v1/forms/07.pdf?from=2000-01-01&to=2100-12-31&unit=MC", desk, nil), "form 07")
		x := e.do("GET", "/api/v1/forms/07.xlsx?from=2000-01-01&to=2100-12-31", desk, nil)
		if x.status != 200 || string(x.body[:2]) != "PK" {
			t.Fatalf("form 07 xlsx: %d", x.status)
		}
	})
}

// TestClosingForms prints the refusal, apology and stop notices once they apply.
func TestClosingForms(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
		citizen, desk, head := e.token("congdan"), e.token("tiepnhan"), e.token("truongphong")

		refused := e.submitted(citizen)
		e.act(refused.ID, "refuse", desk, map[string]any{"reason": "Thủ tục không thuộc thẩm quyền"}, 3)
		wantPDF(t, e.do("GET", fmt.Sprintf("/api/v1/dossiers/%d/forms/03", refused.ID), desk, nil), "form 03")

		late := e.received(citizen, desk)
		if r := e.do("GET", fmt.Sprintf("/api/v1/dossiers/%d/forms/04", late.ID), desk, nil); r.status != http.StatusConflict {
			t.Fatalf("form 04 before an apology: %d", r.status)
		}
		e.act(late.ID, "forward", desk, map[string]any{"to_unit": "QLTM"}, 4)
		var cur struct {
			AppointmentAt string `json:"appointment_at"`
		}
		e.do("GET", fmt.Sprintf("/api/v1/dossiers/%d", late.ID), head, nil).json(t, &cur)
		newAt := mustTime(t, cur.AppointmentAt).AddDate(0, 0, 14)
		e.act(late.ID, "apologize", head, map[string]any{"reason": "Cần xác minh thực địa", "new_appointment": newAt}, 4)
		wantPDF(t, e.do("GET", fmt.Sprintf("/api/v1/dossiers/%d/forms/04", late.ID), citizen, nil), "form 04")
		items, _ := e.db.ClaimOutbox(context.Background(), "email", "t", 50, 60e9)
		if items[len(items)-1].DedupeKey != fmt.Sprintf("%d:4:apology", late.ID) {
			t.Fatalf("apology email key %q", items[len(items)-1].DedupeKey)
		}

		e.act(late.ID, "stop", head, map[string]any{"reason": "Cơ sở không đủ điều kiện", "notice": "12/TB-SCT"}, 8)
		wantPDF(t, e.do("GET", fmt.Sprintf("/api/v1/dossiers/%d/forms/05", late.ID), desk, nil), "form 05")
	})
}

func mustTime(t *testing.T, s string) time.Time {
	t.Helper()
	at, err := time.Parse(time.RFC3339, s)
	if err != nil {
		t.Fatal(err)
	}
	return at
}
