package web

import (
	"fmt"
	"math"
	"net/http"
	"strconv"

	"github.com/motcua/motcua/sqlstore"
)

type loginForm struct {
	Username string
	Next     string
	Error    string
}

func (s *Server) loginPage(w http.ResponseWriter, r *http.Request) {
	l := requestLang(r)
	s.render(w, r, http.StatusOK, "login", l.S("Đăng nhập", "Sign in"), loginForm{Next: localPath(r.URL.Query().Get("next"))})
}

func (s *Server) loginSubmit(w http.ResponseWriter, r *http.Request) {
	l := requestLang(r)
	form := loginForm{Username: r.PostFormValue("username"), Next: localPath(r.PostFormValue("next"))}
	a, wait, err := s.login(r, form.Username, r.PostFormValue("password"))
	switch {
	case err != nil:
		s.pageFail(w, r, err)
		return
	case wait > 0:
		secs := int(math.Ceil(wait.Seconds()))
		w.Header().Set("Retry-After", strconv.Itoa(secs))
		form.Error = l.S(fmt.Sprintf("Đăng nhập sai nhiều lần. Vui lòng thử lại sau %d giây.", secs),
			fmt.Sprintf("Too many failed sign-ins. Try again in %d seconds.", secs))
		s.render(w, r, http.StatusTooManyRequests, "login", l.S("Đăng nhập", "Sign in"), form)
		return
	case a == nil:
		form.Error = l.S("Tên đăng nhập hoặc mật khẩu không đúng.", "Wrong username or password.")
		s.render(w, r, http.StatusUnauthorized, "login", l.S("Đăng nhập", "Sign in"), form)
		return
	}
	token, err := s.db.CreateSession(r.Context(), a.ID, sqlstore.SessionBrowser, sessionTTL)
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	s.setSessionCookie(w, token, sessionTTL)
	next := form.Next
	if next == "/" && a.Role.Can("catalog.edit") {
		next = "/admin/catalog"
	}
	http.Redirect(w, r, next, http.StatusSeeOther)
}

func (s *Server) logout(w http.ResponseWriter, r *http.Request) {
	if c, err := r.Cookie(sessionCookie); err == nil {
		s.db.DeleteSession(r.Context(), c.Value)
		s.sessions.forget()
	}
	s.setSessionCookie(w, "", -1)
	http.Redirect(w, r, "/", http.StatusSeeOther)
}

// apiToken exchanges a username and password for a bearer token.
func (s *Server) apiToken(w http.ResponseWriter, r *http.Request) {
	var in struct {
		Username string `json:"username"`
		Password string `json:"password"`
	}
	if err := decodeJSON(w, r, &in); err != nil {
		s.apiFail(w, r, err)
		return
	}
	a, wait, err := s.login(r, in.Username, in.Password)
	switch {
	case err != nil:
		s.apiFail(w, r, err)
		return
	case wait > 0:
		w.Header().Set("Retry-After", strconv.Itoa(int(math.Ceil(wait.Seconds()))))
		s.apiError(w, r, http.StatusTooManyRequests, "too_many_attempts", "", "Đăng nhập sai nhiều lần, vui lòng chờ", "Too many failed sign-ins, wait")
		return
	case a == nil:
		s.apiError(w, r, http.StatusUnauthorized, "bad_credentials", "password", "Tên đăng nhập hoặc mật khẩu không đúng", "Wrong username or password")
		return
	}
	token, err := s.db.CreateSession(r.Context(), a.ID, sqlstore.SessionAPI, apiTokenTTL)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"token": token, "token_type": "Bearer",
		"expires_in": int(apiTokenTTL.Seconds()), "role": a.Role})
}

func (s *Server) apiRevokeToken(w http.ResponseWriter, r *http.Request) {
	token, ok := bearer(r)
	if !ok {
		s.apiError(w, r, http.StatusBadRequest, "no_token", "Authorization", "Cần mã truy cập Bearer", "A bearer token is required")
		return
	}
	if err := s.db.DeleteSession(r.Context(), token); err != nil {
		s.apiFail(w, r, err)
		return
	}
	s.sessions.forget()
	w.WriteHeader(http.StatusNoContent)
}

func (s *Server) apiMe(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, account(r))
}
