package web

import (
	"context"
	"errors"
	"net/http"
	"strings"

	"github.com/motcua/motcua/dossier"
)

// trackPage is the public lookup page. The QR code printed on the receipt (form 01) opens
// it with the code filled in, so only the secret is asked for.
type trackPage struct {
	Code     string
	FromLink bool
	Result   *trackView
	NotFound bool
	Limited  bool
	Locked   string // why and until when the code is refused (the tracking guard, trackGuardOf)
	Issues   formIssues
}

var trackInputs = map[string]string{"code": "code", "secret": "secret"}

func (s *Server) trackPage(w http.ResponseWriter, r *http.Request) {
	code := strings.TrimSpace(r.URL.Query().Get("code"))
	s.renderTrack(w, r, http.StatusOK, &trackPage{Code: code, FromLink: code != ""})
}

func (s *Server) renderTrack(w http.ResponseWriter, r *http.Request, status int, p *trackPage) {
	l := requestLang(r)
	s.render(w, r, status, "track", l.S("Tra cứu hồ sơ", "Track a dossier"), p)
}

// trackLookup answers the form. The secret travels in the body, never in the address, so
// it stays out of logs and browser history. A wrong code and a wrong secret get the same
// page, and lookups share the API's limit per client.
func (s *Server) trackLookup(w http.ResponseWriter, r *http.Request) {
	l := requestLang(r)
	p := &trackPage{Code: strings.TrimSpace(r.PostFormValue("code")), FromLink: r.PostFormValue("from_link") == "1"}
	secret := strings.TrimSpace(r.PostFormValue("secret"))
	if p.Code == "" {
		p.FromLink = false
		p.Issues = append(p.Issues, formIssue{Field: "code", Input: "code",
			Message: l.S("Nhập mã hồ sơ (in trên giấy tiếp nhận).", "Enter the dossier code (printed on the receipt).")})
	}
	if secret == "" {
		p.Issues = append(p.Issues, formIssue{Field: "secret", Input: "secret", Message: l.S(
			"Nhập số điện thoại trên hồ sơ hoặc ít nhất 4 số cuối của CCCD / mã số thuế.",
			"Enter the phone number on the dossier or at least the last 4 digits of the ID number / tax code.")})
	}
	if len(p.Issues) > 0 {
		s.renderTrack(w, r, http.StatusUnprocessableEntity, p)
		return
	}
	if !s.limiter.allow(r) {
		p.Limited = true
		w.Header().Set("Retry-After", "60")
		s.renderTrack(w, r, http.StatusTooManyRequests, p)
		return
	}
	d, err := s.findTracked(r.Context(), p.Code, secret)
	var locked *trackLockedError
	if errors.As(err, &locked) {
		vi, en := s.lockedMessage(w, locked)
		p.Locked = l.S(vi+".", en+".")
		s.renderTrack(w, r, http.StatusTooManyRequests, p)
		return
	}
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	if d == nil {
		p.NotFound = true
		s.renderTrack(w, r, http.StatusNotFound, p)
		return
	}
	if p.Result, err = s.trackViewOf(r.Context(), d); err != nil {
		s.pageFail(w, r, err)
		return
	}
	s.renderTrack(w, r, http.StatusOK, p)
}

// trackViewOf is what the public may read of d, as apiTrack answers it.
func (s *Server) trackViewOf(ctx context.Context, t *tracked) (*trackView, error) {
	d := t.d
	v := &trackView{Code: d.Code, ProcedureName: d.ProcedureName, Status: d.Status, StatusLabel: d.Status.Label(),
		ReceivedAt: d.ReceivedAt, AppointmentAt: d.AppointmentAt, FinishedAt: d.FinishedAt, ReturnedAt: d.ReturnedAt,
		Timeline: t.timeline}
	p := dossier.Track(d, s.workCalendar(), s.cfg.Now())
	v.Progress, v.ProgressEN = p.Label(), p.LabelEN()
	return v, nil
}
