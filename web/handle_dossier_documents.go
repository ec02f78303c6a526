package web

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/motcua/motcua"
	"github.com/motcua/motcua/dossier"
	"github.com/motcua/motcua/sqlstore"
)

// defaultMaxUpload is the largest file a dossier accepts (10 MiB) unless configured.
const defaultMaxUpload = 10 << 20

// maxUpload is the configured upload limit.
func (s *Server) maxUpload() int64 {
	if s.cfg.MaxUploadBytes > 0 {
		return s.cfg.MaxUploadBytes
	}
	return defaultMaxUpload
}

// acceptedTypes are the only files a dossier takes, each known by its first bytes: what
// the client declares (name, Content-Type) is never trusted.
var acceptedTypes = []struct {
	mime  string
	magic []byte
}{
	{"application/pdf", []byte("%PDF-")},
	{"image/jpeg", []byte{0xFF, 0xD8, 0xFF}},
	{"image/png", []byte{0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}},
}

// sniff returns the content type of an accepted file, or "".
func sniff(content []byte) string {
	detected, _, _ := strings.Cut(http.DetectContentType(content), ";")
	for _, t := range acceptedTypes {
		if detected == t.mime && bytes.HasPrefix(content, t.magic) {
			return t.mime
		}
	}
	return ""
}

// apiUploadDocument attaches a file to a dossier: multipart form with "slot" (index of
// the required paper in the procedure, empty for other papers) and "file".
func (s *Server) apiUploadDocument(w http.ResponseWriter, r *http.Request) {
	a := account(r)
	d, err := s.visibleDossier(r)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	if err := canUpload(a.Role.IsApplicant(), d); err != nil {
		s.apiFail(w, r, err)
		return
	}
	limit := s.maxUpload()
	r.Body = http.MaxBytesReader(w, r.Body, limit+1<<20)
	file, header, err := r.FormFile("file")
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		s.tooLarge(w, r, limit)
		return
	}
	if err != nil {
		s.apiFail(w, r, motcua.Invalid("file", "cần chọn tệp để tải lên", "choose a file to upload"))
		return
	}
	defer file.Close()
	content, err := io.ReadAll(io.LimitReader(file, limit+1))
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	if int64(len(content)) > limit {
		s.tooLarge(w, r, limit)
		return
	}
	ctype := sniff(content)
	if ctype == "" {
		s.apiFail(w, r, motcua.Invalid("file", "tệp phải là PDF, JPEG hoặc PNG (nội dung tệp không khớp)",
			"the file must be a PDF, JPEG or PNG (by its content)"))
		return
	}
	slot, name, err := s.documentSlot(r, d)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	key, err := uploadKey(r)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	doc, repeated, err := s.db.AddDocumentOnce(r.Context(), sqlstore.Document{DossierID: d.ID, Slot: slot, SlotName: name,
		Filename: cleanFilename(header.Filename), ContentType: ctype, UploadedAt: s.cfg.Now(), UploadedBy: a.ID}, key, content)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	status := http.StatusCreated
	if repeated {
		status = http.StatusOK
	}
	writeJSON(w, status, doc)
}

// uploadKey is an upload's idempotency key: the form's "idempotency_key" field (pages put
// a fresh one in each upload form) or the Idempotency-Key header; "" for none.
func uploadKey(r *http.Request) (string, error) {
	key := strings.TrimSpace(r.FormValue("idempotency_key"))
	if key == "" {
		key = strings.TrimSpace(r.Header.Get("Idempotency-Key"))
	}
	return key, checkIdempotencyKey(key)
}

// checkIdempotencyKey bounds a client's idempotency key.
func checkIdempotencyKey(key string) error {
	if len(key) > 200 {
		return motcua.Invalid("idempotency_key", "khóa chống trùng tối đa 200 ký tự",
			"the idempotency key is limited to 200 characters")
	}
	return nil
}

func (s *Server) tooLarge(w http.ResponseWriter, r *http.Request, limit int64) {
	mib := strconv.FormatInt(limit>>20, 10)
	s.apiError(w, r, http.StatusRequestEntityTooLarge, motcua.KindInvalid, "file",
		"tệp vượt quá dung lượng cho phép "+mib+" MiB", "the file exceeds the "+mib+" MiB limit")
}

// canUpload: the applicant adds papers while filing, completing or supplementing; staff
// until the dossier is closed.
func canUpload(applicant bool, d *dossier.Dossier) error {
	// Staff add files to an open dossier, and to one with a result, which a correction
	// may replace.
	open := !d.Status.Terminal() || d.Result != nil
	if applicant {
		open = d.Status == dossier.Draft || d.Status == dossier.Receiving || d.Status == dossier.Waiting
	}
	if !open {
		return motcua.Conflict("hồ sơ ở trạng thái \""+d.Status.Label()+"\" không nhận thêm tệp",
			"a dossier in status "+d.Status.Key()+" takes no more files")
	}
	return nil
}

// documentSlot reads the "slot" field: the index of a required paper of the pinned
// procedure version, or -1 when empty.
func (s *Server) documentSlot(r *http.Request, d *dossier.Dossier) (int, string, error) {
	v := strings.TrimSpace(r.FormValue("slot"))
	if v == "" {
		return -1, strings.TrimSpace(r.FormValue("slot_name")), nil
	}
	slot, err := strconv.Atoi(v)
	bad := motcua.Invalid("slot", "thành phần hồ sơ không hợp lệ", "invalid document slot")
	if err != nil || slot < 0 {
		return 0, "", bad
	}
	p, err := s.db.Procedure(r.Context(), d.ProcedureCode)
	if err != nil {
		return 0, "", err
	}
	ver := p.Version(d.VersionNumber)
	if ver == nil || slot >= len(ver.Documents) {
		return 0, "", bad
	}
	return slot, ver.Documents[slot].Name, nil
}

func cleanFilename(name string) string {
	name = filepath.Base(strings.ReplaceAll(name, "\\", "/"))
	name = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || r == '"' {
			return -1
		}
		return r
	}, name)
	if name == "" || name == "." || name == "/" {
		return "tep"
	}
	if len(name) > 200 {
		name = name[:200]
	}
	return name
}

// apiDownloadDocument sends a document to those who may see its dossier.
func (s *Server) apiDownloadDocument(w http.ResponseWriter, r *http.Request) {
	d, err := s.visibleDossier(r)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	docID, err := strconv.ParseInt(r.PathValue("doc"), 10, 64)
	if err != nil {
		s.apiFail(w, r, motcua.NotFound("không có tệp này", "no such document"))
		return
	}
	doc, content, err := s.db.Document(r.Context(), d.ID, docID)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", doc.ContentType)
	w.Header().Set("Content-Length", fmt.Sprint(len(content)))
	w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": doc.Filename}))
	w.Write(content)
}
