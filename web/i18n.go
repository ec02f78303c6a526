package web

import (
	"net/http"
	"net/url"
	"strings"
)

// lang is the language of one response. Pages are Vietnamese first; "en" switches every
// label to English. Templates write both texts side by side: {{.L.S "Tìm kiếm" "Search"}}.
type lang string

const (
	langVI lang = "vi"
	langEN lang = "en"
)

const langCookie = "motcua_lang"

// S picks the text of the current language.
func (l lang) S(vi, en string) string {
	if l == langEN {
		return en
	}
	return vi
}

// EN reports whether the page is in English.
func (l lang) EN() bool { return l == langEN }

func requestLang(r *http.Request) lang {
	if c, err := r.Cookie(langCookie); err == nil && c.Value == string(langEN) {
		return langEN
	}
	// Vietnamese is the default whatever the browser prefers; English is a choice.
	return langVI
}

// switchLang sets the language cookie and goes back to the page the person was on.
func (s *Server) switchLang(w http.ResponseWriter, r *http.Request) {
	to := langVI
	if r.URL.Query().Get("to") == string(langEN) {
		to = langEN
	}
	http.SetCookie(w, &http.Cookie{Name: langCookie, Value: string(to), Path: "/", MaxAge: 365 * 24 * 3600,
		SameSite: http.SameSiteLaxMode, Secure: s.cfg.SecureCookies})
	http.Redirect(w, r, localPath(r.URL.Query().Get("next")), http.StatusSeeOther)
}

// localPath keeps redirects on this site: anything that is not a plain local path becomes "/".
func localPath(p string) string {
	u, err := url.Parse(p)
	if err != nil || p == "" || !strings.HasPrefix(p, "/") || strings.HasPrefix(p, "//") ||
		strings.HasPrefix(p, "/\\") || u.Host != "" || u.Scheme != "" {
		return "/"
	}
	return p
}
