package web_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"reflect"
	"testing"
)

// A move's answer sends the dossier as it was stored, followed by what the view adds. It
// must be one well-formed object with every key once, and must say about the dossier
// exactly what a fresh read says.
func TestAnswersFromTheStoredText(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
		citizen, officer := e.token("congdan"), e.token("tiepnhan")
		draft := e.do("POST", "/api/v1/dossiers", citizen, map[string]any{
			"procedure_code": demoProcedure, "summary": "Cửa hàng <số 5> & kho", "idempotency_key": "stored-1"})
		if draft.status != http.StatusCreated {
			t.Fatalf("draft: %d %s", draft.status, draft.body)
		}
		created := objectOnce(t, draft.body)
		id := int64(created["id"].(float64))
		if id <= 0 || created["summary"] != "Cửa hàng <số 5> & kho" {
			t.Fatalf("draft answer: %s", draft.body)
		}
		for _, action := range []string{"draft", "submit", "receive"} {
			moved := draft
			if action != "draft" {
				moved = e.do("POST", fmt.Sprintf("/api/v1/dossiers/%d/%s", id, action), map[string]string{
					"submit": citizen, "receive": officer}[action], nil)
				if moved.status != http.StatusOK {
					t.Fatalf("%s: %d %s", action, moved.status, moved.body)
				}
			}
			// Sent as stored: the stored text escapes < and > (the API's encoder does not).
			if !bytes.Contains(moved.body, []byte(`\u003csố 5\u003e`)) {
				t.Fatalf("%s answer is not the stored text: %s", action, moved.body)
			}
			answer := objectOnce(t, moved.body)
			if (answer["event"] == nil) != (action == "draft") {
				t.Fatalf("%s answered event %v: %s", action, answer["event"], moved.body)
			}
			// The citizen reads the draft (an officer does not see drafts).
			read := e.do("GET", fmt.Sprintf("/api/v1/dossiers/%d", id), map[bool]string{true: citizen, false: officer}[action == "draft"], nil)
			fresh := objectOnce(t, read.body)
			// The move answers its event, the read the history and the files; the
			// allowed actions are the caller's own. The outcome and the progress are
			// counted to the clock, which moved between the two during working hours: the
			// read's time used may only be later.
			used := [2]float64{}
			for i, m := range []map[string]any{answer, fresh} {
				for _, k := range []string{"event", "events", "documents", "allowed_actions"} {
					delete(m, k)
				}
				if o, ok := m["outcome"].(map[string]any); ok {
					used[i], _ = o["used"].(float64)
					for _, k := range []string{"end", "used", "saved"} {
						delete(o, k)
					}
				}
				if p, ok := m["progress"].(map[string]any); ok {
					delete(p, "remaining")
				}
			}
			if used[1] < used[0] {
				t.Fatalf("%s answered %v of time used, a later read %v", action, used[0], used[1])
			}
			if !reflect.DeepEqual(answer, fresh) {
				t.Fatalf("%s answered\n%v\nbut a read says\n%v", action, answer, fresh)
			}
		}
	})
}

// objectOnce decodes a JSON object and fails if a key appears twice at its top level.
func objectOnce(t *testing.T, body []byte) map[string]any {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(body))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		t.Fatalf("not an object: %s", body)
	}
	seen := map[string]bool{}
	out := map[string]any{}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			t.Fatalf("%v in %s", err, body)
		}
		key := tok.(string)
		if seen[key] {
			t.Fatalf("key %q twice in %s", key, body)
		}
		seen[key] = true
		var v any
		if err := dec.Decode(&v); err != nil {
			t.Fatalf("%v in %s", err, body)
		}
		out[key] = v
	}
	if len(out) == 0 {
		t.Fatalf("empty object: %s", body)
	}
	return out
}
