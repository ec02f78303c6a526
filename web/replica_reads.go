package web

import (
	"math"
	"net/http"
)

// wroteCookie marks a browser that changed something recently: while it lasts, the lists
// a replica could serve (mayLagUnlessWrote) are read from the primary, so the browser sees
// its own change at once. It lasts as long as a serving replica may still miss a commit
// (sqlstore's ReplicaHorizon), counted from when the browser receives the answer, which is
// after the change committed. Changes by others show once the replica has them, a few
// seconds at most.
const wroteCookie = "motcua_wrote"

// replicaMayServe tells whether r's reads may go to a replica.
func (s *Server) replicaMayServe(rt route, r *http.Request) bool {
	switch rt.lag {
	case mayLag:
		return true
	case mayLagUnlessWrote:
		_, err := r.Cookie(wroteCookie)
		return err != nil
	}
	return false
}

// noteWrite marks the browser as one that changed something, when a replica is in use.
// API clients, which sign in with a token and keep no cookies, are not marked.
func (s *Server) noteWrite(w http.ResponseWriter, r *http.Request) {
	horizon := s.db.ReplicaHorizon()
	if horizon <= 0 {
		return
	}
	if _, err := r.Cookie(sessionCookie); err != nil {
		return
	}
	http.SetCookie(w, &http.Cookie{Name: wroteCookie, Value: "1", Path: "/", HttpOnly: true,
		Secure: s.cfg.SecureCookies, SameSite: http.SameSiteLaxMode, MaxAge: int(math.Ceil(horizon.Seconds()))})
}

// safeMethod reports whether method only reads.
func safeMethod(method string) bool {
	return method == http.MethodGet || method == http.MethodHead || method == http.MethodOptions
}
