package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/motcua/motcua/demo"
)

func TestPublicPagesInBothLanguages(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
		b := e.browser()
		home := b.get("/")
		if home.status != 200 || !strings.Contains(string(home.body), `id="proc-count">41<`) {
			t.Fatalf("home: %d", home.status)
		}
		if !strings.Contains(string(home.body), "thủ tục") || !strings.Contains(home.header.Get("Content-Security-Policy"), "default-src 'self'") {
			t.Fatal("home is not Vietnamese or lacks its security headers")
		}
		r := b.get("/lang?to=en&next=/fields")
		if r.status != http.StatusSeeOther || r.header.Get("Location") != "/fields" {
			t.Fatalf("language switch: %d %s", r.status, r.header.Get("Location"))
		}
		if en := b.get("/fields"); !strings.Contains(string(en.body), "procedures") || !strings.Contains(string(en.body), `lang="en"`) {
			t.Fatal("English switch did not stick")
		}
		if r := b.get("/lang?to=en&next=//evil.example/"); r.header.Get("Location") != "/" {
			t.Fatalf("open redirect: %s", r.header.Get("Location"))
		}
		if r := b.get("/procedures/NO.SUCH.CODE"); r.status != 404 {
			t.Fatalf("unknown procedure: %d", r.status)
		}
		for _, p := range []string{"/procedures?q=ruou", "/procedures/2.000648.000.00.00.H50", "/procedures/2.000648.000.00.00.H50/print"} {
			if r := b.get(p); r.status != 200 {
				t.Fatalf("%s: %d", p, r.status)
			}
		}
		frag := e.browser()
		req, _ := http.NewRequest("GET", e.url+"/procedures?q=xang+dau", nil)
		req.Header.Set("HX-Request", "true")
		req.Header.Set("HX-Target", "results")
		r = e.send(frag.c, req)
		if r.status != 200 || strings.Contains(string(r.body), "<html") || !strings.Contains(string(r.body), "xăng dầu") {
			t.Fatalf("htmx fragment: %d %.200s", r.status, r.body)
		}
	})
}

func TestLoginIsSlowedAndCSRFProtected(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
		b := e.browser()
		token := b.csrf()
		if r := b.post("/login", url.Values{"username": {"congdan"}, "password": {"demo"}}); r.status != http.StatusForbidden {
			t.Fatalf("login without CSRF token: %d", r.status)
		}
		req, _ := http.NewRequest("POST", e.url+"/login", strings.NewReader(url.Values{"username": {"congdan"},
			"password": {"demo"}, "csrf_token": {token}}.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Sec-Fetch-Site", "cross-site")
		if r := e.send(b.c, req); r.status != http.StatusForbidden {
			t.Fatalf("cross-site login: %d", r.status)
		}
		for i := 0; i < 5; i++ {
			if r := b.post("/login", url.Values{"username": {"lanhdao"}, "password": {"wrong"}, "csrf_token": {token}}); r.status != http.StatusUnauthorized {
				t.Fatalf("attempt %d: %d", i, r.status)
			}
		}
		r := b.post("/login", url.Values{"username": {"lanhdao"}, "password": {demo.Password}, "csrf_token": {token}})
		if r.status != http.StatusTooManyRequests || r.header.Get("Retry-After") == "" {
			t.Fatalf("sixth attempt with the right password: %d", r.status)
		}
		if r := e.do("POST", "/api/v1/auth/token", "", map[string]string{"username": "lanhdao", "password": demo.Password}); r.status != http.StatusTooManyRequests {
			t.Fatalf("API sign-in during the wait: %d", r.status)
		}
		// Another account from the same client is slowed too (per-address counter).
		if r := e.do("POST", "/api/v1/auth/token", "", map[string]string{"username": "tiepnhan", "password": demo.Password}); r.status != http.StatusTooManyRequests {
			t.Fatalf("other account from the same address: %d", r.status)
		}
	})
}

func TestCatalogAdminPages(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
		b := e.browser()
		b.login("danhmuc")
		token := b.csrf()
		if r := b.get("/admin/catalog"); r.status != 200 || !strings.Contains(string(r.body), "2.000648.000.00.00.H50") {
			t.Fatalf("admin list: %d", r.status)
		}
		code := "2.000648.000.00.00.H50"
		if r := b.post("/admin/procedures/"+code+"/draft", url.Values{"csrf_token": {token}}); r.status != http.StatusSeeOther {
			t.Fatalf("start draft: %d %s", r.status, r.body)
		}
		page := b.get("/admin/procedures/" + code)
		if !strings.Contains(string(page.body), `id="draft-form"`) {
			t.Fatal("draft form missing")
		}
		// A bad line in the documents box is reported with its field and line; nothing is saved.
		form := url.Values{"csrf_token": {token}, "name": {"Tên mới"}, "field_name": {"Xăng dầu"}, "level": {"province"},
			"online_level": {"none"}, "channels": {"1 | 15d |"}, "documents": {"Đơn đề nghị | một | 0"}}
		r := b.post("/admin/procedures/"+code+"/draft/save", form)
		if r.status != http.StatusUnprocessableEntity || !strings.Contains(string(r.body), "documents (dòng/line 1)") {
			t.Fatalf("bad draft: %d", r.status)
		}
		form.Set("documents", "Đơn đề nghị | 1 | 0\nBản sao giấy phép kinh doanh | 0 | 1")
		form.Set("agency", "Sở Công Thương")
		form.Set("result_name", "Giấy chứng nhận")
		form.Set("internal_steps", "Tiếp nhận | MC | officer | 4\nThẩm định | QLTM | specialist | 60")
		if r := b.post("/admin/procedures/"+code+"/draft/save", form); r.status != http.StatusSeeOther {
			t.Fatalf("save draft: %d %s", r.status, r.body)
		}
		if r := b.post("/admin/procedures/"+code+"/publish", url.Values{"csrf_token": {token}}); r.status != http.StatusSeeOther {
			t.Fatalf("publish: %d %s", r.status, r.body)
		}
		if pub := b.get("/procedures/" + code); !strings.Contains(string(pub.body), "Tên mới") || !strings.Contains(string(pub.body), "three-reductions") {
			t.Fatal("published version or its comparison not shown")
		}

		// Import through the page: a broken CSV changes nothing.
		badCSV := []byte("code,name,field,statutory_days,fee_vnd,online_level,source\n9.1,Thủ tục X,Điện,abc,,,\n")
		r = e.send(b.c, multipartPost(e.url+"/admin/catalog/import", map[string]string{"csrf_token": token},
			formFile{"file", "bad.csv", badCSV}))
		if r.status != http.StatusUnprocessableEntity || !strings.Contains(string(r.body), "statutory_days") {
			t.Fatalf("bad import page: %d", r.status)
		}
		if r := e.do("GET", "/api/v1/procedures/9.1", "", nil); r.status != 404 {
			t.Fatal("refused import wrote a procedure")
		}
	})
}
