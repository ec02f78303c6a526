package web_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"testing"

	"github.com/motcua/motcua/sqlstore/sqlstoretest"
	"github.com/motcua/motcua/web"
)

// TestDossierVisibility: other people's dossiers answer 404 exactly like missing ones;
// a division sees a dossier only once it reaches the division.
func TestDossierVisibility(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
		citizen, other, desk := e.token("congdan"), e.token("doanhnghiep"), e.token("tiepnhan")
		specialist, leader, admin := e.token("chuyenvien"), e.token("lanhdao"), e.token("admin")

		draft := e.fileDraft(citizen, "")
		path := fmt.Sprintf("/api/v1/dossiers/%d", draft.ID)
		missing := e.do("GET", "/api/v1/dossiers/999999", other, nil)
		for _, tok := range []string{other, desk, leader, admin} {
			if r := e.do("GET", path, tok, nil); r.status != 404 || !bytes.Equal(r.body, missing.body) {
				t.Fatalf("someone else's draft: %d %s, want the 404 of a missing dossier", r.status, r.body)
			}
		}
		if r := e.do("POST", path+"/withdraw", other, nil); r.status != 404 {
			t.Fatalf("other applicant withdrew: %d", r.status)
		}
		e.act(draft.ID, "submit", citizen, nil, 1)
		e.call(200, "GET", path, desk, nil)
		e.call(200, "GET", path, leader, nil)
		e.call(404, "GET", path, specialist, nil)
		e.act(draft.ID, "receive", desk, nil, 2)
		e.act(draft.ID, "forward", desk, map[string]any{"to_unit": "QLTM"}, 4)
		e.call(200, "GET", path, specialist, nil)
		if r := e.do("GET", path+"/documents/1", other, nil); r.status != 404 {
			t.Fatalf("other applicant's document: %d", r.status)
		}

		var list struct {
			Items []struct{ ID int64 } `json:"items"`
		}
		e.do("GET", "/api/v1/dossiers", other, nil).json(t, &list)
		if len(list.Items) != 0 {
			t.Fatalf("other applicant lists %d dossiers", len(list.Items))
		}
		e.do("GET", "/api/v1/dossiers?queue=my_steps", specialist, nil).json(t, &list)
		if len(list.Items) != 1 || list.Items[0].ID != draft.ID {
			t.Fatalf("specialist's steps: %+v", list.Items)
		}
	})
}

// TestIllegalMoves: a move the status forbids is 409 with the allowed moves; a role the
// rules forbid is 403.
func TestIllegalMoves(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
		citizen, desk, leader := e.token("congdan"), e.token("tiepnhan"), e.token("lanhdao")
		d := e.received(citizen, desk)
		r := e.do("POST", fmt.Sprintf("/api/v1/dossiers/%d/return-result", d.ID), desk, nil)
		var body struct {
			Error   string   `json:"error"`
			Message string   `json:"message"`
			Allowed []string `json:"allowed"`
			Status  struct{ Key string }
		}
		r.json(t, &body)
		if r.status != http.StatusConflict || body.Error != "conflict" || body.Status.Key != "new" || !contains(body.Allowed, "forward") {
			t.Fatalf("return before processing: %d %s", r.status, r.body)
		}
		if r := e.do("POST", fmt.Sprintf("/api/v1/dossiers/%d/forward", d.ID), leader, map[string]string{"to_unit": "QLTM"}); r.status != http.StatusForbidden {
			t.Fatalf("leader forwarding the desk's step: %d %s", r.status, r.body)
		}
		if r := e.do("POST", fmt.Sprintf("/api/v1/dossiers/%d/forward", d.ID), desk, map[string]string{"bogus": "x"}); r.status != 422 {
			t.Fatalf("unknown field: %d", r.status)
		}
	})
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// TestDocumentUploads: only real PDF, JPEG or PNG content within the size limit.
func TestDocumentUploads(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
		citizen := e.token("congdan")
		d := e.fileDraft(citizen, "")
		var fail struct{ Field, Message, MessageEN string }
		r := e.upload(citizen, d.ID, "0", "giay-phep.pdf", []byte("Đây là văn bản, không phải PDF"))
		json.Unmarshal(r.body, &fail)
		if r.status != 422 || fail.Field != "file" || fail.Message == "" {
			t.Fatalf("text renamed .pdf: %d %s", r.status, r.body)
		}
		big := append(bytes.Clone(fakePDF), make([]byte, 10<<20)...)
		r = e.upload(citizen, d.ID, "0", "lon.pdf", big)
		json.Unmarshal(r.body, &fail)
		if r.status != http.StatusRequestEntityTooLarge || fail.Field != "file" {
			t.Fatalf("oversize: %d %s", r.status, r.body)
		}
		if r := e.upload(citizen, d.ID, "99", "a.pdf", fakePDF); r.status != 422 {
			t.Fatalf("unknown slot: %d", r.status)
		}
		png := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00")
		r = e.upload(citizen, d.ID, "", "anh.png", png)
		var doc struct {
			ID          int64
			ContentType string `json:"content_type"`
		}
		r.json(t, &doc)
		if r.status != 201 || doc.ContentType != "image/png" {
			t.Fatalf("png: %d %s", r.status, r.body)
		}
		got := e.do("GET", fmt.Sprintf("/api/v1/dossiers/%d/documents/%d", d.ID, doc.ID), citizen, nil)
		if got.status != 200 || !bytes.Equal(got.body, png) || got.header.Get("Content-Type") != "image/png" {
			t.Fatalf("download: %d %q", got.status, got.header.Get("Content-Type"))
		}
	})
}

// TestIdempotentFiling: the same idempotency key makes one dossier; both answers give its
// address in Location.
func TestIdempotentFiling(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
		citizen := e.token("congdan")
		first := e.fileDraft(citizen, "k-42")
		body := map[string]any{"procedure_code": demoProcedure, "idempotency_key": "k-42"}
		again := e.call(http.StatusOK, "POST", "/api/v1/dossiers", citizen, body)
		if again.ID != first.ID {
			t.Fatalf("second filing made dossier %d, want %d", again.ID, first.ID)
		}
		want := fmt.Sprintf("/api/v1/dossiers/%d", first.ID)
		if loc := e.do("POST", "/api/v1/dossiers", citizen, body).header.Get("Location"); loc != want {
			t.Fatalf("Location %q, want %q", loc, want)
		}
		fresh := e.do("POST", "/api/v1/dossiers", citizen, map[string]any{"procedure_code": demoProcedure})
		var d struct{ ID int64 }
		fresh.json(t, &d)
		if loc := fresh.header.Get("Location"); fresh.status != http.StatusCreated || loc != fmt.Sprintf("/api/v1/dossiers/%d", d.ID) {
			t.Fatalf("new draft: %d, Location %q for dossier %d", fresh.status, loc, d.ID)
		}
		var list struct{ Items []struct{ ID int64 } }
		e.do("GET", "/api/v1/dossiers", citizen, nil).json(t, &list)
		if len(list.Items) != 2 {
			t.Fatalf("%d dossiers listed, want 2", len(list.Items))
		}
		r := e.do("POST", "/api/v1/dossiers", citizen, map[string]any{"procedure_code": "KHONG-CO"})
		if r.status != 422 {
			t.Fatalf("unknown procedure: %d", r.status)
		}
	})
}

// TestPublicTracking: the right code and secret show the status and a timeline without
// names; a wrong code and a wrong secret answer alike; lookups are rate limited.
func TestPublicTracking(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
		citizen, desk := e.token("congdan"), e.token("tiepnhan")
		d := e.received(citizen, desk)
		track := func(code, secret string) response {
			return e.do("GET", "/api/v1/track?code="+code+"&secret="+secret, "", nil)
		}
		for _, secret := range []string{"0912345678", "2345", "012345"} {
			r := track(d.Code, secret)
			if r.status != 200 || bytes.Contains(r.body, []byte("Nguyễn Thị Lan")) || !bytes.Contains(r.body, []byte(`"timeline"`)) {
				t.Fatalf("secret %s: %d %s", secret, r.status, r.body)
			}
		}
		wrongSecret, wrongCode := track(d.Code, "0999999999"), track("000.01.12.H26-990101-0001", "0912345678")
		if wrongSecret.status != 404 || wrongCode.status != 404 || !bytes.Equal(wrongSecret.body, wrongCode.body) {
			t.Fatalf("wrong secret %d %s / wrong code %d %s", wrongSecret.status, wrongSecret.body, wrongCode.status, wrongCode.body)
		}
		if r := track(d.Code, "345"); r.status != 404 {
			t.Fatalf("three digits accepted: %d", r.status)
		}
	})
	limited := newEnv(t, sqlstoretest.SQLiteDSN(t), web.Config{TrackRate: 4})
	first := limited.do("GET", "/api/v1/track?code=x&secret=y", "", nil)
	second := limited.do("GET", "/api/v1/track?code=x&secret=y", "", nil)
	if first.status != 404 || second.status != http.StatusTooManyRequests || second.header.Get("Retry-After") == "" {
		t.Fatalf("rate limit: %d then %d (Retry-After %q)", first.status, second.status, second.header.Get("Retry-After"))
	}
}
