package web

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"net/http"
	"strings"
)

const (
	csrfCookie = "motcua_csrf"
	csrfField  = "csrf_token"
	csrfHeader = "X-CSRF-Token"
)

type csrfKeyType struct{}

// csrf protects every state-changing request that rides on the browser's cookies: the form
// (or htmx header) must echo the per-browser token set in a cookie, and cross-origin
// requests are refused outright. API calls with a bearer token carry no ambient authority
// and are not checked.
func (s *Server) csrf(next http.Handler) http.Handler {
	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.csrfFailure(w, r)
	}))
	check := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		token := ""
		if c, err := r.Cookie(csrfCookie); err == nil && len(c.Value) >= 32 {
			token = c.Value
		} else if !strings.HasPrefix(r.URL.Path, "/api/") {
			// Pages mint the token their forms carry; JSON clients never need one.
			raw := make([]byte, 32)
			rand.Read(raw)
			token = base64.RawURLEncoding.EncodeToString(raw)
			http.SetCookie(w, &http.Cookie{Name: csrfCookie, Value: token, Path: "/", HttpOnly: true,
				Secure: s.cfg.SecureCookies, SameSite: http.SameSiteStrictMode})
		}
		if needsCSRF(r) {
			// Reading the form field parses the body, so bound it first: nothing a
			// form may send is larger than an imported catalog.
			r.Body = http.MaxBytesReader(w, r.Body, maxImport+(1<<20))
			sent := r.Header.Get(csrfHeader)
			if sent == "" {
				sent = r.PostFormValue(csrfField)
			}
			if subtle.ConstantTimeCompare([]byte(sent), []byte(token)) != 1 {
				s.csrfFailure(w, r)
				return
			}
		}
		r = r.WithContext(withCSRF(r.Context(), token))
		next.ServeHTTP(w, r)
	})
	return cop.Handler(check)
}

func needsCSRF(r *http.Request) bool {
	switch r.Method {
	case http.MethodGet, http.MethodHead, http.MethodOptions:
		return false
	}
	if strings.HasPrefix(r.Header.Get("Authorization"), "Bearer ") {
		return false
	}
	if strings.HasPrefix(r.URL.Path, "/api/") {
		_, err := r.Cookie(sessionCookie)
		return err == nil
	}
	return true
}

func (s *Server) csrfFailure(w http.ResponseWriter, r *http.Request) {
	if strings.HasPrefix(r.URL.Path, "/api/") {
		s.apiError(w, r, http.StatusForbidden, "csrf", "", "Yêu cầu không hợp lệ (CSRF)", "Invalid request (CSRF)")
		return
	}
	s.pageError(w, r, http.StatusForbidden)
}
