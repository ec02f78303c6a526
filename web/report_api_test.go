package web_test

import (
	"bytes"
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// TestReportAPI reads the figures of dossiers moved over HTTP, and checks the parameters.
func TestReportAPI(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
		citizen, desk, leader := e.token("congdan"), e.token("tiepnhan"), e.token("lanhdao")
		d := e.received(citizen, desk)
		e.act(d.ID, "forward", desk, map[string]any{"to_unit": "QLTM"}, 4)
		refused := e.submitted(citizen)
		e.act(refused.ID, "refuse", desk, map[string]any{"reason": "Không thuộc thẩm quyền"}, 3)

		today := time.Now().In(time.FixedZone("ICT", 7*3600)).Format(time.DateOnly)
		q := "from=" + today + "&to=" + today
		var sum struct {
			Received   int                    `json:"received"`
			Refused    int                    `json:"refused"`
			InProgress int                    `json:"in_progress"`
			OnTimeRate struct{ Defined bool } `json:"on_time_rate"`
		}
		r := e.do("GET", "/api/v1/reports/summary?"+q, leader, nil)
		r.json(t, &sum)
		if r.status != 200 || sum.Received != 1 || sum.Refused != 1 || sum.InProgress != 1 || !sum.OnTimeRate.Defined {
			t.Fatalf("summary: %d %s", r.status, r.body)
		}
		var unit struct{ Received int }
		e.do("GET", "/api/v1/reports/summary?"+q+"&unit=QLTM", leader, nil).json(t, &unit)
		if unit.Received != 1 {
			t.Fatalf("summary of QLTM: %+v", unit)
		}

		var idx struct {
			Groups []struct {
				Indicators []struct {
					Key       string
					Available bool
				}
			}
			Max float64
		}
		if r := e.do("GET", "/api/v1/reports/index766?"+q, leader, nil); r.status != 200 {
			t.Fatalf("index766: %d %s", r.status, r.body)
		} else if r.json(t, &idx); len(idx.Groups) != 6 || idx.Max != 100 {
			t.Fatalf("index766: %s", r.body)
		}

		var trend []struct{ Counters struct{ Received int } }
		e.do("GET", "/api/v1/reports/trend?"+q, leader, nil).json(t, &trend)
		if len(trend) != 1 || trend[0].Counters.Received != 1 {
			t.Fatalf("trend: %+v", trend)
		}
		var bd struct {
			Lines []struct{ Value string }
			Names map[string]string
		}
		e.do("GET", "/api/v1/reports/breakdown?by=unit&"+q, leader, nil).json(t, &bd)
		if len(bd.Lines) == 0 || bd.Names["QLTM"] == "" {
			t.Fatalf("breakdown: %+v", bd)
		}
		var page struct {
			Items []struct{ ID int64 }
		}
		e.do("GET", "/api/v1/reports/dossiers?which=refused&"+q, leader, nil).json(t, &page)
		if len(page.Items) != 1 || page.Items[0].ID != refused.ID {
			t.Fatalf("refused: %+v", page)
		}
		if r := e.do("GET", "/api/v1/reports/bottlenecks?"+q, leader, nil); r.status != 200 {
			t.Fatalf("bottlenecks: %d %s", r.status, r.body)
		}
		for _, table := range []string{"summary", "index766", "trend", "breakdown", "bottlenecks"} {
			x := e.do("GET", "/api/v1/reports/export.xlsx?table="+table+"&"+q, leader, nil)
			if x.status != 200 || string(x.body[:2]) != "PK" {
				t.Fatalf("export %s: %d %s", table, x.status, x.body)
			}
		}
		whole := e.do("GET", "/api/v1/reports/export.xlsx?table=all&"+q, leader, nil)
		book, err := excelize.OpenReader(bytes.NewReader(whole.body))
		if err != nil {
			t.Fatalf("the whole report: %d %v", whole.status, err)
		}
		if sheets := book.GetSheetList(); len(sheets) != 5 || sheets[0] != "Tong hop" || sheets[1] != "Chi so 766" {
			t.Fatalf("the whole report's sheets: %v", sheets)
		}
		if v, _ := book.GetCellValue("Tong hop", "A1"); v != "Từ ngày / From" {
			t.Fatalf("Tong hop!A1 = %q", v)
		}

		for _, bad := range []struct{ query, field string }{
			{"from=2026-13-01", "from"}, {"to=yesterday", "to"}, {"from=2026-05-02&to=2026-05-01", "to"},
			{"from=2000-01-01&to=2026-01-01", "from"},
		} {
			var fail struct{ Field, Message, Message_en string }
			r := e.do("GET", "/api/v1/reports/summary?"+bad.query, leader, nil)
			r.json(t, &fail)
			if r.status != 422 || fail.Field != bad.field || fail.Message == "" || fail.Message_en == "" {
				t.Errorf("%s: %d %s, want 422 on %s", bad.query, r.status, r.body, bad.field)
			}
		}
		for _, path := range []string{"/api/v1/reports/trend?by=week", "/api/v1/reports/breakdown?by=area",
			"/api/v1/reports/dossiers?which=all", "/api/v1/reports/export.xlsx?table=everything"} {
			if r := e.do("GET", path, leader, nil); r.status != 422 {
				t.Errorf("%s: %d, want 422", path, r.status)
			}
		}

		sync := fmt.Sprintf("/api/v1/dossiers/%d/sync-payload", d.ID)
		var rec struct{ MaHoSo, TrangThaiHoSo, TenLinhVuc string }
		if r := e.do("GET", sync, desk, nil); r.status != 200 {
			t.Fatalf("sync payload: %d %s", r.status, r.body)
		} else if r.json(t, &rec); rec.MaHoSo != d.Code || rec.TrangThaiHoSo != "4" || rec.TenLinhVuc == "" {
			t.Fatalf("sync payload: %s", r.body)
		}
		if r := e.do("GET", sync, citizen, nil); r.status != http.StatusNotFound {
			t.Fatalf("sync payload for the applicant: %d", r.status)
		}
	})
}
