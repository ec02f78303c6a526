package web

import (
	"context"
	"net/http"

	"github.com/motcua/motcua/catalog"
	"github.com/motcua/motcua/dossier"
	"github.com/motcua/motcua/sqlstore"
)

// docsPage is step 2 of the filing wizard: one upload form per required paper of the
// version the draft pinned.
type docsPage struct {
	D      *dossier.Dossier
	Slots  []slotView
	Other  []docView
	MaxMiB int64
	// OtherError and OtherUploaded answer the last upload of a paper outside the list.
	OtherError, OtherUploaded string
	// Live is read out by screen readers after an upload: what happened.
	Live string
}

// pinnedVersion is the procedure version the dossier was filed under, or nil should the
// catalog no longer have it.
func (s *Server) pinnedVersion(ctx context.Context, d *dossier.Dossier) *catalog.Version {
	p, err := s.db.Procedure(ctx, d.ProcedureCode)
	if err != nil {
		return nil
	}
	return p.Version(d.VersionNumber)
}

func (s *Server) docsPage(r *http.Request, d *dossier.Dossier) (*docsPage, error) {
	docs, err := s.db.Documents(r.Context(), d.ID)
	if err != nil {
		return nil, err
	}
	p := &docsPage{D: d, MaxMiB: s.maxMiB()}
	p.Slots, p.Other = slotsOf(s.pinnedVersion(r.Context(), d), docs)
	return p, nil
}

// mark puts the answer of an upload next to the form of its slot (-1: other papers).
func (p *docsPage) mark(l lang, slot int, doc sqlstore.Document, problem string) {
	if problem != "" {
		p.Live = problem
	} else {
		p.Live = l.S("Đã tải lên tệp “"+doc.Filename+"”.", "Uploaded “"+doc.Filename+"”.")
	}
	if slot < 0 || slot >= len(p.Slots) {
		if problem != "" {
			p.OtherError = problem
		} else {
			p.OtherUploaded = doc.Filename
		}
		return
	}
	if problem != "" {
		p.Slots[slot].Error = problem
	} else {
		p.Slots[slot].Uploaded = doc.Filename
	}
}

// fileDocumentsPage shows step 2; a dossier already submitted has its own page instead.
func (s *Server) fileDocumentsPage(w http.ResponseWriter, r *http.Request) {
	d, ok := s.wizardDraft(w, r)
	if !ok {
		return
	}
	p, err := s.docsPage(r, d)
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	l := requestLang(r)
	s.render(w, r, http.StatusOK, "applicant_documents", l.S("Tải lên giấy tờ", "Upload the papers"), p)
}
