package web

import (
	"fmt"
	"net/http"

	"github.com/motcua/motcua/dossier"
)

// reviewPage is step 3 of the filing wizard: everything the draft holds, what is still
// missing, and a warning when the applicant already has this procedure open.
type reviewPage struct {
	D       *dossier.Dossier
	Slots   []slotView
	Other   []docView
	Missing []string
	Same    sameProcedure
	Issues  formIssues
}

func (s *Server) reviewData(r *http.Request, d *dossier.Dossier) (*reviewPage, error) {
	docs, err := s.docsPage(r, d)
	if err != nil {
		return nil, err
	}
	p := &reviewPage{D: d, Slots: docs.Slots, Other: docs.Other, Missing: missingSlots(docs.Slots)}
	p.Same, err = s.sameProcedure(r.Context(), d.OwnerAccountID, d.ProcedureCode, d.ID)
	return p, err
}

func (s *Server) fileReviewPage(w http.ResponseWriter, r *http.Request) {
	if d, ok := s.wizardDraft(w, r); ok {
		s.showReview(w, r, http.StatusOK, d, nil)
	}
}

// wizardDraft is the draft a filing-wizard page is about. A dossier already submitted
// sends the applicant to its own page instead, and ok is false once the answer is sent.
func (s *Server) wizardDraft(w http.ResponseWriter, r *http.Request) (d *dossier.Dossier, ok bool) {
	d, err := s.visibleDossier(r)
	if err != nil {
		s.pageFail(w, r, err)
		return nil, false
	}
	if d.Status != dossier.Draft {
		http.Redirect(w, r, fmt.Sprintf("/my/dossiers/%d", d.ID), http.StatusSeeOther)
		return nil, false
	}
	return d, true
}

func (s *Server) showReview(w http.ResponseWriter, r *http.Request, status int, d *dossier.Dossier, issues formIssues) {
	p, err := s.reviewData(r, d)
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	p.Issues = issues
	l := requestLang(r)
	s.render(w, r, status, "applicant_review", l.S("Xem lại và nộp hồ sơ", "Review and submit"), p)
}

// mySubmit sends a draft to the one-stop desk, or sends back a dossier the desk asked to
// complete. A draft goes only with every required paper and the applicant's declaration.
func (s *Server) mySubmit(w http.ResponseWriter, r *http.Request) {
	d, err := s.visibleDossier(r)
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	l := requestLang(r)
	draft := d.Status == dossier.Draft
	if draft {
		var issues formIssues
		if p, err := s.reviewData(r, d); err != nil {
			s.pageFail(w, r, err)
			return
		} else if len(p.Missing) > 0 {
			issues = append(issues, formIssue{Field: "documents", Message: l.S(
				"Còn thiếu giấy tờ bắt buộc. Vui lòng quay lại bước 2 để tải lên.",
				"Some required papers are missing. Go back to step 2 to upload them.")})
		}
		if r.PostFormValue("declare") != "yes" {
			issues = append(issues, formIssue{Field: "declare", Input: "declare", Message: l.S(
				"Cần xác nhận lời cam đoan trước khi nộp.", "Confirm the declaration before submitting.")})
		}
		if len(issues) > 0 {
			s.showReview(w, r, http.StatusUnprocessableEntity, d, issues)
			return
		}
	}
	if _, _, err := s.moveDossier(r, d.ID, dossier.Command{Action: dossier.Submit}); err != nil {
		if draft {
			issues, status := issuesOf(l, err, nil)
			if status == 0 {
				s.pageFail(w, r, err)
				return
			}
			s.showReview(w, r, status, d, issues)
			return
		}
		s.myDossierProblem(w, r, d.ID, err, nil)
		return
	}
	done := "submitted"
	if !draft {
		done = "resubmitted"
	}
	http.Redirect(w, r, fmt.Sprintf("/my/dossiers/%d?done=%s", d.ID, done), http.StatusSeeOther)
}
