package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/motcua/motcua/demo"
	"github.com/motcua/motcua/org"
	"github.com/motcua/motcua/sqlstore/sqlstoretest"
	"github.com/motcua/motcua/web"
)

// concretePath fills a route pattern's wildcards with values that exist in the demo data.
func concretePath(pattern, code string) (method, path string) {
	method, path, _ = strings.Cut(pattern, " ")
	r := strings.NewReplacer("{code}", url.PathEscape(code), "{number}", "1", "{hash}", "x",
		"{name...}", "app.css", "{$}", "", "{id}", "1", "{doc}", "1", "{form}", "01")
	return method, r.Replace(path)
}

// TestEveryRouteChecksItsPermission tries every route with no account and with an account of
// every role: without a sign-in a protected route answers 401 (API) or sends to the login
// page; a role without the permission gets 403; a role with it gets past the check.
func TestEveryRouteChecksItsPermission(t *testing.T) {
	e := newEnv(t, sqlstoretest.SQLiteDSN(t), web.Config{})
	tokens := map[org.Role]string{}
	browsers := map[org.Role]*browser{}
	for _, a := range demo.Accounts {
		tokens[a.Role] = e.token(a.Username)
		b := e.browser()
		b.login(a.Username)
		browsers[a.Role] = b
	}
	code := "SCT-13866D60"
	for _, rt := range e.srv.Routes() {
		if rt.Permission == org.PermPublic {
			continue
		}
		method, path := concretePath(rt.Pattern, code)
		t.Run(rt.Pattern, func(t *testing.T) {
			anon := e.browser()
			form := url.Values{"csrf_token": {anon.csrf()}}
			var r response
			if rt.API {
				r = e.do(method, path, "", "{}")
				if r.status != http.StatusUnauthorized {
					t.Errorf("anonymous: %d, want 401", r.status)
				}
			} else {
				r = anonRequest(anon, method, path, form)
				if r.status != http.StatusSeeOther || !strings.HasPrefix(r.header.Get("Location"), "/login") {
					t.Errorf("anonymous: %d %s, want redirect to /login", r.status, r.header.Get("Location"))
				}
			}
			for _, role := range org.Roles {
				allowed := role.Can(rt.Permission)
				if rt.API {
					token := tokens[role]
					if rt.Pattern == "DELETE /api/v1/auth/token" {
						token = e.token(usernameOf(role)) // revoking must not spend the shared token
					}
					r = e.do(method, path, token, "{}")
				} else {
					b := browsers[role]
					if rt.Pattern == "POST /logout" {
						b = e.browser() // signing out must not end the shared session
						b.login(usernameOf(role))
					}
					r = anonRequest(b, method, path, url.Values{"csrf_token": {b.csrf()}})
				}
				denied := r.status == http.StatusForbidden || r.status == http.StatusUnauthorized
				if allowed && denied {
					t.Errorf("%s is allowed but got %d: %s", role, r.status, r.body)
				}
				if !allowed && r.status != http.StatusForbidden {
					t.Errorf("%s is not allowed but got %d", role, r.status)
				}
			}
		})
	}
}

func anonRequest(b *browser, method, path string, form url.Values) response {
	if method == http.MethodGet {
		return b.get(path)
	}
	return b.post(path, form)
}

func usernameOf(role org.Role) string {
	for _, a := range demo.Accounts {
		if a.Role == role {
			return a.Username
		}
	}
	return ""
}
