package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/motcua/motcua/web"
)

// cultureDay is the planned new holiday of 24/11 (SPEC §4), added as a decision.
var cultureDay = map[string]string{"date": "2026-11-24", "kind": "holiday",
	"name": "Ngày Văn hóa Việt Nam", "source": "TEST/2026"}

// spanningCultureDay asks for two working days from Monday 23/11/2026 09:00: Wednesday
// 09:00 in an ordinary week, Thursday when the Tuesday is a holiday.
const spanningCultureDay = "/api/v1/calendar/due?start=2026-11-23T09:00:00%2B07:00&duration=2d"

type apiEntry struct {
	Date, Kind, Name, Source string
}

func (e *env) holidays(year int) []apiEntry {
	e.t.Helper()
	r := e.do("GET", fmt.Sprintf("/api/v1/calendar/holidays?year=%d", year), "", nil)
	if r.status != 200 {
		e.t.Fatalf("holidays: %d %s", r.status, r.body)
	}
	var out []apiEntry
	r.json(e.t, &out)
	return out
}

func (e *env) due(path string) string {
	e.t.Helper()
	r := e.do("GET", path, "", nil)
	if r.status != 200 {
		e.t.Fatalf("due: %d %s", r.status, r.body)
	}
	var out struct{ Due string }
	r.json(e.t, &out)
	return out.Due
}

func hasDay(es []apiEntry, date, source string) bool {
	for _, x := range es {
		if x.Date == date && x.Source == source {
			return true
		}
	}
	return false
}

func TestCalendarDecisionMovesDeadlines(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
		admin := e.token("admin")
		if hasDay(e.holidays(2026), "2026-11-24", "TEST/2026") {
			t.Fatal("24/11 is a holiday before any decision")
		}
		if got := e.due(spanningCultureDay); got != "2026-11-25T09:00:00+07:00" {
			t.Fatalf("due before the decision: %s", got)
		}

		r := e.do("POST", "/api/v1/calendar/decisions", admin, cultureDay)
		if r.status != http.StatusCreated {
			t.Fatalf("add: %d %s", r.status, r.body)
		}
		var added struct {
			ID        int64
			Date      string
			CreatedBy string `json:"created_by"`
		}
		r.json(t, &added)
		if added.Date != "2026-11-24" || added.CreatedBy != "admin" {
			t.Fatalf("added: %s", r.body)
		}
		if !hasDay(e.holidays(2026), "2026-11-24", "TEST/2026") {
			t.Fatal("the new holiday is not listed")
		}
		if got := e.due(spanningCultureDay); got != "2026-11-26T09:00:00+07:00" {
			t.Fatalf("due with the new holiday: %s, want Thursday 09:00", got)
		}

		var list struct{ Items []struct{ ID int64 } }
		e.do("GET", "/api/v1/calendar/decisions", admin, nil).json(t, &list)
		if len(list.Items) != 1 || list.Items[0].ID != added.ID {
			t.Fatalf("decisions: %+v", list)
		}

		path := fmt.Sprintf("/api/v1/calendar/decisions/%d", added.ID)
		if r := e.do("DELETE", path, admin, nil); r.status != http.StatusNoContent {
			t.Fatalf("remove: %d %s", r.status, r.body)
		}
		if hasDay(e.holidays(2026), "2026-11-24", "TEST/2026") {
			t.Fatal("the removed holiday is still listed")
		}
		if got := e.due(spanningCultureDay); got != "2026-11-25T09:00:00+07:00" {
			t.Fatalf("due after removal: %s", got)
		}
		if r := e.do("DELETE", path, admin, nil); r.status != http.StatusNotFound {
			t.Fatalf("removing twice: %d", r.status)
		}

		audit, err := e.db.Audit(context.Background(), "calendar:", 0, 10)
		if err != nil || len(audit) != 2 {
			t.Fatalf("audit: %+v %v", audit, err)
		}
		for _, a := range audit {
			if a.Username != "admin" || a.AccountID == 0 || a.At.IsZero() {
				t.Errorf("audit entry without who or when: %+v", a)
			}
		}
		if audit[0].Action != "calendar.decision.remove" || audit[1].Action != "calendar.decision.add" {
			t.Errorf("audit actions: %s, %s", audit[0].Action, audit[1].Action)
		}
	})
}

func TestCalendarAPIRefusesInvalidInput(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
		admin := e.token("admin")
		with := func(k, v string) map[string]string {
			d := map[string]string{}
			for kk, vv := range cultureDay {
				d[kk] = vv
			}
			d[k] = v
			return d
		}
		cases := []struct {
			name   string
			method string
			path   string
			body   any
			status int
			field  string
		}{
			{"bad date", "POST", "/api/v1/calendar/decisions", with("date", "2026-13-01"), 422, "date"},
			{"unknown kind", "POST", "/api/v1/calendar/decisions", with("kind", "party"), 422, "kind"},
			{"no document number", "POST", "/api/v1/calendar/decisions", with("source", " "), 422, "source"},
			{"make-up on a Tuesday", "POST", "/api/v1/calendar/decisions", with("kind", "makeup_workday"), 422, "date"},
			{"unknown field", "POST", "/api/v1/calendar/decisions", with("colour", "red"), 422, "body"},
			{"bad year", "GET", "/api/v1/calendar/holidays?year=abc", nil, 422, "year"},
			{"bad start", "GET", "/api/v1/calendar/due?start=tomorrow&duration=2d", nil, 422, "start"},
			{"bad duration", "GET", "/api/v1/calendar/due?start=2026-11-23T09:00:00Z&duration=2w", nil, 422, "duration"},
		}
		for _, c := range cases {
			r := e.do(c.method, c.path, admin, c.body)
			var body struct{ Field, Message, MessageEN string }
			r.json(t, &body)
			if r.status != c.status || body.Field != c.field || body.Message == "" {
				t.Errorf("%s: %d %s, want %d on %q", c.name, r.status, r.body, c.status, c.field)
			}
		}
		if r := e.do("POST", "/api/v1/calendar/decisions", admin, cultureDay); r.status != http.StatusCreated {
			t.Fatalf("add: %d %s", r.status, r.body)
		}
		if r := e.do("POST", "/api/v1/calendar/decisions", admin, cultureDay); r.status != http.StatusConflict {
			t.Fatalf("a second decision on the same day: %d %s", r.status, r.body)
		}
	})
}

var removeForm = regexp.MustCompile(`action="(/admin/calendar/decisions/\d+/delete)"`)

func TestCalendarPage(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
		b := e.browser()
		b.login("admin")
		r := b.get("/admin/calendar?year=2026")
		page := string(r.body)
		if r.status != 200 || !strings.Contains(page, "Giỗ Tổ Hùng Vương") || !strings.Contains(page, "12729/VPCP-KGVX") {
			t.Fatalf("page: %d\n%s", r.status, page)
		}
		// Tết 2026 is Tuesday 17/02: lunar 1/1, marked as a holiday.
		if !regexp.MustCompile(`class="day k-holiday" title="[^"]*17/02/2026[^"]*"><span class="cal-d">17</span><span class="cal-lu">1/1</span>`).MatchString(page) {
			t.Error("Tết 2026 is not marked on 17/02 with lunar 1/1")
		}
		token := csrfInput.FindStringSubmatch(page)[1]
		form := url.Values{}
		for k, v := range cultureDay {
			form.Set(k, v)
		}
		if r := b.post("/admin/calendar/decisions", form); r.status != http.StatusForbidden {
			t.Fatalf("add without CSRF token: %d", r.status)
		}
		bad := url.Values{"csrf_token": {token}, "date": {"2026-11-24"}, "kind": {"party"}, "name": {"x"}, "source": {"y"}}
		r = b.post("/admin/calendar/decisions", bad)
		if r.status != http.StatusUnprocessableEntity || !strings.Contains(string(r.body), `id="dec-kind-err"`) {
			t.Fatalf("unknown kind: %d, want the error next to the kind field", r.status)
		}
		form.Set("csrf_token", token)
		r = b.post("/admin/calendar/decisions", form)
		if r.status != http.StatusSeeOther || !strings.Contains(r.header.Get("Location"), "done=added") {
			t.Fatalf("add: %d %s", r.status, r.header.Get("Location"))
		}
		r = b.get(r.header.Get("Location"))
		page = string(r.body)
		if !strings.Contains(page, "TEST/2026") || !strings.Contains(page, `id="affected"`) ||
			!strings.Contains(page, "giữ nguyên") {
			t.Fatalf("page after adding: %d\n%s", r.status, page)
		}
		m := removeForm.FindStringSubmatch(page)
		if m == nil {
			t.Fatal("no remove button for the stored decision")
		}
		if r := b.post(m[1], url.Values{"year": {"2026"}}); r.status != http.StatusForbidden {
			t.Fatalf("remove without CSRF token: %d", r.status)
		}
		r = b.post(m[1], url.Values{"csrf_token": {token}, "year": {"2026"}})
		if r.status != http.StatusSeeOther {
			t.Fatalf("remove: %d", r.status)
		}
		page = string(b.get(r.header.Get("Location")).body)
		if removeForm.MatchString(page) || hasDay(e.holidays(2026), "2026-11-24", "TEST/2026") {
			t.Fatal("the decision is still in force after removal")
		}
		if !strings.Contains(page, "Lịch sử thay đổi") || strings.Count(page, "Ngày Văn hóa Việt Nam") < 2 {
			t.Error("the change history does not show the addition and the removal")
		}
	})
}

// TestCalendarReachesOtherInstances runs a second server over the same database: its
// background refresh picks up a decision the first one stored.
func TestCalendarReachesOtherInstances(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
		other := serveEnv(t, e.db, web.Config{}, nil)
		ctx, cancel := context.WithCancel(context.Background())
		t.Cleanup(cancel)
		go other.srv.Background(ctx)

		if r := e.do("POST", "/api/v1/calendar/decisions", e.token("admin"), cultureDay); r.status != http.StatusCreated {
			t.Fatalf("add: %d %s", r.status, r.body)
		}
		deadline := time.Now().Add(10 * time.Second)
		for other.due(spanningCultureDay) != "2026-11-26T09:00:00+07:00" {
			if time.Now().After(deadline) {
				t.Fatal("the second instance did not pick up the decision")
			}
			time.Sleep(100 * time.Millisecond)
		}
		if !hasDay(other.holidays(2026), "2026-11-24", "TEST/2026") {
			t.Fatal("the second instance's holiday list lacks the decision")
		}
	})
}

// TestCalendarPageListsAffectedDossiers checks the page's list of open dossiers whose
// deadline window holds a given day: a day inside receipt..appointment lists the
// dossier, a day after its appointment does not.
func TestCalendarPageListsAffectedDossiers(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
		d := e.received(e.token("congdan"), e.token("tiepnhan"))
		appointment, err := time.Parse(time.RFC3339, d.AppointmentAt)
		if err != nil || d.Code == "" {
			t.Fatalf("received dossier: %+v %v", d, err)
		}
		b := e.browser()
		b.login("admin")
		inside := time.Now().AddDate(0, 0, 7).Format("2006-01-02")
		after := appointment.AddDate(0, 0, 7).Format("2006-01-02")
		if page := string(b.get("/admin/calendar?date=" + inside).body); !strings.Contains(page, d.Code) {
			t.Errorf("a day inside the deadline window does not list dossier %s", d.Code)
		}
		if page := string(b.get("/admin/calendar?date=" + after).body); strings.Contains(page, d.Code) ||
			!strings.Contains(page, `id="affected"`) {
			t.Errorf("a day after the appointment lists dossier %s, or the list is missing", d.Code)
		}
	})
}
