package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

type searchPage struct {
	Items []struct {
		Code, Name string
		Field      struct{ Code, Name string }
		Sample     []string
	}
	Next  string
	Total int
}

func TestCatalogSearchIgnoresDiacritics(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
		for _, c := range []struct{ q, want string }{
			{"ruou", "rượu"}, {"RUOU", "rượu"}, {"xang dau", "xăng dầu"}, {"thuoc la", "thuốc lá"},
			{"dien", "điện"}, {"Đien", "điện"},
		} {
			var p searchPage
			r := e.do("GET", "/api/v1/procedures?q="+url.QueryEscape(c.q), "", nil)
			if r.status != 200 {
				t.Fatalf("%s: %d", c.q, r.status)
			}
			r.json(t, &p)
			if len(p.Items) == 0 {
				t.Fatalf("%q found nothing", c.q)
			}
			if !strings.Contains(strings.ToLower(p.Items[0].Name), c.want) {
				t.Errorf("%q: first hit %q lacks %q", c.q, p.Items[0].Name, c.want)
			}
		}
	})
}

func TestCatalogSearchPagesByKey(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
		seen := map[string]bool{}
		after, pages := "", 0
		for {
			var p searchPage
			e.do("GET", "/api/v1/procedures?limit=7&after="+url.QueryEscape(after), "", nil).json(t, &p)
			pages++
			for _, it := range p.Items {
				if seen[it.Code] {
					t.Fatalf("%s seen twice", it.Code)
				}
				seen[it.Code] = true
			}
			if p.Next == "" {
				break
			}
			after = p.Next
		}
		if len(seen) != 41 || pages != 6 {
			t.Fatalf("paged %d procedures over %d pages, want 41 over 6", len(seen), pages)
		}
		if r := e.do("GET", "/api/v1/procedures?after=garbage", "", nil); r.status != http.StatusUnprocessableEntity {
			t.Fatalf("bad cursor: %d", r.status)
		}
		if r := e.do("GET", "/api/v1/procedures?level=galaxy", "", nil); r.status != http.StatusUnprocessableEntity || !strings.Contains(string(r.body), `"field":"level"`) {
			t.Fatalf("bad level: %d %s", r.status, r.body)
		}
	})
}

func TestCatalogFilterByField(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
		var fields struct {
			Items []struct {
				Code, Name string
				Count      int
			}
		}
		e.do("GET", "/api/v1/fields", "", nil).json(t, &fields)
		if len(fields.Items) < 5 {
			t.Fatalf("only %d fields", len(fields.Items))
		}
		total := 0
		for _, f := range fields.Items {
			var p searchPage
			e.do("GET", "/api/v1/procedures?limit=100&field="+url.QueryEscape(f.Code), "", nil).json(t, &p)
			if p.Total != f.Count {
				t.Errorf("field %s: %d hits, listed count %d", f.Code, p.Total, f.Count)
			}
			for _, it := range p.Items {
				if it.Field.Code != f.Code {
					t.Errorf("field filter %s returned %s", f.Code, it.Field.Code)
				}
			}
			total += f.Count
		}
		if total != 41 {
			t.Fatalf("field counts add to %d, want 41", total)
		}
	})
}

// TestCatalogVersionLifecycle drives a procedure through the admin API: create a draft,
// refuse to publish it while its internal process is longer than the statutory time,
// publish, amend with fewer documents and a shorter time, and compare ("3 giảm").
func TestCatalogVersionLifecycle(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
		admin := e.token("danhmuc")
		version := map[string]any{
			"name": "Cấp Giấy phép kinh doanh sản phẩm rượu thử nghiệm", "field": map[string]string{"code": "ruou", "name": "Rượu"},
			"level": "province", "agency": "Sở Công Thương", "online_level": "none",
			"channels": []map[string]any{{"channel": 1, "time": "10d", "fees": []map[string]any{
				{"name": "Phí thẩm định", "amount": 1200000, "effective_from": "2024-01-01"}}}},
			"documents": []map[string]any{{"name": "Đơn đề nghị", "originals": 1, "copies": 0},
				{"name": "Bản sao giấy chứng nhận đăng ký doanh nghiệp", "originals": 0, "copies": 1}},
			"result":         map[string]string{"name": "Giấy phép"},
			"internal_steps": []map[string]any{{"name": "Thẩm định", "role": "specialist", "norm_hours": 100}},
		}
		r := e.do("POST", "/api/v1/procedures", admin, map[string]any{"code": "9.999999", "version": version})
		if r.status != http.StatusCreated {
			t.Fatalf("create: %d %s", r.status, r.body)
		}
		if r := e.do("POST", "/api/v1/procedures", admin, map[string]any{"code": "9.999999", "version": version}); r.status != http.StatusConflict {
			t.Fatalf("second create: %d", r.status)
		}
		// A draft is not public.
		if r := e.do("GET", "/api/v1/procedures/9.999999", "", nil); r.status != http.StatusNotFound {
			t.Fatalf("draft visible to the public: %d", r.status)
		}
		// 100 norm hours do not fit 10 working days (80 hours).
		r = e.do("POST", "/api/v1/procedures/9.999999/publish", admin, nil)
		if r.status != http.StatusConflict && r.status != http.StatusUnprocessableEntity {
			t.Fatalf("publishing an over-long process: %d %s", r.status, r.body)
		}
		version["internal_steps"] = []map[string]any{{"name": "Thẩm định", "role": "specialist", "norm_hours": 60},
			{"name": "Phê duyệt", "role": "leader", "norm_hours": 16}}
		if r := e.do("PUT", "/api/v1/procedures/9.999999/draft", admin, version); r.status != http.StatusOK {
			t.Fatalf("update draft: %d %s", r.status, r.body)
		}
		if r := e.do("POST", "/api/v1/procedures/9.999999/publish", admin, nil); r.status != http.StatusOK {
			t.Fatalf("publish: %d %s", r.status, r.body)
		}
		var p searchPage
		e.do("GET", "/api/v1/procedures?q=ruou+thu+nghiem", "", nil).json(t, &p)
		if len(p.Items) != 1 || p.Items[0].Code != "9.999999" {
			t.Fatalf("published procedure not found: %+v", p.Items)
		}

		// Version 2: one document fewer, 7 days instead of 10, fee lower.
		version["documents"] = []map[string]any{{"name": "Đơn đề nghị", "originals": 1, "copies": 0}}
		version["channels"] = []map[string]any{{"channel": 1, "time": "7d", "fees": []map[string]any{
			{"name": "Phí thẩm định", "amount": 1000000, "effective_from": "2024-01-01"}}}}
		version["internal_steps"] = []map[string]any{{"name": "Thẩm định", "role": "specialist", "norm_hours": 40}}
		if r := e.do("PUT", "/api/v1/procedures/9.999999/draft", admin, version); r.status != http.StatusCreated {
			t.Fatalf("new draft: %d %s", r.status, r.body)
		}
		if r := e.do("POST", "/api/v1/procedures/9.999999/publish", admin, nil); r.status != http.StatusOK {
			t.Fatalf("publish v2: %d %s", r.status, r.body)
		}
		var proc struct {
			Current  struct{ Number int }
			Versions []struct {
				Number int
				Status string
			}
		}
		e.do("GET", "/api/v1/procedures/9.999999", "", nil).json(t, &proc)
		if proc.Current.Number != 2 || len(proc.Versions) != 2 || proc.Versions[0].Status != "superseded" {
			t.Fatalf("after v2: %+v", proc)
		}
		var cmp struct {
			Reduced bool
			Summary string
		}
		r = e.do("GET", "/api/v1/procedures/9.999999/compare?from=1&to=2", "", nil)
		r.json(t, &cmp)
		if !cmp.Reduced || !strings.Contains(cmp.Summary, "1 thành phần") {
			t.Fatalf("compare: %s", r.body)
		}
		page := e.browser().get("/procedures/9.999999")
		if !strings.Contains(string(page.body), "three-reductions") {
			t.Fatal("procedure page does not show the comparison")
		}

		// Abolition takes it out of search.
		r = e.do("POST", "/api/v1/procedures/9.999999/abolish", admin, map[string]string{"from": "2020-01-01", "decision": "01/QĐ-UBND"})
		if r.status != http.StatusOK {
			t.Fatalf("abolish: %d %s", r.status, r.body)
		}
		e.do("GET", "/api/v1/procedures?q=ruou+thu+nghiem", "", nil).json(t, &p)
		if len(p.Items) != 0 {
			t.Fatalf("abolished procedure still found")
		}
		if r := e.do("POST", "/api/v1/procedures/9.999999/abolish", admin, map[string]string{"decision": "x"}); r.status != http.StatusUnprocessableEntity {
			t.Fatalf("abolish without date: %d", r.status)
		}
	})
}

func TestCatalogImportIsAllOrNothing(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
		admin := e.token("danhmuc")
		csv := "code,name,field,statutory_days,fee_vnd,online_level,source\n" +
			"1.111111,Thủ tục A,Điện,10,,,x\n" +
			"1.222222,Thủ tục B,Điện,mười,,,x\n"
		r := e.do("POST", "/api/v1/catalog/import", admin, csv)
		if r.status != http.StatusUnprocessableEntity || !strings.Contains(string(r.body), "3") || !strings.Contains(string(r.body), "statutory_days") {
			t.Fatalf("bad CSV: %d %s", r.status, r.body)
		}
		var p searchPage
		e.do("GET", "/api/v1/procedures?q=thu+tuc+a", "", nil).json(t, &p)
		for _, it := range p.Items {
			if it.Code == "1.111111" {
				t.Fatal("a row of a refused import was written")
			}
		}
		// Export then re-import round-trips.
		exp := e.do("GET", "/api/v1/catalog/export", admin, nil)
		if exp.status != 200 {
			t.Fatalf("export: %d", exp.status)
		}
		if r := e.do("POST", "/api/v1/catalog/import", admin, exp.body); r.status != 200 || !strings.Contains(string(r.body), `"imported":41`) {
			t.Fatalf("re-import: %d %s", r.status, r.body)
		}
		again := e.do("GET", "/api/v1/catalog/export", admin, nil)
		if string(again.body) != string(exp.body) {
			t.Fatal("export after re-import differs")
		}
	})
}
