package web

import (
	"net/http"

	"github.com/motcua/motcua/org"
)

// applicantPageRoutes lists the pages of citizens and businesses: filing, their dossiers,
// supplements, payment, results, rating, and the public tracking page.
//
// Filing is a three-step wizard: applicant data (a draft is created), one upload per
// required paper, then review and submit. Every move goes through moveDossier, like the
// API; downloads link the API's document and form routes, which accept the session.
func (s *Server) applicantPageRoutes() []route {
	page := func(pattern string, perm org.Permission, h http.HandlerFunc) route {
		return route{pattern: pattern, perm: perm, h: h}
	}
	file, pub := org.PermDossierFile, org.PermPublic
	return []route{
		page("GET /procedures/{code}/file", file, s.fileStartPage),
		page("POST /procedures/{code}/file", file, s.fileStart),
		page("GET /my/dossiers", file, s.myDossiersPage).laggingUnlessWrote(),
		page("GET /my/dossiers/{id}", file, s.myDossierPage),
		page("GET /my/dossiers/{id}/documents", file, s.fileDocumentsPage),
		page("POST /my/dossiers/{id}/documents", file, s.myUpload),
		page("GET /my/dossiers/{id}/review", file, s.fileReviewPage),
		page("POST /my/dossiers/{id}/submit", file, s.mySubmit),
		page("POST /my/dossiers/{id}/supplement", file, s.mySupplement),
		page("POST /my/dossiers/{id}/pay", file, s.myPay),
		page("GET /my/dossiers/{id}/withdraw", file, s.myWithdrawPage),
		page("POST /my/dossiers/{id}/withdraw", file, s.myWithdraw),
		page("POST /my/dossiers/{id}/rating", file, s.myRate),
		page("GET /track", pub, s.trackPage).lagging(),
		page("POST /track", pub, s.trackLookup).lagging(),
	}
}
