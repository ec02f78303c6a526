package web

import (
	"net/http"

	"github.com/motcua/motcua/dossier"
	"github.com/motcua/motcua/org"
)

// officePageRoutes lists the officers' console: queues, the dossier page with its
// timeline, documents and forms, and every action of the state machine.
//
// The console is for the accounts that work on dossiers (desk, divisions, leaders,
// clerks). Routes several of those roles share ask only for a sign-in and answer 404 to
// the others, as a dossier they may not see does; each move then takes the permission
// its API route takes, and the dossier's rules decide the rest.
func (s *Server) officePageRoutes() []route {
	page := func(pattern string, perm org.Permission, h http.HandlerFunc) route {
		return route{pattern: pattern, perm: perm, h: h}
	}
	signed, receive := org.PermSignedIn, org.PermDossierReceive
	act := func(a dossier.Action, perm org.Permission) route {
		return page("POST /office/dossiers/{id}/"+string(a), perm, s.officeOnly(s.officeAction(a)))
	}
	rs := []route{
		page("GET /office", signed, s.officeOnly(s.officeQueuePage)).laggingUnlessWrote(),
		page("GET /office/new", receive, s.officeNewPage),
		page("POST /office/new", receive, s.officeFileAtCounter),
		page("GET /office/book", signed, s.officeOnly(s.officeBookPage)).laggingUnlessWrote(),
		page("GET /office/dossiers/{id}", signed, s.officeOnly(s.officeDossierPage)),
	}
	for _, m := range dossierMoves {
		if m.staff {
			rs = append(rs, act(m.action, m.perm))
		}
	}
	return rs
}
