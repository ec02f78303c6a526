package web

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/motcua/motcua"
	"github.com/motcua/motcua/org"
	"github.com/motcua/motcua/sqlstore"
)

const (
	sessionCookie = "motcua_session"
	sessionTTL    = 12 * time.Hour
	apiTokenTTL   = 24 * time.Hour
)

type ctxKey int

const accountKey ctxKey = iota

// account returns the signed-in account of r, or nil.
func account(r *http.Request) *org.Account {
	a, _ := r.Context().Value(accountKey).(*org.Account)
	return a
}

// authenticate finds the account behind a bearer token or a session cookie: nil for none,
// or for a token that is unknown or expired. An error means the sessions could not be read
// (the database is away): the caller is then neither signed in nor signed out.
func (s *Server) authenticate(r *http.Request) (*org.Account, error) {
	var token, kind string
	if r.Header.Get("Authorization") != "" {
		t, ok := bearer(r)
		if !ok {
			return nil, nil
		}
		token, kind = t, sqlstore.SessionAPI
	} else if c, err := r.Cookie(sessionCookie); err == nil && c.Value != "" {
		token, kind = c.Value, sqlstore.SessionBrowser
	} else {
		return nil, nil
	}
	a, err := s.sessions.account(r.Context(), token, kind, s.db.SessionAccount)
	if errors.Is(err, motcua.ErrNotFound) {
		return nil, nil
	}
	return a, err
}

// guard wraps a route with authentication and the route's permission check. Pages send
// people who are not signed in to the login page; the API answers 401. A signed-in account
// without the permission gets 403.
func (s *Server) guard(rt route) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		noteRoute(w, r)
		a, err := s.authenticate(r)
		if err != nil && rt.perm != org.PermPublic {
			if s.clientGone(w, r, err) {
				return
			}
			// Not "sign in again": the session may be fine, and the database back in a moment.
			// A store that cannot serve now is a warning, as in failSystem; anything else an error.
			level := slog.LevelError
			if sqlstore.Unavailable(err) {
				level = slog.LevelWarn
			}
			s.log.Log(r.Context(), level, "sessions unreadable", "path", r.URL.Path, "err", err)
			s.unavailable(w, r, rt.api)
			return
		}
		if a != nil {
			r = r.WithContext(context.WithValue(r.Context(), accountKey, a))
		}
		if rt.perm != org.PermPublic {
			if a == nil {
				if rt.api {
					s.apiError(w, r, http.StatusUnauthorized, "unauthorized", "", "Cần đăng nhập", "Sign-in required")
				} else {
					http.Redirect(w, r, "/login?next="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
				}
				return
			}
			if !a.Role.Can(rt.perm) {
				if rt.api {
					s.apiError(w, r, http.StatusForbidden, "forbidden", "", "Không có quyền thực hiện", "Not allowed")
				} else {
					s.pageError(w, r, http.StatusForbidden)
				}
				return
			}
		}
		if s.replicaMayServe(rt, r) {
			r = r.WithContext(sqlstore.MayLag(r.Context()))
		}
		if a != nil && !safeMethod(r.Method) {
			s.noteWrite(w, r)
		}
		rt.h(w, r)
	})
}

func (s *Server) setSessionCookie(w http.ResponseWriter, token string, ttl time.Duration) {
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: token, Path: "/", HttpOnly: true,
		Secure: s.cfg.SecureCookies, SameSite: http.SameSiteLaxMode, MaxAge: int(ttl.Seconds())})
}

// login checks a username and password, slowing down repeated failures per username and
// per client address. It answers the account, or how long to wait, or nil.
func (s *Server) login(r *http.Request, username, password string) (*org.Account, time.Duration, error) {
	ctx := r.Context()
	now := s.cfg.Now()
	keys := []string{"u:" + strings.ToLower(strings.TrimSpace(username)), "ip:" + clientIP(r)}
	for _, k := range keys {
		wait, err := s.db.LoginDelay(ctx, k, now)
		if err != nil {
			return nil, 0, err
		}
		if wait > 0 {
			return nil, wait, nil
		}
	}
	a, hash, err := s.db.AccountByUsername(ctx, username)
	ok := false
	if err == nil && !a.Disabled {
		ok = org.CheckPassword(hash, password)
	} else {
		org.CheckMissing(password)
	}
	for _, k := range keys {
		if err := s.db.RecordLogin(ctx, k, ok, now); err != nil {
			return nil, 0, err
		}
	}
	if !ok {
		s.log.InfoContext(r.Context(), "sign-in failed", "username", username, "client", clientIP(r))
		return nil, 0, nil
	}
	s.log.InfoContext(r.Context(), "signed in", "username", a.Username, "role", a.Role)
	return &a, 0, nil
}

// bearer returns the token of an "Authorization: Bearer" header.
func bearer(r *http.Request) (string, bool) {
	token, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	token = strings.TrimSpace(token)
	return token, ok && token != ""
}
