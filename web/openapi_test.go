package web_test

import (
	"encoding/json"
	"sort"
	"strings"
	"testing"

	"github.com/motcua/motcua/sqlstore/sqlstoretest"
	"github.com/motcua/motcua/web"
)

// TestOpenAPIMatchesRoutes keeps /api/openapi.json and the routing table in step: every
// JSON route is documented and every documented operation is served.
func TestOpenAPIMatchesRoutes(t *testing.T) {
	e := newEnv(t, sqlstoretest.SQLiteDSN(t), web.Config{})
	r := e.do("GET", "/api/openapi.json", "", nil)
	if r.status != 200 {
		t.Fatalf("status %d", r.status)
	}
	var doc struct {
		OpenAPI string                                `json:"openapi"`
		Paths   map[string]map[string]json.RawMessage `json:"paths"`
	}
	r.json(t, &doc)
	if !strings.HasPrefix(doc.OpenAPI, "3.1") {
		t.Fatalf("openapi version %q", doc.OpenAPI)
	}
	documented := map[string]bool{}
	for path, ops := range doc.Paths {
		for method := range ops {
			documented[strings.ToUpper(method)+" "+path] = true
		}
	}
	served := map[string]bool{}
	for _, rt := range e.srv.Routes() {
		if rt.API && !strings.HasPrefix(rt.Pattern, "GET /static/") {
			served[rt.Pattern] = true
		}
	}
	var missing, extra []string
	for k := range served {
		if !documented[k] {
			missing = append(missing, k)
		}
	}
	for k := range documented {
		if !served[k] {
			extra = append(extra, k)
		}
	}
	sort.Strings(missing)
	sort.Strings(extra)
	if len(missing) > 0 || len(extra) > 0 {
		t.Fatalf("served but not documented: %v\ndocumented but not served: %v", missing, extra)
	}
}
