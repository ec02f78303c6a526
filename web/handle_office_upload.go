package web

import (
	"errors"
	"io"
	"mime/multipart"
	"net/http"
	"strconv"

	"github.com/motcua/motcua"
	"github.com/motcua/motcua/dossier"
	"github.com/motcua/motcua/sqlstore"
)

// deskPaper is a file handed in at the desk, checked and ready to store.
type deskPaper struct {
	Field, Filename, ContentType string
	Slot                         int // index of the required paper, -1 for another paper
	SlotName                     string
	Content                      []byte
}

// readDeskPaper reads and checks one uploaded file with the API's upload rules: the size
// limit, and only PDF, JPEG or PNG as told by the content.
func (s *Server) readDeskPaper(fh *multipart.FileHeader, field string) (deskPaper, error) {
	limit := s.maxUpload()
	mib := strconv.FormatInt(limit>>20, 10)
	tooBig := motcua.Invalid(field, "tệp "+fh.Filename+" vượt quá dung lượng cho phép "+mib+" MiB",
		"the file "+fh.Filename+" exceeds the "+mib+" MiB limit")
	if fh.Size > limit {
		return deskPaper{}, tooBig
	}
	f, err := fh.Open()
	if err != nil {
		return deskPaper{}, err
	}
	defer f.Close()
	content, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return deskPaper{}, err
	}
	if int64(len(content)) > limit {
		return deskPaper{}, tooBig
	}
	ctype := sniff(content)
	if ctype == "" {
		return deskPaper{}, motcua.Invalid(field, "tệp "+fh.Filename+" phải là PDF, JPEG hoặc PNG (nội dung tệp không khớp)",
			"the file "+fh.Filename+" must be a PDF, JPEG or PNG (by its content)")
	}
	return deskPaper{Field: field, Filename: cleanFilename(fh.Filename), ContentType: ctype, Slot: -1, Content: content}, nil
}

// deskFormFile is the file of a multipart field, or nil when none was chosen.
func deskFormFile(r *http.Request, field string) *multipart.FileHeader {
	if r.MultipartForm == nil {
		return nil
	}
	if fs := r.MultipartForm.File[field]; len(fs) > 0 {
		return fs[0]
	}
	return nil
}

// storeDeskPaper attaches a checked paper to d and returns its SHA-256.
func (s *Server) storeDeskPaper(r *http.Request, d *dossier.Dossier, p deskPaper) (string, error) {
	doc, err := s.db.AddDocument(r.Context(), sqlstore.Document{DossierID: d.ID, Slot: p.Slot, SlotName: p.SlotName,
		Filename: p.Filename, ContentType: p.ContentType, UploadedAt: s.cfg.Now(), UploadedBy: account(r).ID}, p.Content)
	return doc.SHA256, err
}

// counterPaper stores the file an officer hands in with a move (papers the applicant
// brought to complete the dossier, a corrected result) under slot name; "" when no file
// was chosen.
func (s *Server) counterPaper(r *http.Request, d *dossier.Dossier, field, name string) (string, error) {
	if r.MultipartForm == nil {
		if err := r.ParseMultipartForm(1 << 20); err != nil && !errors.Is(err, http.ErrNotMultipart) {
			return "", motcua.Invalid(field, "không đọc được tệp tải lên", "the upload could not be read")
		}
	}
	fh := deskFormFile(r, field)
	if fh == nil {
		return "", nil
	}
	if err := canUpload(false, d); err != nil {
		return "", err
	}
	p, err := s.readDeskPaper(fh, field)
	if err != nil {
		return "", err
	}
	p.SlotName = name
	return s.storeDeskPaper(r, d, p)
}
