package web

import (
	"context"
	"crypto/subtle"
	"errors"
	"math"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/motcua/motcua/calendar"
	"github.com/motcua/motcua/dossier"
)

// trackView is what anyone holding a dossier's code and secret may read: the status, the
// appointment and a timeline without officers' names or internal notes.
type trackView struct {
	Code          string         `json:"code"`
	ProcedureName string         `json:"procedure_name"`
	Status        dossier.Status `json:"status"`
	StatusLabel   string         `json:"status_label"`
	ReceivedAt    time.Time      `json:"received_at,omitzero"`
	AppointmentAt time.Time      `json:"appointment_at,omitzero"`
	FinishedAt    time.Time      `json:"finished_at,omitzero"`
	ReturnedAt    time.Time      `json:"returned_at,omitzero"`
	Progress      string         `json:"progress,omitempty"`
	ProgressEN    string         `json:"progress_en,omitempty"`
	Timeline      []trackEntry   `json:"timeline"`
}

type trackEntry struct {
	At      time.Time      `json:"at"`
	Action  dossier.Action `json:"action"`
	Label   string         `json:"label"`
	LabelEN string         `json:"label_en"`
	Status  dossier.Status `json:"status"`
}

// apiTrack is the public lookup: GET /api/v1/track?code=&secret=, the secret being the
// phone number on the dossier or the last four or more digits of the applicant's ID
// number (or tax code). A wrong code and a wrong secret get the same answer, and lookups
// are rate limited per client.
func (s *Server) apiTrack(w http.ResponseWriter, r *http.Request) {
	if !s.limiter.allow(r) {
		retry := 60
		if s.cfg.TrackRate > 0 {
			retry = max(1, (60+s.cfg.TrackRate-1)/s.cfg.TrackRate)
		}
		w.Header().Set("Retry-After", strconv.Itoa(retry))
		s.apiError(w, r, http.StatusTooManyRequests, "rate_limited", "",
			"Tra cứu quá nhiều lần, vui lòng thử lại sau", "Too many lookups, try again later")
		return
	}
	code, secret := strings.TrimSpace(r.URL.Query().Get("code")), r.URL.Query().Get("secret")
	d, err := s.findTracked(r.Context(), code, secret)
	var locked *trackLockedError
	if errors.As(err, &locked) {
		vi, en := s.lockedMessage(w, locked)
		s.apiError(w, r, http.StatusTooManyRequests, "rate_limited", "code", vi, en)
		return
	}
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	if d == nil {
		s.apiError(w, r, http.StatusNotFound, "not_found", "",
			"Không tìm thấy hồ sơ với mã và thông tin xác minh này", "No dossier matches this code and secret")
		return
	}
	body, err := s.trackAnswer(r.Context(), d)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	writeJSONBody(w, http.StatusOK, body)
}

// lockedMessage sets Retry-After for a locked code and says when to try again.
func (s *Server) lockedMessage(w http.ResponseWriter, e *trackLockedError) (vi, en string) {
	wait := max(1, int(math.Ceil(e.until.Sub(s.cfg.Now()).Seconds())))
	w.Header().Set("Retry-After", strconv.Itoa(wait))
	at := e.until.In(calendar.Vietnam).Format("15:04")
	return "Mã hồ sơ này đã được tra cứu với thông tin xác minh sai quá nhiều lần; vui lòng thử lại sau " + at,
		"This dossier code was looked up with a wrong secret too many times; try again after " + at + " (Vietnam time)"
}

// trackAnswer is the JSON body of a lookup of t. A dossier looked up again within
// trackFresh gets the body encoded the first time: its data is the same (the cache
// trusts the sequence that long), and only the progress label, counted in working days,
// could have turned in between.
func (s *Server) trackAnswer(ctx context.Context, t *tracked) ([]byte, error) {
	now := s.cfg.Now()
	if a := t.answer.Load(); a != nil && !now.Before(a.at) && now.Sub(a.at) < trackFresh {
		return a.body, nil
	}
	v, err := s.trackViewOf(ctx, t)
	if err != nil {
		return nil, err
	}
	body, err := encodeJSON(v)
	if err != nil {
		return nil, err
	}
	t.answer.Store(&encodedAnswer{body: body, at: now})
	return body, nil
}

// secretMatches compares in constant time against both accepted secrets, whichever is
// given, so the answer's timing says nothing about which part was wrong.
func secretMatches(a dossier.Applicant, secret string) bool {
	secret = strings.TrimSpace(secret)
	phone := dossier.NormalizePhone(secret)
	digits := onlyDigits(secret)
	ok := 0
	ok |= subtle.ConstantTimeCompare([]byte(phone), []byte(a.Phone)) & nonEmpty(a.Phone)
	for _, id := range []string{a.IDNumber, onlyDigits(a.TaxCode)} {
		suffix := ""
		if len(digits) >= 4 && len(digits) <= len(id) {
			suffix = id[len(id)-len(digits):]
		}
		ok |= subtle.ConstantTimeCompare([]byte(digits), []byte(suffix)) & nonEmpty(suffix)
	}
	return ok == 1
}

func nonEmpty(s string) int {
	if s == "" {
		return 0
	}
	return 1
}

func onlyDigits(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, s)
}
