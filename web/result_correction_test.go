package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestResultCorrection corrects a returned dossier's result through the API and through
// the clerk's console: only the clerk and the leader may, a reason is required, the
// status stays, the corrected file and every earlier version are kept, the applicant is
// told by e-mail and sees the history on their page, the control sheet still prints and
// the chain still verifies.
func TestResultCorrection(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
		citizen, desk := e.token("congdan"), e.token("tiepnhan")
		specialist, head := e.token("chuyenvien"), e.token("truongphong")
		leader, clerk := e.token("lanhdao"), e.token("vanthu")
		d := e.received(citizen, desk)
		e.act(d.ID, "forward", desk, map[string]any{"to_unit": "QLTM"}, 4)
		e.decide(d.ID, "125/GCN-SCT", specialist, head, leader, clerk)
		if done := e.act(d.ID, "return-result", desk, nil, 10); contains(done.AllowedActions, "correct-result") {
			t.Fatalf("the desk officer is offered a correction: %v", done.AllowedActions)
		}

		path := fmt.Sprintf("/api/v1/dossiers/%d/correct-result", d.ID)
		fix := map[string]any{"reason": "Sai tên chủ hộ kinh doanh", "result_number": "125/GCN-SCT"}
		for who, token := range map[string]string{"desk officer": desk, "applicant": citizen, "specialist": specialist} {
			if r := e.do("POST", path, token, fix); r.status != http.StatusForbidden {
				t.Fatalf("%s correcting: %d %s, want 403", who, r.status, r.body)
			}
		}
		if r := e.do("POST", path, clerk, map[string]any{"result_number": "125/GCN-SCT"}); r.status != http.StatusUnprocessableEntity ||
			!strings.Contains(string(r.body), `"field":"reason"`) {
			t.Fatalf("a correction without a reason: %d %s", r.status, r.body)
		}

		up := e.upload(clerk, d.ID, "", "gcn-dinh-chinh.pdf", fakePDF)
		if up.status != http.StatusCreated {
			t.Fatalf("the clerk's upload of the corrected result: %d %s", up.status, up.body)
		}
		var doc struct {
			SHA256 string `json:"sha256"`
		}
		up.json(t, &doc)
		fix["attachments"] = []string{doc.SHA256}
		moved := e.act(d.ID, "correct-result", clerk, fix, 10)
		if moved.Event == nil || moved.Event.Action != "correct-result" {
			t.Fatalf("the move's event: %+v", moved.Event)
		}

		// The leader corrects again from the console's form, with a new number.
		b := e.browser()
		b.login("lanhdao")
		page := b.get(fmt.Sprintf("/office/dossiers/%d", d.ID))
		if page.status != http.StatusOK || !strings.Contains(string(page.body), `id="act-correct-result"`) ||
			!strings.Contains(string(page.body), `value="125/GCN-SCT"`) {
			t.Fatalf("the leader's console offers no prefilled correction: %d", page.status)
		}
		r := b.post(fmt.Sprintf("/office/dossiers/%d/correct-result", d.ID), url.Values{
			"reason": {"Sai địa chỉ trụ sở"}, "result_number": {"125/GCN-SCT-ĐC"}, "result_validity": {"05 năm"},
			"csrf_token": {b.csrf()}})
		if r.status != http.StatusSeeOther {
			t.Fatalf("console correction: %d %s", r.status, r.body)
		}

		var view struct {
			Status struct{ Code int } `json:"status"`
			Result struct {
				Number      string `json:"number"`
				Validity    string `json:"validity"`
				Corrections []struct {
					Number, Reason string
				} `json:"corrections"`
			} `json:"result"`
		}
		e.do("GET", fmt.Sprintf("/api/v1/dossiers/%d", d.ID), citizen, nil).json(t, &view)
		c := view.Result.Corrections
		if view.Status.Code != 10 || view.Result.Number != "125/GCN-SCT-ĐC" || view.Result.Validity != "05 năm" || len(c) != 2 ||
			c[0].Number != "125/GCN-SCT" || c[0].Reason != "Sai tên chủ hộ kinh doanh" || c[1].Reason != "Sai địa chỉ trụ sở" {
			t.Fatalf("after two corrections: %+v", view)
		}

		a := e.browser()
		a.login("congdan")
		mine := a.get(fmt.Sprintf("/my/dossiers/%d", d.ID))
		for _, want := range []string{"125/GCN-SCT-ĐC", "Kết quả đã được đính chính", "Sai tên chủ hộ kinh doanh", "gcn-dinh-chinh.pdf"} {
			if !strings.Contains(string(mine.body), want) {
				t.Errorf("the applicant's page lacks %q", want)
			}
		}

		items, err := e.db.ClaimOutbox(context.Background(), "email", "test", 20, 60e9)
		if err != nil {
			t.Fatal(err)
		}
		corrected := 0
		for _, it := range items {
			var m map[string]any
			json.Unmarshal(it.Payload, &m)
			if m["kind"] == "result_corrected" {
				corrected++
			}
		}
		if corrected != 2 {
			t.Fatalf("%d correction e-mails, want 2", corrected)
		}
		wantPDF(t, e.do("GET", fmt.Sprintf("/api/v1/dossiers/%d/forms/06", d.ID), desk, nil), "control sheet with corrections")
		broken := 0
		if err := e.db.VerifyAllChains(context.Background(), func(int64, string, int, error) { broken++ }); err != nil || broken != 0 {
			t.Fatalf("chains: %d broken, %v", broken, err)
		}
	})
}
