package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

// officeToken is the CSRF token the forms of a page carry.
func officeToken(t *testing.T, r response) string {
	t.Helper()
	m := csrfInput.FindSubmatch(r.body)
	if m == nil {
		t.Fatalf("no form token on the page (%d): %.300s", r.status, r.body)
	}
	return string(m[1])
}

// officePage fetches a page and fails unless it answers want.
func (b *browser) officePage(want int, path string) response {
	b.e.t.Helper()
	r := b.get(path)
	if r.status != want {
		b.e.t.Fatalf("GET %s: %d, want %d: %.500s", path, r.status, want, r.body)
	}
	return r
}

// officeMove posts one action form of the dossier page, with the page's token.
func (b *browser) officeMove(id int64, action string, form url.Values) response {
	b.e.t.Helper()
	if form == nil {
		form = url.Values{}
	}
	form.Set("csrf_token", officeToken(b.e.t, b.officePage(http.StatusOK, fmt.Sprintf("/office/dossiers/%d", id))))
	return b.post(fmt.Sprintf("/office/dossiers/%d/%s", id, action), form)
}

// officeMoved posts a move and fails unless it went through back to the dossier page.
func (b *browser) officeMoved(id int64, action string, form url.Values) {
	b.e.t.Helper()
	r := b.officeMove(id, action, form)
	want := fmt.Sprintf("/office/dossiers/%d?done=%s", id, action)
	if r.status != http.StatusSeeOther || r.header.Get("Location") != want {
		b.e.t.Fatalf("%s: %d %s, want redirect to %s: %.800s", action, r.status, r.header.Get("Location"), want, r.body)
	}
}

func (b *browser) officeMultipart(path string, fields map[string]string, files map[string][]byte) response {
	var ff []formFile
	for name, content := range files {
		ff = append(ff, formFile{name, name + ".pdf", content})
	}
	return b.e.send(b.c, multipartPost(b.e.url+path, fields, ff...))
}

func (e *env) officeAccountID(username string) int64 {
	e.t.Helper()
	a, _, err := e.db.AccountByUsername(context.Background(), username)
	if err != nil {
		e.t.Fatal(err)
	}
	return a.ID
}

func officeWant(t *testing.T, r response, parts ...string) {
	t.Helper()
	for _, p := range parts {
		if !strings.Contains(string(r.body), p) {
			t.Fatalf("page lacks %q: %.3000s", p, r.body)
		}
	}
}

// TestOfficeConsoleLifecycle: an online filing reaches the desk's queue, is received and
// forwarded from the dossier page, lands in the specialist's steps and is sent back for a
// supplement; moves the rules refuse show the rules' message with 409.
func TestOfficeConsoleLifecycle(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
		citizen := e.token("congdan")
		d := e.fileDraft(citizen, "office-1")
		e.act(d.ID, "submit", citizen, nil, 1)
		link := fmt.Sprintf(`href="/office/dossiers/%d"`, d.ID)

		desk := e.browser()
		desk.login("tiepnhan")
		officeWant(t, desk.officePage(http.StatusOK, "/office"), link, `data-queue="to_receive"`)
		officeWant(t, desk.officePage(http.StatusOK, "/office?queue=to_receive"), link, "Nguyễn Văn An")
		officeWant(t, desk.officePage(http.StatusOK, fmt.Sprintf("/office/dossiers/%d", d.ID)), `id="act-receive"`, `id="act-guide"`, `id="act-refuse"`)

		desk.officeMoved(d.ID, "receive", nil)
		received := e.call(http.StatusOK, "GET", fmt.Sprintf("/api/v1/dossiers/%d", d.ID), citizen, nil)
		if received.Status.Code != 2 || received.Code == "" {
			t.Fatalf("after receive: %+v", received)
		}
		after := desk.officePage(http.StatusOK, fmt.Sprintf("/office/dossiers/%d?done=receive", d.ID))
		officeWant(t, after, `id="done-code">`+received.Code+`<`, `id="done-appointment"`,
			fmt.Sprintf(`href="/api/v1/dossiers/%d/forms/01"`, d.ID), "Chuỗi lịch sử toàn vẹn", `id="act-forward"`)
		wantPDF(t, desk.get(fmt.Sprintf("/api/v1/dossiers/%d/forms/01", d.ID)), "form 01 from the page's link")

		again := desk.officeMove(d.ID, "receive", nil)
		if again.status != http.StatusConflict {
			t.Fatalf("second receive: %d, want 409", again.status)
		}
		officeWant(t, again, `id="move-error"`, "Không thể tiếp nhận hồ sơ khi hồ sơ ở trạng thái")

		specialist := e.officeAccountID("chuyenvien")
		if r := desk.officeMove(d.ID, "forward", url.Values{"to_unit": {"NOWHERE"}}); r.status != http.StatusUnprocessableEntity {
			t.Fatalf("forward to an unknown unit: %d", r.status)
		}
		if r := desk.officeMove(d.ID, "forward", url.Values{"to_unit": {"QLCN"}, "assignee_id": {fmt.Sprint(specialist)}}); r.status != http.StatusUnprocessableEntity {
			t.Fatalf("forward to someone outside the unit: %d", r.status)
		}
		desk.officeMoved(d.ID, "forward", url.Values{"to_unit": {"QLTM"}, "assignee_id": {fmt.Sprint(specialist)}, "note": {"Chuyển thẩm định"}})

		cv := e.browser()
		cv.login("chuyenvien")
		officeWant(t, cv.officePage(http.StatusOK, "/office?queue=my_steps"), link, "Trần Văn Minh")
		cv.officeMoved(d.ID, "request-supplement", url.Values{"missing": {"Bản sao Giấy chứng nhận đăng ký doanh nghiệp\n\n  Sơ đồ cửa hàng  \n"},
			"note": {"Thiếu giấy tờ"}})
		waiting := e.call(http.StatusOK, "GET", fmt.Sprintf("/api/v1/dossiers/%d", d.ID), citizen, nil)
		if waiting.Status.Code != 5 {
			t.Fatalf("after request-supplement: status %d", waiting.Status.Code)
		}
		page := cv.officePage(http.StatusOK, fmt.Sprintf("/office/dossiers/%d", d.ID))
		officeWant(t, page, "Sơ đồ cửa hàng", "Chuỗi lịch sử toàn vẹn", `data-form="02"`)

		refused := cv.officeMove(d.ID, "request-supplement", url.Values{"missing": {"Giấy khác"}})
		if refused.status != http.StatusConflict {
			t.Fatalf("request-supplement while waiting: %d, want 409", refused.status)
		}
		officeWant(t, refused, "Không thể yêu cầu bổ sung khi hồ sơ ở trạng thái")

		// The desk records the papers the applicant brought to the counter; the clock starts again.
		token := officeToken(t, desk.officePage(http.StatusOK, fmt.Sprintf("/office/dossiers/%d", d.ID)))
		r := desk.officeMultipart(fmt.Sprintf("/office/dossiers/%d/supplement", d.ID),
			map[string]string{"csrf_token": token, "note": "Nhận bổ sung tại quầy"}, map[string][]byte{"file": fakePDF})
		if r.status != http.StatusSeeOther {
			t.Fatalf("supplement at the counter: %d %.800s", r.status, r.body)
		}
		back := e.call(http.StatusOK, "GET", fmt.Sprintf("/api/v1/dossiers/%d", d.ID), citizen, nil)
		if back.Status.Code != 4 || len(back.Documents) != 1 {
			t.Fatalf("after the counter supplement: status %d, %d documents", back.Status.Code, len(back.Documents))
		}
		officeWant(t, desk.officePage(http.StatusOK, "/office/book"), received.Code, "/api/v1/forms/07.pdf?")
		// The desk finds a walk-in's dossiers by the phone number, written any usual way.
		officeWant(t, desk.officePage(http.StatusOK, "/office?queue=all&q=%2B84+912+345+678"), received.Code)
		if page := desk.officePage(http.StatusOK, "/office?queue=all&q=0999999999"); strings.Contains(string(page.body), received.Code) {
			t.Fatal("a search by another phone number lists the dossier")
		}
		var list struct {
			Items []struct{ ID int64 } `json:"items"`
		}
		e.do("GET", "/api/v1/dossiers?applicant=0912345678", e.token("tiepnhan"), nil).json(t, &list)
		if len(list.Items) == 0 {
			t.Fatal("the API finds no dossier by the applicant's phone")
		}
		leader := e.browser()
		leader.login("lanhdao")
		book := leader.officePage(http.StatusOK, "/office/book")
		officeWant(t, book, received.Code, "/api/v1/forms/07.pdf?", "/api/v1/forms/07.xlsx?")
		wantPDF(t, e.do("GET", "/api/v1/forms/07.pdf?unit=MC", e.token("lanhdao"), nil), "the leader's form 07")
		if r := e.do("GET", "/api/v1/forms/07.pdf?unit=MC", e.token("chuyenvien"), nil); r.status != http.StatusForbidden {
			t.Fatalf("a specialist fetched the tracking book: %d", r.status)
		}
	})
}

// TestOfficeMoveFieldErrors: a move with a missing field shows the rules' message next to
// its form, keeps what was typed, and answers 422.
func TestOfficeMoveFieldErrors(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
		citizen := e.token("congdan")
		d := e.submitted(citizen)
		desk := e.browser()
		desk.login("tiepnhan")
		r := desk.officeMove(d.ID, "refuse", url.Values{"reason": {"  "}, "note": {"ghi chú giữ lại"}})
		if r.status != http.StatusUnprocessableEntity {
			t.Fatalf("refuse without reason: %d", r.status)
		}
		officeWant(t, r, "cần nêu rõ lý do từ chối", `value="ghi chú giữ lại"`, `<details class="office-act" id="act-refuse" open>`)
		r = desk.officeMove(d.ID, "guide", url.Values{"missing": {"\n \n"}})
		if r.status != http.StatusUnprocessableEntity {
			t.Fatalf("guide without items: %d", r.status)
		}
		officeWant(t, r, "cần liệt kê đầy đủ các giấy tờ còn thiếu")
	})
}

// TestOfficeCounterFiling: the desk files a walk-in dossier with a scanned paper and
// receives it in one go; bad input is answered field by field and nothing is stored.
func TestOfficeCounterFiling(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
		desk := e.browser()
		desk.login("tiepnhan")
		officeWant(t, desk.officePage(http.StatusOK, "/office/new?q=xang+dau"), "/office/new?procedure="+demoProcedure)
		form := desk.officePage(http.StatusOK, "/office/new?procedure="+demoProcedure)
		officeWant(t, form, `name="doc_0"`, `name="applicant.id_number"`)
		key := regexp.MustCompile(`name="key" value="([0-9a-f]+)"`).FindSubmatch(form.body)
		if key == nil {
			t.Fatal("no idempotency key on the counter form")
		}
		fields := map[string]string{"csrf_token": officeToken(t, form), "procedure": demoProcedure, "channel": "1",
			"applicant_type": "1", "applicant.name": "Lê Văn Bình", "applicant.id_number": "0010900",
			"applicant.phone": "0912 000 111", "summary": "Cửa hàng số 9", "key": string(key[1])}

		bad := desk.officeMultipart("/office/new", fields, map[string][]byte{"doc_1": []byte("not a pdf")})
		if bad.status != http.StatusUnprocessableEntity {
			t.Fatalf("bad counter filing: %d %.500s", bad.status, bad.body)
		}
		officeWant(t, bad, "số CCCD phải gồm đúng 12 chữ số", "phải là PDF, JPEG hoặc PNG", `value="Lê Văn Bình"`)

		fields["applicant.id_number"] = "001090099999"
		r := desk.officeMultipart("/office/new", fields, map[string][]byte{"doc_0": fakePDF})
		loc := r.header.Get("Location")
		if r.status != http.StatusSeeOther || !strings.HasSuffix(loc, "?done=receive") {
			t.Fatalf("counter filing: %d %s %.800s", r.status, loc, r.body)
		}
		var id int64
		fmt.Sscanf(loc, "/office/dossiers/%d", &id)
		desk.officePage(http.StatusOK, loc)
		got := e.call(http.StatusOK, "GET", fmt.Sprintf("/api/v1/dossiers/%d", id), e.token("tiepnhan"), nil)
		if got.Status.Code != 2 || got.Code == "" || len(got.Documents) != 1 {
			t.Fatalf("counter dossier: %+v", got)
		}
		// A second click on the same form lands on the same dossier.
		twice := desk.officeMultipart("/office/new", fields, map[string][]byte{"doc_0": fakePDF})
		if twice.header.Get("Location") != loc {
			t.Fatalf("resubmitted counter form: %d %s, want %s", twice.status, twice.header.Get("Location"), loc)
		}
	})
}

// TestOfficeQueuePaging walks a queue page by page: every dossier once, none twice.
func TestOfficeQueuePaging(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
		citizen := e.token("congdan")
		want := map[int64]bool{}
		for range 5 {
			d := e.submitted(citizen)
			want[d.ID] = true
		}
		desk := e.browser()
		desk.login("tiepnhan")
		rowID := regexp.MustCompile(`<tr class="office-row" data-id="(\d+)">`)
		next := regexp.MustCompile(`href="([^"]+)" rel="next"`)
		seen := map[int64]bool{}
		path := "/office?queue=to_receive&limit=2"
		for pages := 0; path != ""; pages++ {
			if pages > 5 {
				t.Fatal("paging does not end")
			}
			r := desk.officePage(http.StatusOK, path)
			for _, m := range rowID.FindAllSubmatch(r.body, -1) {
				var id int64
				fmt.Sscan(string(m[1]), &id)
				if seen[id] {
					t.Fatalf("dossier %d listed twice", id)
				}
				seen[id] = true
			}
			path = ""
			if m := next.FindSubmatch(r.body); m != nil {
				path = strings.ReplaceAll(string(m[1]), "&amp;", "&")
			}
		}
		if len(seen) != len(want) {
			t.Fatalf("saw %d dossiers, want %d", len(seen), len(want))
		}
		officeWant(t, desk.officePage(http.StatusOK, "/office?queue=to_receive&limit=2"), `data-queue="to_receive" aria-current="page">Chờ tiếp nhận <span class="office-count">5</span>`)
		officeWant(t, desk.officePage(http.StatusOK, "/office?queue=all&q=nguyen+van"), `id="search-window"`, "Nguyễn Văn An")
	})
}

// TestOfficeIsForStaff: applicants and administrators have no console; a specialist is
// not offered the desk's queue.
func TestOfficeIsForStaff(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
		citizen := e.token("congdan")
		d := e.submitted(citizen)
		for _, who := range []string{"congdan", "doanhnghiep", "admin", "danhmuc"} {
			b := e.browser()
			b.login(who)
			for _, p := range []string{"/office", fmt.Sprintf("/office/dossiers/%d", d.ID), "/office/book"} {
				if r := b.get(p); r.status != http.StatusNotFound && r.status != http.StatusForbidden {
					t.Errorf("%s GET %s: %d, want 403 or 404", who, p, r.status)
				}
			}
			if r := b.get("/office/new"); r.status != http.StatusForbidden {
				t.Errorf("%s GET /office/new: %d, want 403", who, r.status)
			}
		}
		cv := e.browser()
		cv.login("chuyenvien")
		if r := cv.get("/office?queue=to_receive"); r.status != http.StatusBadRequest {
			t.Errorf("specialist on the desk's queue: %d, want 400", r.status)
		}
		// Not yet touched by the specialist's unit: not visible to it.
		if r := cv.get(fmt.Sprintf("/office/dossiers/%d", d.ID)); r.status != http.StatusNotFound {
			t.Errorf("specialist on another unit's dossier: %d, want 404", r.status)
		}
	})
}

// TestOfficePagesInEnglish: the console speaks English when asked.
func TestOfficePagesInEnglish(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
		citizen := e.token("congdan")
		d := e.submitted(citizen)
		desk := e.browser()
		desk.login("tiepnhan")
		desk.get("/lang?to=en&next=/office")
		officeWant(t, desk.officePage(http.StatusOK, "/office"), `lang="en"`, "Dossier desk", "To receive", "Now with")
		desk.officeMoved(d.ID, "receive", nil)
		officeWant(t, desk.officePage(http.StatusOK, fmt.Sprintf("/office/dossiers/%d?done=receive", d.ID)),
			"History chain intact", "Print the receipt and appointment slip", "Forward", "Processing steps")
		r := desk.officeMove(d.ID, "receive", nil)
		officeWant(t, r, "Cannot receive a dossier that is")
		officeWant(t, desk.officePage(http.StatusOK, "/office/new?procedure="+demoProcedure), "Citizen ID (12 digits)")
		officeWant(t, desk.officePage(http.StatusOK, "/office/book"), "Tracking book", "Download Excel")
	})
}
