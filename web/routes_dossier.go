package web

import (
	"net/http"

	"github.com/motcua/motcua/dossier"
	"github.com/motcua/motcua/org"
)

// dossierRoutes lists the routes of the dossier engine: filing, the one-stop desk, the
// processing units, printed forms and public tracking.
//
// Where several roles take the same action (forward, pay, apologize, correct-result…) the route only asks
// for a sign-in and the dossier's rules decide: a role the rules do not allow gets 403, a
// move the status does not allow gets 409. Dossiers the account may not see answer 404
// whatever the action.
func (s *Server) dossierRoutes() []route {
	api := func(pattern string, perm org.Permission, h http.HandlerFunc) route {
		return route{pattern: pattern, perm: perm, api: true, h: h}
	}
	signed, file, receive := org.PermSignedIn, org.PermDossierFile, org.PermDossierReceive
	act := func(a dossier.Action, perm org.Permission) route {
		return api("POST /api/v1/dossiers/{id}/"+string(a), perm, s.apiDossierAction(a))
	}
	rs := []route{
		api("POST /api/v1/dossiers", file, s.apiFileDossier),
		api("POST /api/v1/desk/dossiers", receive, s.apiFileAtDesk),
		api("GET /api/v1/dossiers", signed, s.apiListDossiers),
		api("GET /api/v1/dossiers/{id}", signed, s.apiDossier),
		api("POST /api/v1/dossiers/{id}/documents", signed, s.apiUploadDocument),
		api("GET /api/v1/dossiers/{id}/documents/{doc}", signed, s.apiDownloadDocument),

		api("POST /api/v1/dossiers/{id}/rating", file, s.apiDossierAction(dossier.Rate)),

		api("GET /api/v1/dossiers/{id}/forms/{form}", signed, s.apiDossierForm),
		api("GET /api/v1/forms/07.pdf", org.PermDossierBook, s.apiTrackingBookPDF),
		api("GET /api/v1/forms/07.xlsx", org.PermDossierBook, s.apiTrackingBookXLSX),
		api("GET /api/v1/track", org.PermPublic, s.apiTrack).lagging(),
	}
	for _, m := range dossierMoves {
		rs = append(rs, act(m.action, m.perm))
	}
	return rs
}

// dossierMoves is the permission each move's route needs, for the API and the officers'
// pages alike; the state machine then decides whether the role may make the move on the
// dossier at hand (403 or 409). Rating has its own body and route.
var dossierMoves = []struct {
	action dossier.Action
	perm   org.Permission
	staff  bool // offered on the officers' pages
}{
	{dossier.Submit, org.PermDossierFile, false},
	{dossier.Receive, org.PermDossierReceive, true},
	{dossier.Guide, org.PermDossierReceive, true},
	{dossier.Refuse, org.PermDossierReceive, true},
	{dossier.Forward, org.PermSignedIn, true},
	{dossier.RequestSupplement, org.PermDossierProcess, true},
	{dossier.SupplementAction, org.PermSignedIn, true},
	{dossier.RequestPayment, org.PermSignedIn, true},
	{dossier.Pay, org.PermSignedIn, true},
	{dossier.Approve, org.PermDossierApprove, true},
	{dossier.IssueResult, org.PermDossierIssue, true},
	{dossier.ReturnResult, org.PermDossierReceive, true},
	{dossier.CorrectResult, org.PermSignedIn, true},
	{dossier.Withdraw, org.PermDossierFile, false},
	{dossier.Stop, org.PermDossierProcess, true},
	{dossier.Apologize, org.PermSignedIn, true},
}
