package web

import (
	"net/http"

	"github.com/motcua/motcua/dossier"
	"github.com/motcua/motcua/org"
)

// dossierRoutes lists the routes of the dossier engine: filing, the one-stop desk, the
// processing units, printed forms and public tracking.
//
// Where several roles take the same action (forward, pay, apologize…) the route only asks
// for a sign-in and the dossier's rules decide: a role the rules do not allow gets 403, a
// move the status does not allow gets 409. Dossiers the account may not see answer 404
// whatever the action.
func (s *Server) dossierRoutes() []route {
	api := func(pattern string, perm org.Permission, h http.HandlerFunc) route {
		return route{pattern: pattern, perm: perm, api: true, h: h}
	}
	signed, file, receive, process := org.PermSignedIn, org.PermDossierFile, org.PermDossierReceive, org.PermDossierProcess
	act := func(a dossier.Action, perm org.Permission) route {
		return api("POST /api/v1/dossiers/{id}/"+string(a), perm, s.apiDossierAction(a))
	}
	return []route{
		api("POST /api/v1/dossiers", file, s.apiFileDossier),
		api("POST /api/v1/desk/dossiers", receive, s.apiFileAtDesk),
		api("GET /api/v1/dossiers", signed, s.apiListDossiers),
		api("GET /api/v1/dossiers/{id}", signed, s.apiDossier),
		api("POST /api/v1/dossiers/{id}/documents", signed, s.apiUploadDocument),
		api("GET /api/v1/dossiers/{id}/documents/{doc}", signed, s.apiDownloadDocument),

		act(dossier.Submit, file),
		act(dossier.Receive, receive),
		act(dossier.Guide, receive),
		act(dossier.Refuse, receive),
		act(dossier.Forward, signed),
		act(dossier.RequestSupplement, process),
		act(dossier.SupplementAction, signed),
		act(dossier.RequestPayment, signed),
		act(dossier.Pay, signed),
		act(dossier.Approve, org.PermDossierApprove),
		act(dossier.IssueResult, org.PermDossierIssue),
		act(dossier.ReturnResult, receive),
		act(dossier.Withdraw, file),
		act(dossier.Stop, process),
		act(dossier.Apologize, signed),
		api("POST /api/v1/dossiers/{id}/rating", file, s.apiDossierAction(dossier.Rate)),

		api("GET /api/v1/dossiers/{id}/forms/{form}", signed, s.apiDossierForm),
		api("GET /api/v1/forms/07.pdf", receive, s.apiTrackingBookPDF),
		api("GET /api/v1/forms/07.xlsx", receive, s.apiTrackingBookXLSX),
		api("GET /api/v1/track", org.PermPublic, s.apiTrack),
	}
}
