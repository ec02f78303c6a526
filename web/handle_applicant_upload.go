package web

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"

	"github.com/motcua/motcua"
	"github.com/motcua/motcua/dossier"
	"github.com/motcua/motcua/sqlstore"
)

// saveUpload stores the "file" of a page's upload form with the checks of the API's
// upload: who may add files in which status, the size limit, the content sniffed from the
// bytes (never the name), and the slot of the pinned version.
func (s *Server) saveUpload(w http.ResponseWriter, r *http.Request, d *dossier.Dossier) (sqlstore.Document, error) {
	a := account(r)
	if err := canUpload(true, d); err != nil {
		return sqlstore.Document{}, err
	}
	limit := s.maxUpload()
	r.Body = http.MaxBytesReader(w, r.Body, limit+1<<20)
	file, header, err := r.FormFile("file")
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		return sqlstore.Document{}, errTooLarge(limit)
	}
	if err != nil {
		return sqlstore.Document{}, motcua.Invalid("file", "Cần chọn tệp để tải lên.", "Choose a file to upload.")
	}
	defer file.Close()
	content, err := io.ReadAll(io.LimitReader(file, limit+1))
	if err != nil {
		return sqlstore.Document{}, err
	}
	if int64(len(content)) > limit {
		return sqlstore.Document{}, errTooLarge(limit)
	}
	ctype := sniff(content)
	if ctype == "" {
		return sqlstore.Document{}, motcua.Invalid("file",
			"Tệp “"+cleanFilename(header.Filename)+"” không phải PDF, JPEG hoặc PNG (kiểm tra theo nội dung tệp, không theo tên).",
			"The file “"+cleanFilename(header.Filename)+"” is not a PDF, JPEG or PNG (checked by its content, not its name).")
	}
	slot, name, err := s.documentSlot(r, d)
	if err != nil {
		return sqlstore.Document{}, err
	}
	key, err := uploadKey(r)
	if err != nil {
		return sqlstore.Document{}, err
	}
	// A form posted twice (a double click, a reload after a lost answer) carries the same
	// key and stores its file once.
	doc, _, err := s.db.AddDocumentOnce(r.Context(), sqlstore.Document{DossierID: d.ID, Slot: slot, SlotName: name,
		Filename: cleanFilename(header.Filename), ContentType: ctype, UploadedAt: s.cfg.Now(), UploadedBy: a.ID}, key, content)
	return doc, err
}

func errTooLarge(limit int64) error {
	mib := strconv.FormatInt(limit>>20, 10)
	return motcua.Invalid("file", "Tệp vượt quá dung lượng cho phép "+mib+" MiB.", "The file exceeds the "+mib+" MiB limit.")
}

// maxMiB is the upload limit as pages print it.
func (s *Server) maxMiB() int64 { return max(1, s.maxUpload()>>20) }

// myUpload takes one file from the wizard's step 2 or from the supplement form of the
// dossier page, and shows that page again with the result next to the form. htmx swaps
// only the form's part of the page, so its answers are 200 even when the upload failed;
// a plain form post gets the page with the error (4xx) or a redirect.
func (s *Server) myUpload(w http.ResponseWriter, r *http.Request) {
	d, err := s.visibleDossier(r)
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	l, htmx := requestLang(r), r.Header.Get("HX-Request") == "true"
	doc, err := s.saveUpload(w, r, d)
	status, problem := http.StatusOK, ""
	if err != nil {
		var issues formIssues
		issues, status = issuesOf(l, err, nil)
		if status == 0 {
			s.pageFail(w, r, err)
			return
		}
		problem = issues[0].Message
	}
	if d.Status != dossier.Draft {
		if err == nil && !htmx {
			http.Redirect(w, r, fmt.Sprintf("/my/dossiers/%d#supplement", d.ID), http.StatusSeeOther)
			return
		}
		s.showUploadOnDossier(w, r, d, htmx, status, doc, problem)
		return
	}
	if err == nil && !htmx {
		http.Redirect(w, r, fmt.Sprintf("/my/dossiers/%d/documents#slot-%s", d.ID, slotAnchor(doc.Slot)), http.StatusSeeOther)
		return
	}
	page, err2 := s.docsPage(r, d)
	if err2 != nil {
		s.pageFail(w, r, err2)
		return
	}
	slot, _ := strconv.Atoi(strings.TrimSpace(r.FormValue("slot")))
	if strings.TrimSpace(r.FormValue("slot")) == "" {
		slot = -1
	}
	page.mark(l, slot, doc, problem)
	if htmx {
		status = http.StatusOK
	}
	s.render(w, r, status, "applicant_documents", l.S("Tải lên giấy tờ", "Upload the papers"), page)
}

func slotAnchor(slot int) string {
	if slot < 0 {
		return "other"
	}
	return strconv.Itoa(slot)
}

// showUploadOnDossier shows the dossier page after an upload to the supplement (or the
// completion) form.
func (s *Server) showUploadOnDossier(w http.ResponseWriter, r *http.Request, d *dossier.Dossier, htmx bool,
	status int, doc sqlstore.Document, problem string) {
	l := requestLang(r)
	data, err := s.myDossierData(r, d)
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	if problem != "" {
		data.UploadError, data.Live = problem, problem
		data.Issues = formIssues{{Field: "file", Input: "supplement-file", Message: problem}}
	} else {
		data.Uploaded = doc.Filename
		data.Live = l.S("Đã tải lên tệp “"+doc.Filename+"”.", "Uploaded “"+doc.Filename+"”.")
	}
	if htmx {
		status = http.StatusOK
	}
	s.renderMyDossier(w, r, status, data)
}
