package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/motcua/motcua/calendar"
	"github.com/motcua/motcua/sqlstore/sqlstoretest"
	"github.com/motcua/motcua/web"
)

// notAPDF is named like a PDF but is not one.
var notAPDF = []byte("Hello, this is plain text pretending to be a PDF.\n")

var (
	keyInput     = regexp.MustCompile(`name="idempotency_key" value="([^"]+)"`)
	dossierPath  = regexp.MustCompile(`^/my/dossiers/(\d+)`)
	slotSections = regexp.MustCompile(`id="slot-\d+"`)
)

// page fetches a page and fails unless it answers want.
func (b *browser) page(want int, path string) string {
	b.e.t.Helper()
	r := b.get(path)
	if r.status != want {
		b.e.t.Fatalf("GET %s: %d, want %d\n%.600s", path, r.status, want, r.body)
	}
	return string(r.body)
}

// submit posts a page form with the browser's CSRF token.
func (b *browser) submit(path string, form url.Values) response {
	b.e.t.Helper()
	if form == nil {
		form = url.Values{}
	}
	form.Set("csrf_token", b.csrf())
	return b.post(path, form)
}

// uploadFile posts a page's upload form, as htmx does when hx is set.
func (b *browser) uploadFile(id int64, fields map[string]string, filename string, content []byte, hx bool) response {
	b.e.t.Helper()
	withToken := map[string]string{"csrf_token": b.csrf()}
	for k, v := range fields {
		withToken[k] = v
	}
	req := multipartPost(fmt.Sprintf("%s/my/dossiers/%d/documents", b.e.url, id), withToken, formFile{"file", filename, content})
	if hx {
		req.Header.Set("HX-Request", "true")
	}
	return b.e.send(b.c, req)
}

func wantRedirect(t *testing.T, r response, prefix string) string {
	t.Helper()
	loc := r.header.Get("Location")
	if r.status != http.StatusSeeOther || !strings.HasPrefix(loc, prefix) {
		t.Fatalf("got %d %q, want a redirect to %s…\n%.800s", r.status, loc, prefix, r.body)
	}
	return loc
}

func wantIn(t *testing.T, body string, parts ...string) {
	t.Helper()
	for _, p := range parts {
		if !strings.Contains(body, p) {
			t.Fatalf("page lacks %q", p)
		}
	}
}

// startFiling runs step 1 of the wizard as the browser's applicant and returns the draft.
func startFiling(t *testing.T, b *browser) int64 {
	t.Helper()
	page := b.page(200, "/procedures/"+demoProcedure+"/file")
	key := keyInput.FindStringSubmatch(page)
	if key == nil {
		t.Fatal("step 1 has no idempotency key")
	}
	loc := wantRedirect(t, b.submit("/procedures/"+demoProcedure+"/file", url.Values{"idempotency_key": {key[1]},
		"name": {"Nguyễn Văn An"}, "id_number": {"001090012345"}, "phone": {"0912345678"},
		"email": {"congdan@example.vn"}, "summary": {"Cửa hàng xăng dầu số 5"}}), "/my/dossiers/")
	id, _ := strconv.ParseInt(dossierPath.FindStringSubmatch(loc)[1], 10, 64)
	return id
}

// uploadAll puts a PDF in every required slot of the demo procedure (three papers).
func uploadAll(t *testing.T, b *browser, id int64) {
	t.Helper()
	for slot := range 3 {
		wantRedirect(t, b.uploadFile(id, map[string]string{"slot": strconv.Itoa(slot)}, "giay-to.pdf", fakePDF, false),
			fmt.Sprintf("/my/dossiers/%d/documents", id))
	}
}

// filed runs the whole wizard and submits.
func filed(t *testing.T, b *browser) int64 {
	t.Helper()
	id := startFiling(t, b)
	uploadAll(t, b, id)
	wantRedirect(t, b.submit(fmt.Sprintf("/my/dossiers/%d/submit", id), url.Values{"declare": {"yes"}}),
		fmt.Sprintf("/my/dossiers/%d?done=submitted", id))
	return id
}

func TestFilingWizardMakesOneDraftAndPrefills(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
		b := e.browser()
		if r := b.get("/procedures/" + demoProcedure + "/file"); r.status != http.StatusSeeOther ||
			!strings.HasPrefix(r.header.Get("Location"), "/login?next=") {
			t.Fatalf("signed out: %d %s", r.status, r.header.Get("Location"))
		}
		wantIn(t, b.page(200, "/procedures/"+demoProcedure), `id="file-online"`, "/login?next=/procedures/"+demoProcedure+"/file")
		b.login("congdan")
		wantIn(t, b.page(200, "/procedures/"+demoProcedure), `href="/procedures/`+demoProcedure+`/file"`)
		page := b.page(200, "/procedures/"+demoProcedure+"/file")
		wantIn(t, page, `value="Nguyễn Văn An"`, `value="001090012345"`, `value="0912345678"`, `value="congdan@example.vn"`,
			"Nộp hồ sơ trực tuyến", `aria-current="step"`)
		key := keyInput.FindStringSubmatch(page)[1]
		form := url.Values{"idempotency_key": {key}, "name": {"Nguyễn Văn An"}, "id_number": {"001090012345"},
			"phone": {"0912345678"}, "email": {"congdan@example.vn"}}
		first := wantRedirect(t, b.submit("/procedures/"+demoProcedure+"/file", form), "/my/dossiers/")
		second := wantRedirect(t, b.submit("/procedures/"+demoProcedure+"/file", form), "/my/dossiers/")
		if first != second {
			t.Fatalf("the same key made two drafts: %s and %s", first, second)
		}
		var list struct{ Items []struct{ ID int64 } }
		e.do("GET", "/api/v1/dossiers", e.token("congdan"), nil).json(t, &list)
		if len(list.Items) != 1 {
			t.Fatalf("%d dossiers after a double submit, want 1", len(list.Items))
		}

		bad := b.submit("/procedures/"+demoProcedure+"/file", url.Values{"idempotency_key": {"k2"}, "name": {""},
			"id_number": {"123"}, "phone": {""}, "email": {""}})
		if bad.status != http.StatusUnprocessableEntity {
			t.Fatalf("invalid step 1: %d", bad.status)
		}
		wantIn(t, string(bad.body), `id="error-summary"`, `href="#name"`, `href="#id_number"`, `id="name-error"`,
			`aria-invalid="true"`, "Họ tên người nộp hồ sơ bắt buộc.")

		biz := e.browser()
		biz.login("doanhnghiep")
		wantIn(t, biz.page(200, "/procedures/"+demoProcedure+"/file"), `value="Công ty TNHH Thương mại Hồng Hà"`,
			`value="0101234565"`, `name="tax_code"`)
	})
}

func TestUploadErrorsAreClearInBothLanguages(t *testing.T) {
	sqlstoretest.Engines(t, func(t *testing.T, dsn string) {
		e := newEnv(t, dsn, web.Config{MaxUploadBytes: 1 << 20})
		b := e.browser()
		b.login("congdan")
		id := startFiling(t, b)
		page := b.page(200, fmt.Sprintf("/my/dossiers/%d/documents", id))
		if n := len(slotSections.FindAllString(page, -1)); n != 3 {
			t.Fatalf("%d upload slots, want one per required paper (3)", n)
		}
		wantIn(t, page, "tối đa 1 MiB", `accept=".pdf,.jpg,.jpeg,.png`)

		r := b.uploadFile(id, map[string]string{"slot": "0"}, "don.pdf", notAPDF, false)
		if r.status != http.StatusUnprocessableEntity {
			t.Fatalf("fake PDF: %d", r.status)
		}
		wantIn(t, string(r.body), "không phải PDF, JPEG hoặc PNG", `id="file-0-error"`)
		r = b.uploadFile(id, map[string]string{"slot": "1"}, "big.pdf", append([]byte("%PDF-1.4\n"), make([]byte, 1<<20)...), true)
		if r.status != http.StatusOK {
			t.Fatalf("too big over htmx: %d", r.status)
		}
		wantIn(t, string(r.body), "vượt quá dung lượng cho phép 1 MiB", `id="file-1-error"`)

		b.get("/lang?to=en&next=/")
		r = b.uploadFile(id, map[string]string{"slot": "0"}, "don.pdf", notAPDF, true)
		wantIn(t, string(r.body), "is not a PDF, JPEG or PNG", `id="upload-live"`)

		r = b.uploadFile(id, map[string]string{"slot": "0"}, "don.pdf", fakePDF, true)
		if r.status != http.StatusOK {
			t.Fatalf("good upload over htmx: %d", r.status)
		}
		wantIn(t, string(r.body), "Uploaded “don.pdf”", "SHA-256", "B ·")
	})
}

func TestDraftSurvivesLogoutAndResumes(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
		b := e.browser()
		b.login("congdan")
		id := startFiling(t, b)
		wantRedirect(t, b.uploadFile(id, map[string]string{"slot": "0"}, "don.pdf", fakePDF, false), "/my/dossiers/")
		wantRedirect(t, b.submit("/logout", nil), "/")

		b = e.browser()
		b.login("congdan")
		list := b.page(200, "/my/dossiers")
		wantIn(t, list, fmt.Sprintf(`href="/my/dossiers/%d">Tiếp tục`, id), "Bản nháp")
		wantRedirect(t, b.get(fmt.Sprintf("/my/dossiers/%d", id)), fmt.Sprintf("/my/dossiers/%d/documents", id))
		wantIn(t, b.page(200, fmt.Sprintf("/my/dossiers/%d/documents", id)), "don.pdf")
		uploadAll(t, b, id)
		wantRedirect(t, b.get(fmt.Sprintf("/my/dossiers/%d", id)), fmt.Sprintf("/my/dossiers/%d/review", id))
	})
}

func TestSubmitReceiveAndFollow(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
		b := e.browser()
		b.login("congdan")
		id := startFiling(t, b)
		review := b.page(200, fmt.Sprintf("/my/dossiers/%d/review", id))
		wantIn(t, review, `id="missing-docs"`, "1.200.000")
		uploadAll(t, b, id)
		r := b.submit(fmt.Sprintf("/my/dossiers/%d/submit", id), nil)
		if r.status != http.StatusUnprocessableEntity {
			t.Fatalf("submit without the declaration: %d", r.status)
		}
		wantIn(t, string(r.body), `href="#declare"`, `id="declare-error"`)
		wantRedirect(t, b.submit(fmt.Sprintf("/my/dossiers/%d/submit", id), url.Values{"declare": {"yes"}}), "/my/dossiers/")
		wantIn(t, b.page(200, fmt.Sprintf("/my/dossiers/%d?done=submitted", id)), "Đã nộp hồ sơ", "Mới đăng ký")

		// Filing the same procedure again is flagged before submission.
		wantIn(t, b.page(200, "/procedures/"+demoProcedure+"/file"), `id="duplicate-warning"`)
		again := startFiling(t, b)
		wantIn(t, b.page(200, fmt.Sprintf("/my/dossiers/%d/review", again)), `id="duplicate-warning"`)

		d := e.act(id, "receive", e.token("tiepnhan"), nil, 2)
		page := b.page(200, fmt.Sprintf("/my/dossiers/%d", id))
		at := mustTime(t, d.AppointmentAt).In(calendar.Vietnam)
		wantIn(t, page, d.Code, "Được tiếp nhận", "Ngày hẹn trả kết quả", at.Format("15:04 02/01/2006"),
			fmt.Sprintf("/api/v1/dossiers/%d/forms/01", id), "Tiếp nhận hồ sơ")
		wantPDF(t, b.get(fmt.Sprintf("/api/v1/dossiers/%d/forms/01", id)), "receipt through the session")
		list := b.page(200, "/my/dossiers")
		wantIn(t, list, d.Code, "còn ")
		if strings.Contains(page, "Nguyễn Thị Lan") {
			t.Fatal("the applicant's page names the officer")
		}
	})
}

func TestSupplementPaymentAndRatingThroughPages(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
		desk, specialist, head := e.token("tiepnhan"), e.token("chuyenvien"), e.token("truongphong")
		leader, clerk := e.token("lanhdao"), e.token("vanthu")
		b := e.browser()
		b.login("congdan")
		id := filed(t, b)
		path := fmt.Sprintf("/my/dossiers/%d", id)
		e.act(id, "receive", desk, nil, 2)
		e.act(id, "forward", desk, map[string]any{"to_unit": "QLTM"}, 4)
		e.act(id, "request-supplement", specialist, map[string]any{"missing": []string{"Bản vẽ mặt bằng cửa hàng"}}, 5)

		page := b.page(200, path)
		wantIn(t, page, "Cần bổ sung giấy tờ", "Bản vẽ mặt bằng cửa hàng", `id="supplement-file"`, "tạm dừng")
		r := b.submit(path+"/supplement", nil)
		if r.status != http.StatusUnprocessableEntity {
			t.Fatalf("supplement without a file: %d", r.status)
		}
		wantIn(t, string(r.body), "Cần tải lên ít nhất một tệp bổ sung", `href="#supplement-file"`)
		r = b.uploadFile(id, map[string]string{"slot_name": "Bản vẽ mặt bằng cửa hàng"}, "ban-ve.png",
			[]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), true)
		wantIn(t, string(r.body), "ban-ve.png", `id="supplement-files"`)
		wantRedirect(t, b.submit(path+"/supplement", url.Values{"note": {"Đã bổ sung bản vẽ"}}), path+"?done=supplemented")
		if d := e.call(200, "GET", "/api/v1/dossiers/"+strconv.FormatInt(id, 10), desk, nil); d.Status.Code != 4 {
			t.Fatalf("after the supplement: status %d", d.Status.Code)
		}

		e.act(id, "request-payment", specialist, nil, 6)
		page = b.page(200, path)
		wantIn(t, page, "Cần thanh toán phí, lệ phí", "1.200.000 đ", "online demo", `id="pay"`)
		wantRedirect(t, b.submit(path+"/pay", nil), path+"?done=paid")
		var paid struct {
			Status  struct{ Code int }
			Payment struct{ Method string }
		}
		e.do("GET", "/api/v1/dossiers/"+strconv.FormatInt(id, 10), desk, nil).json(t, &paid)
		if paid.Status.Code != 4 || paid.Payment.Method != "online demo" {
			t.Fatalf("after paying: %+v", paid)
		}

		e.decide(id, "125/GCN-SCT", specialist, head, leader, clerk)
		wantIn(t, b.page(200, path), "Đã có kết quả", "125/GCN-SCT")
		e.act(id, "return-result", desk, nil, 10)

		wantIn(t, b.page(200, path), "Mời đánh giá", `id="send-rating"`, "Thái độ phục vụ")
		r = b.submit(path+"/rating", url.Values{"comment": {"Nhanh"}})
		if r.status != http.StatusUnprocessableEntity {
			t.Fatalf("rating without a score: %d", r.status)
		}
		wantIn(t, string(r.body), "Điểm đánh giá phải từ 1 đến 5.", `id="score-error"`, ">Nhanh</textarea>")
		wantRedirect(t, b.submit(path+"/rating", url.Values{"score": {"4"}, "c_attitude": {"5"}, "comment": {"Nhanh"}}),
			path+"?done=rated")
		r = b.submit(path+"/rating", url.Values{"score": {"1"}})
		if r.status != http.StatusConflict {
			t.Fatalf("second rating: %d", r.status)
		}
		wantIn(t, b.page(200, path), "Đánh giá của bạn", "4/5")
	})
}

func TestCompletionAfterGuidance(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
		desk := e.token("tiepnhan")
		b := e.browser()
		b.login("congdan")
		id := filed(t, b)
		path := fmt.Sprintf("/my/dossiers/%d", id)
		e.act(id, "guide", desk, map[string]any{"missing": []string{"Bản sao CCCD của người đại diện"}}, 1)
		wantIn(t, b.page(200, path), "Cần hoàn thiện hồ sơ", "Bản sao CCCD của người đại diện", `id="resubmit"`, "Mẫu 02")
		r := b.uploadFile(id, map[string]string{"slot_name": "Bản sao CCCD của người đại diện"}, "cccd.jpg",
			[]byte("\xff\xd8\xff\xe0\x00\x10JFIF\x00"), true)
		wantIn(t, string(r.body), "cccd.jpg")
		wantRedirect(t, b.submit(path+"/submit", nil), path+"?done=resubmitted")
		e.act(id, "receive", desk, nil, 2)
	})
}

func TestWithdrawAndOthersSeeNothing(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
		b := e.browser()
		b.login("congdan")
		id := filed(t, b)
		path := fmt.Sprintf("/my/dossiers/%d", id)

		other := e.browser()
		other.login("doanhnghiep")
		for _, p := range []string{"", "/documents", "/review", "/withdraw"} {
			if r := other.get(path + p); r.status != http.StatusNotFound {
				t.Fatalf("another applicant GET %s: %d", p, r.status)
			}
		}
		for _, p := range []string{"/submit", "/supplement", "/pay", "/withdraw", "/rating"} {
			if r := other.submit(path+p, nil); r.status != http.StatusNotFound {
				t.Fatalf("another applicant POST %s: %d", p, r.status)
			}
		}
		if r := other.uploadFile(id, map[string]string{"slot": "0"}, "x.pdf", fakePDF, false); r.status != http.StatusNotFound {
			t.Fatalf("another applicant's upload: %d", r.status)
		}
		if strings.Contains(other.page(200, "/my/dossiers"), path) {
			t.Fatal("another applicant lists the dossier")
		}

		wantIn(t, b.page(200, path), path+"/withdraw")
		wantIn(t, b.page(200, path+"/withdraw"), "Bạn chắc chắn muốn rút hồ sơ này?", `id="confirm-withdraw"`)
		wantRedirect(t, b.submit(path+"/withdraw", url.Values{"reason": {"Nộp nhầm thủ tục"}}), path+"?done=withdrawn")
		wantIn(t, b.page(200, path), "Công dân yêu cầu rút hồ sơ", "Nộp nhầm thủ tục")
		r := b.submit(path+"/withdraw", nil)
		if r.status != http.StatusConflict {
			t.Fatalf("withdrawing twice: %d", r.status)
		}
		wantIn(t, string(r.body), `id="error-summary"`, "Không thể rút hồ sơ")
	})
}

func TestTrackingPage(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
		citizen := e.browser()
		citizen.login("congdan")
		id := filed(t, citizen)
		d := e.act(id, "receive", e.token("tiepnhan"), nil, 2)

		b := e.browser()
		form := b.page(200, "/track?code="+url.QueryEscape(d.Code))
		wantIn(t, form, `name="code" value="`+d.Code+`"`, `id="secret"`)
		if strings.Contains(form, `type="text" id="code"`) {
			t.Fatal("the link from the receipt asks for the code again")
		}
		ok := b.submit("/track", url.Values{"code": {d.Code}, "secret": {"0912 345 678"}})
		if ok.status != 200 {
			t.Fatalf("right secret: %d", ok.status)
		}
		wantIn(t, string(ok.body), "Được tiếp nhận", `id="track-appointment"`, "Tiếp nhận hồ sơ")
		if strings.Contains(string(ok.body), "Nguyễn Thị Lan") || strings.Contains(string(ok.body), "Nguyễn Văn An") {
			t.Fatal("the public page names people")
		}
		wantIn(t, string(b.submit("/track", url.Values{"code": {d.Code}, "secret": {"2345"}}).body), "Được tiếp nhận")

		fake := "000.00.12.H26-991231-9999"
		wrongSecret := b.submit("/track", url.Values{"code": {d.Code}, "secret": {"0999999999"}})
		wrongCode := b.submit("/track", url.Values{"code": {fake}, "secret": {"0912345678"}})
		if wrongSecret.status != http.StatusNotFound || wrongCode.status != http.StatusNotFound {
			t.Fatalf("wrong answers: %d and %d", wrongSecret.status, wrongCode.status)
		}
		if strings.ReplaceAll(string(wrongSecret.body), d.Code, "CODE") != strings.ReplaceAll(string(wrongCode.body), fake, "CODE") {
			t.Fatal("a wrong code and a wrong secret answer differently")
		}
		empty := b.submit("/track", url.Values{"code": {""}, "secret": {""}})
		if empty.status != http.StatusUnprocessableEntity {
			t.Fatalf("empty form: %d", empty.status)
		}
		wantIn(t, string(empty.body), `href="#code"`, `href="#secret"`)

		b.get("/lang?to=en&next=/")
		wantIn(t, string(b.submit("/track", url.Values{"code": {d.Code}, "secret": {"0912345678"}}).body),
			"Received", "Appointment", `lang="en"`)
	})
}

func TestTrackingPageIsRateLimited(t *testing.T) {
	e := newEnv(t, sqlstoretest.SQLiteDSN(t), web.Config{TrackRate: 4})
	b := e.browser()
	form := url.Values{"code": {"000.00.12.H26-991231-9999"}, "secret": {"1234"}}
	if r := b.submit("/track", form); r.status != http.StatusNotFound {
		t.Fatalf("first lookup: %d", r.status)
	}
	r := b.submit("/track", form)
	if r.status != http.StatusTooManyRequests || r.header.Get("Retry-After") == "" {
		t.Fatalf("second lookup: %d", r.status)
	}
	wantIn(t, string(r.body), "Tra cứu quá nhiều lần")
}

func TestApplicantPagesInEnglish(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
		b := e.browser()
		b.login("congdan")
		id := startFiling(t, b)
		uploadAll(t, b, id)
		submitted := filed(t, b)
		b.get("/lang?to=en&next=/")
		pages := map[string]string{
			"/procedures/" + demoProcedure + "/file":     "File online",
			fmt.Sprintf("/my/dossiers/%d/documents", id): "Upload",
			fmt.Sprintf("/my/dossiers/%d/review", id):    "Review and submit",
			"/my/dossiers": "My dossiers",
			fmt.Sprintf("/my/dossiers/%d", submitted):          "Submitted, awaiting receipt",
			fmt.Sprintf("/my/dossiers/%d/withdraw", submitted): "Yes, withdraw it",
			"/track":                       "Track a dossier",
			"/procedures/" + demoProcedure: "File online",
		}
		for p, want := range pages {
			body := b.page(200, p)
			wantIn(t, body, `lang="en"`, want)
			for _, vi := range []string{"Nộp hồ sơ trực tuyến", "Hồ sơ của tôi", "Tra cứu hồ sơ", "Tải lên"} {
				if strings.Contains(body, vi) {
					t.Errorf("%s in English still says %q", p, vi)
				}
			}
		}
	})
}
