package dossier

import (
	"encoding/json"
	"testing"
)

func TestStatusJSON(t *testing.T) {
	b, err := json.Marshal(Waiting)
	if err != nil || string(b) != `{"code":5,"key":"waiting"}` {
		t.Fatalf("marshal: %s %v", b, err)
	}
	for in, want := range map[string]Status{`{"code":5,"key":"waiting"}`: Waiting, `{"code":9}`: Releasing,
		`4`: Processing, `"done"`: Done, `0`: Draft} {
		var s Status
		if err := json.Unmarshal([]byte(in), &s); err != nil || s != want {
			t.Errorf("%s → %v, %v", in, s, err)
		}
	}
	for _, in := range []string{`11`, `"finished"`, `{"code":12}`, `true`} {
		var s Status
		if err := json.Unmarshal([]byte(in), &s); err == nil {
			t.Errorf("%s accepted", in)
		}
	}
	for _, s := range Statuses {
		if s.Label() == "" || s.LabelEN() == "" || s.Key() == "" {
			t.Errorf("status %d has no text", s)
		}
	}
	if Releasing.Label() != "Đã xử lý xong" || Receiving.Key() != "receiving" {
		t.Fatalf("labels")
	}
}
