package web_test

import (
	"bytes"
	"fmt"
	"net/http"
	"strings"
	"testing"
)

// demoProcedure is a demo catalog procedure offered online, with a 1,200,000 đ fee and
// 20 working days: long enough for every move, including an apology.
const demoProcedure = "2.000648.000.00.00.H50"

// fakePDF is a minimal file that starts like a PDF.
var fakePDF = []byte("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n")

// dossierJSON is the part of a dossier the tests read.
type dossierJSON struct {
	ID     int64  `json:"id"`
	Code   string `json:"code"`
	Status struct {
		Code int    `json:"code"`
		Key  string `json:"key"`
	} `json:"status"`
	AppointmentAt  string   `json:"appointment_at"`
	AllowedActions []string `json:"allowed_actions"`
	Events         []struct {
		Seq       int    `json:"seq"`
		Action    string `json:"action"`
		ActorName string `json:"actor_name"`
	} `json:"events"`
	Documents []struct {
		ID     int64  `json:"id"`
		SHA256 string `json:"sha256"`
	} `json:"documents"`
	// Event is the event a move appended (moves answer it instead of the whole history).
	Event *struct {
		Seq    int    `json:"seq"`
		Action string `json:"action"`
	} `json:"event"`
}

// call sends a request and fails unless it answers want; it decodes a dossier body.
func (e *env) call(want int, method, path, token string, body any) dossierJSON {
	e.t.Helper()
	r := e.do(method, path, token, body)
	if r.status != want {
		e.t.Fatalf("%s %s: %d %s, want %d", method, path, r.status, r.body, want)
	}
	var d dossierJSON
	if strings.HasPrefix(r.header.Get("Content-Type"), "application/json") {
		r.json(e.t, &d)
	}
	return d
}

// act takes a move and checks the status it leads to.
func (e *env) act(id int64, action, token string, body any, wantStatus int) dossierJSON {
	e.t.Helper()
	d := e.call(http.StatusOK, "POST", fmt.Sprintf("/api/v1/dossiers/%d/%s", id, action), token, body)
	if d.Status.Code != wantStatus {
		e.t.Fatalf("%s: status %d, want %d", action, d.Status.Code, wantStatus)
	}
	return d
}

// fileDraft starts an online dossier of the demo procedure as the applicant.
func (e *env) fileDraft(token, key string) dossierJSON {
	e.t.Helper()
	return e.call(http.StatusCreated, "POST", "/api/v1/dossiers", token, map[string]any{
		"procedure_code": demoProcedure, "summary": "Cửa hàng xăng dầu số 5", "idempotency_key": key})
}

// submitted files and submits an online dossier as the applicant.
func (e *env) submitted(citizen string) dossierJSON {
	e.t.Helper()
	d := e.fileDraft(citizen, "")
	e.act(d.ID, "submit", citizen, nil, 1)
	return d
}

// received files, submits and receives a dossier, returning it after receipt.
func (e *env) received(citizen, officer string) dossierJSON {
	e.t.Helper()
	d := e.submitted(citizen)
	return e.act(d.ID, "receive", officer, nil, 2)
}

// decide takes a dossier under appraisal at the trade division (QLTM) through the
// specialist's and the head's hand-overs, the leader's approval and the clerk's issue of
// the result numbered number, with the tokens of those four, in that order.
func (e *env) decide(id int64, number, specialist, head, leader, clerk string) {
	e.t.Helper()
	e.act(id, "forward", specialist, map[string]any{"to_unit": "QLTM"}, 4)
	e.act(id, "forward", head, map[string]any{"to_unit": "SCT"}, 4)
	e.act(id, "approve", leader, nil, 4)
	e.act(id, "forward", leader, map[string]any{"to_unit": "VP"}, 4)
	e.act(id, "issue-result", clerk, map[string]any{"result_number": number}, 9)
}

// upload sends a file to a dossier as multipart form data.
func (e *env) upload(token string, id int64, slot, filename string, content []byte) response {
	e.t.Helper()
	fields := map[string]string{}
	if slot != "" {
		fields["slot"] = slot
	}
	req := multipartPost(fmt.Sprintf("%s/api/v1/dossiers/%d/documents", e.url, id), fields, formFile{"file", filename, content})
	req.Header.Set("Authorization", "Bearer "+token)
	return e.send(http.DefaultClient, req)
}

func wantPDF(t *testing.T, r response, what string) {
	t.Helper()
	if r.status != http.StatusOK || !bytes.HasPrefix(r.body, []byte("%PDF-")) {
		t.Fatalf("%s: %d %q, want a PDF", what, r.status, r.body[:min(len(r.body), 200)])
	}
}
