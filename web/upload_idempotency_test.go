package web_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"testing"
)

// uploadKeyed sends a file to the API's upload with an Idempotency-Key header.
func (e *env) uploadKeyed(token string, id int64, key string, content []byte) response {
	e.t.Helper()
	req := multipartPost(fmt.Sprintf("%s/api/v1/dossiers/%d/documents", e.url, id), map[string]string{"slot": "0"},
		formFile{"file", "don.pdf", content})
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Idempotency-Key", key)
	return e.send(http.DefaultClient, req)
}

// TestIdempotentUpload: an upload sent again with its Idempotency-Key gets the first
// document back (200, not 201) and adds none; the key with another file is refused
// naming the key; too long a key is refused.
func TestIdempotentUpload(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
		citizen := e.token("congdan")
		d := e.fileDraft(citizen, "")
		var first, again struct{ ID int64 }
		r := e.uploadKeyed(citizen, d.ID, "tep-1", fakePDF)
		r.json(t, &first)
		if r.status != http.StatusCreated {
			t.Fatalf("first upload: %d %s", r.status, r.body)
		}
		r = e.uploadKeyed(citizen, d.ID, "tep-1", fakePDF)
		r.json(t, &again)
		if r.status != http.StatusOK || again.ID != first.ID {
			t.Fatalf("repeat: %d %s, want 200 with document %d", r.status, r.body, first.ID)
		}
		var fail struct {
			Field, Message string
			MessageEN      string `json:"message_en"`
		}
		r = e.uploadKeyed(citizen, d.ID, "tep-1", append(bytes.Clone(fakePDF), "khác"...))
		json.Unmarshal(r.body, &fail)
		if r.status != 422 || fail.Field != "idempotency_key" || fail.Message == "" || fail.MessageEN == "" {
			t.Fatalf("same key, other file: %d %s", r.status, r.body)
		}
		r = e.uploadKeyed(citizen, d.ID, strings.Repeat("k", 201), fakePDF)
		json.Unmarshal(r.body, &fail)
		if r.status != 422 || fail.Field != "idempotency_key" {
			t.Fatalf("long key: %d %s", r.status, r.body)
		}
		var got struct{ Documents []struct{ ID int64 } }
		e.do("GET", fmt.Sprintf("/api/v1/dossiers/%d", d.ID), citizen, nil).json(t, &got)
		if len(got.Documents) != 1 {
			t.Fatalf("%d documents, want 1", len(got.Documents))
		}
	})
}

// TestUploadFormPostedTwice: each upload form on the page carries its own key, and a
// form posted twice stores its file once; the page then offers a fresh key.
func TestUploadFormPostedTwice(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
		b := e.browser()
		b.login("congdan")
		id := startFiling(t, b)
		path := fmt.Sprintf("/my/dossiers/%d/documents", id)
		page := b.page(200, path)
		keys := keyInput.FindAllStringSubmatch(page, -1)
		if len(keys) != 4 { // three required papers and "other papers"
			t.Fatalf("%d upload forms with a key, want 4", len(keys))
		}
		seen := map[string]bool{}
		for _, k := range keys {
			seen[k[1]] = true
		}
		if len(seen) != len(keys) {
			t.Fatalf("upload forms share keys: %v", keys)
		}
		fields := map[string]string{"slot": "0", "idempotency_key": keys[0][1]}
		for range 2 {
			wantRedirect(t, b.uploadFile(id, fields, "giay-to.pdf", fakePDF, false), path)
		}
		var got struct{ Documents []struct{ Slot int } }
		e.do("GET", "/api/v1/dossiers/"+strconv.FormatInt(id, 10), e.token("congdan"), nil).json(t, &got)
		if len(got.Documents) != 1 {
			t.Fatalf("%d documents after a form posted twice, want 1", len(got.Documents))
		}
		if again := keyInput.FindAllStringSubmatch(b.page(200, path), -1); again[0][1] == keys[0][1] {
			t.Fatal("the page offers the used key again")
		}
	})
}
