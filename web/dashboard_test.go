package web_test

import (
	"encoding/json"
	"fmt"
	"html"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"
)

// dashboardDossiers moves three dossiers over the API: one received and open at QLTM, one
// resolved (issued) and one refused at receipt.
func dashboardDossiers(e *env) (open, resolved, refused dossierJSON) {
	e.t.Helper()
	citizen, desk := e.token("congdan"), e.token("tiepnhan")
	specialist, head, leader, clerk := e.token("chuyenvien"), e.token("truongphong"), e.token("lanhdao"), e.token("vanthu")
	open = e.received(citizen, desk)
	e.act(open.ID, "forward", desk, map[string]any{"to_unit": "QLTM"}, 4)

	resolved = e.received(citizen, desk)
	e.act(resolved.ID, "forward", desk, map[string]any{"to_unit": "QLTM"}, 4)
	e.decide(resolved.ID, "7/GCN-SCT", specialist, head, leader, clerk)

	refused = e.submitted(citizen)
	e.act(refused.ID, "refuse", desk, map[string]any{"reason": "Không thuộc thẩm quyền"}, 3)
	return open, resolved, refused
}

// figure reads the number the dashboard shows for one figure.
func figure(t *testing.T, body []byte, key string) string {
	t.Helper()
	m := regexp.MustCompile(`data-figure="` + key + `">([^<]*)<`).FindSubmatch(body)
	if m == nil {
		t.Fatalf("no figure %s on the page", key)
	}
	return string(m[1])
}

// figureLink is the drill-down link of one figure.
func figureLink(t *testing.T, body []byte, key string) string {
	t.Helper()
	m := regexp.MustCompile(`href="([^"]+)" data-figure="` + key + `"`).FindSubmatch(body)
	if m == nil {
		t.Fatalf("figure %s has no link", key)
	}
	return html.UnescapeString(string(m[1]))
}

// TestDashboardPage has the leader read the figures, the index and the charts' data of
// dossiers moved over the API, and follow a number to the dossiers behind it.
func TestDashboardPage(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
		open, resolved, refused := dashboardDossiers(e)
		b := e.browser()
		b.login("lanhdao")
		r := b.get("/dashboard")
		if r.status != http.StatusOK {
			t.Fatalf("dashboard: %d %s", r.status, r.body)
		}
		for key, want := range map[string]string{"received": "2", "resolved": "1", "refused": "1", "in_progress": "1",
			"carried_over": "0", "to_process": "2", "procedures": "", "on_time_rate": "100 %"} {
			if got := figure(t, r.body, key); want != "" && got != want {
				t.Errorf("figure %s = %q, want %q", key, got, want)
			}
		}
		page := string(r.body)
		for _, want := range []string{`href="/dashboard"`, `id="index766-table"`, "Công khai, minh bạch", "Chưa có dữ liệu:",
			`id="trend-table"`, `data-unit="QLTM"`, `id="steps-table"`, "/api/v1/reports/export.xlsx?", "Xuất Excel",
			`class="dash-preset active"`} {
			if !strings.Contains(page, want) {
				t.Errorf("the dashboard lacks %s", want)
			}
		}

		year := time.Now().In(time.FixedZone("ICT", 7*3600)).Year()
		if !strings.Contains(page, fmt.Sprintf(`name="from" value="%d-01-01"`, year)) {
			t.Error("the period does not default to the year to date")
		}
		xlsx := regexp.MustCompile(`href="(/api/v1/reports/export\.xlsx\?[^"]+)"`).FindAllStringSubmatch(page, -1)
		if len(xlsx) < 5 {
			t.Fatalf("export links: %v", xlsx)
		}
		for _, x := range xlsx[:5] {
			if r := b.get(html.UnescapeString(x[1])); r.status != http.StatusOK || !strings.HasPrefix(string(r.body), "PK") {
				t.Errorf("%s: %d", x[1], r.status)
			}
		}

		m := regexp.MustCompile(`(?s)<script type="application/json" id="dash-data">(.*?)</script>`).FindStringSubmatch(page)
		var charts map[string]struct {
			Labels []any
			Series []struct {
				Key  string
				Data []*float64
			}
		}
		if m == nil {
			t.Fatal("no chart data")
		}
		if err := json.Unmarshal([]byte(m[1]), &charts); err != nil {
			t.Fatalf("chart data: %v", err)
		}
		if tr := charts["trend"]; len(tr.Labels) == 0 || len(tr.Series) != 4 || tr.Series[0].Key != "received" {
			t.Errorf("trend chart: %+v", tr)
		} else if last := tr.Series[0].Data[len(tr.Labels)-1]; last == nil || *last != 2 {
			t.Errorf("this month's receipts on the chart: %v", last)
		}
		if len(charts["index"].Labels) != 6 || len(charts["units"].Labels) == 0 || len(charts["steps"].Labels) == 0 {
			t.Errorf("charts: %s", m[1])
		}

		drill := b.get(figureLink(t, r.body, "received"))
		if drill.status != http.StatusOK {
			t.Fatalf("drill-down: %d %s", drill.status, drill.body)
		}
		for _, d := range []dossierJSON{open, resolved} {
			if !strings.Contains(string(drill.body), fmt.Sprintf(`<a href="/office/dossiers/%d">%s</a>`, d.ID, d.Code)) {
				t.Errorf("the received list lacks %s", d.Code)
			}
		}
		if strings.Contains(string(drill.body), fmt.Sprintf(`data-id="%d"`, refused.ID)) {
			t.Error("a refused dossier is listed as received")
		}
		refusedList := b.get(figureLink(t, r.body, "refused"))
		if !strings.Contains(string(refusedList.body), fmt.Sprintf(`data-id="%d"`, refused.ID)) {
			t.Errorf("the refused list lacks dossier %d", refused.ID)
		}

		unit := b.get("/dashboard?unit=QLTM&field=")
		if got := figure(t, unit.body, "received"); got != "2" {
			t.Errorf("received at QLTM = %s", got)
		}

		for _, bad := range []string{"/dashboard?from=2026-13-01", "/dashboard?from=2026-05-02&to=2026-05-01",
			"/dashboard/dossiers?which=all", "/dashboard/dossiers?which=received&after=x"} {
			if r := b.get(bad); r.status != http.StatusUnprocessableEntity || !strings.Contains(string(r.body), `role="alert"`) {
				t.Errorf("%s: %d, want 422 with the reason", bad, r.status)
			}
		}

		b.get("/lang?to=en&next=/dashboard")
		en := b.get("/dashboard")
		for _, want := range []string{"Report on dossier handling", "Received in the period", "Export to Excel",
			"No data yet:", "Publicity and transparency"} {
			if !strings.Contains(string(en.body), want) {
				t.Errorf("the English dashboard lacks %q", want)
			}
		}

		citizen := e.browser()
		citizen.login("congdan")
		for _, path := range []string{"/dashboard", "/dashboard/dossiers?which=received"} {
			if r := citizen.get(path); r.status != http.StatusForbidden {
				t.Errorf("%s for the applicant: %d, want 403", path, r.status)
			}
		}
		if strings.Contains(string(citizen.get("/").body), `href="/dashboard"`) {
			t.Error("the applicant's menu links the dashboard")
		}
	})
}
