package loadgen

import (
	"net/http"
	"testing"
)

func TestDraftIDFromLocation(t *testing.T) {
	for loc, want := range map[string]int64{"/api/v1/dossiers/42": 42, "": 0, "/api/v1/dossiers/x": 0, "/api/v1/dossiers/-3": 0} {
		id, err := draftID(Response{Status: 201, Header: http.Header{"Location": {loc}}})
		if id != want || (want == 0) != (err != nil) {
			t.Errorf("Location %q: %d, %v; want %d", loc, id, err, want)
		}
	}
}
