package web_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
)

func TestAccountAdministration(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
		admin := e.token("admin")
		n := map[string]string{"username": "chuyenvien2", "display_name": "Hoàng Văn Bình", "role": "specialist",
			"unit_code": "QLCN", "password": "short"}
		if r := e.do("POST", "/api/v1/accounts", admin, n); r.status != http.StatusUnprocessableEntity || !strings.Contains(string(r.body), `"field":"password"`) {
			t.Fatalf("weak password: %d %s", r.status, r.body)
		}
		n["password"] = "một mật khẩu dài"
		n["unit_code"] = "NOPE"
		if r := e.do("POST", "/api/v1/accounts", admin, n); r.status != http.StatusUnprocessableEntity || !strings.Contains(string(r.body), `"field":"unit_code"`) {
			t.Fatalf("unknown unit: %d %s", r.status, r.body)
		}
		n["unit_code"] = "QLCN"
		r := e.do("POST", "/api/v1/accounts", admin, n)
		if r.status != http.StatusCreated {
			t.Fatalf("create: %d %s", r.status, r.body)
		}
		var created struct{ ID int64 }
		r.json(t, &created)
		if r := e.do("POST", "/api/v1/accounts", admin, n); r.status != http.StatusConflict {
			t.Fatalf("duplicate: %d", r.status)
		}
		tok := e.do("POST", "/api/v1/auth/token", "", map[string]string{"username": "chuyenvien2", "password": "một mật khẩu dài"})
		var out struct{ Token string }
		tok.json(t, &out)
		if r := e.do("GET", "/api/v1/me", out.Token, nil); r.status != 200 || !strings.Contains(string(r.body), `"unit_code":"QLCN"`) {
			t.Fatalf("me: %d %s", r.status, r.body)
		}
		path := fmt.Sprintf("/api/v1/accounts/%d/disabled", created.ID)
		if r := e.do("PUT", path, admin, map[string]bool{"disabled": true}); r.status != http.StatusNoContent {
			t.Fatalf("disable: %d %s", r.status, r.body)
		}
		if r := e.do("GET", "/api/v1/me", out.Token, nil); r.status != http.StatusUnauthorized {
			t.Fatalf("disabled account still signed in: %d", r.status)
		}
		b := e.browser()
		b.login("admin")
		if r := b.get("/admin/audit"); r.status != 200 || !strings.Contains(string(r.body), "account.disable") {
			t.Fatalf("audit page: %d", r.status)
		}
		if r := b.get("/admin/accounts"); r.status != 200 || !strings.Contains(string(r.body), "chuyenvien2") {
			t.Fatalf("accounts page: %d", r.status)
		}
	})
}
