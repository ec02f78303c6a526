package web

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"strings"

	"github.com/motcua/motcua"
	"github.com/motcua/motcua/calendar"
	"github.com/motcua/motcua/catalog"
)

var procedureCodeShape = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9.\-]{0,63}$`)

func checkProcedureCode(code string) error {
	if !procedureCodeShape.MatchString(code) {
		return motcua.Invalid("code", "mã thủ tục chỉ gồm chữ, số, dấu chấm và gạch ngang (tối đa 64 ký tự)",
			"procedure code may hold letters, digits, dots and hyphens (64 at most)")
	}
	return nil
}

// editProcedure runs a catalog change through the store and refreshes this instance's index.
func (s *Server) editProcedure(r *http.Request, code string, create bool, action string, fn func(*catalog.Procedure) error) (catalog.Procedure, error) {
	p, err := s.db.UpdateProcedure(r.Context(), code, create, *account(r), action, fn)
	if err == nil {
		if rerr := s.catalog.refresh(r.Context()); rerr != nil {
			s.log.Warn("catalog refresh", "err", rerr)
		}
	}
	return p, err
}

func (s *Server) apiCreateProcedure(w http.ResponseWriter, r *http.Request) {
	var in struct {
		Code    string          `json:"code"`
		Version catalog.Version `json:"version"`
	}
	if err := decodeJSON(w, r, &in); err != nil {
		s.apiFail(w, r, err)
		return
	}
	if err := checkProcedureCode(in.Code); err != nil {
		s.apiFail(w, r, err)
		return
	}
	p, err := s.editProcedure(r, in.Code, true, "procedure.create", func(p *catalog.Procedure) error {
		if len(p.Versions) > 0 {
			return motcua.Conflict("mã thủ tục đã tồn tại", "procedure code already exists")
		}
		_, err := p.AddDraft(in.Version)
		return err
	})
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	writeJSON(w, http.StatusCreated, viewProcedure(p, s.cfg.Now(), true))
}

// apiPutDraft creates the draft (from the body) or replaces it.
func (s *Server) apiPutDraft(w http.ResponseWriter, r *http.Request) {
	var v catalog.Version
	if err := decodeJSON(w, r, &v); err != nil {
		s.apiFail(w, r, err)
		return
	}
	created := false
	p, err := s.editProcedure(r, r.PathValue("code"), false, "procedure.draft", func(p *catalog.Procedure) error {
		if p.Draft() == nil {
			created = true
			_, err := p.AddDraft(v)
			return err
		}
		return p.UpdateDraft(v)
	})
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	status := http.StatusOK
	if created {
		status = http.StatusCreated
	}
	writeJSON(w, status, p.Draft())
}

func (s *Server) apiDiscardDraft(w http.ResponseWriter, r *http.Request) {
	_, err := s.editProcedure(r, r.PathValue("code"), false, "procedure.discard_draft", func(p *catalog.Procedure) error {
		return p.DiscardDraft()
	})
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (s *Server) apiPublish(w http.ResponseWriter, r *http.Request) {
	p, err := s.editProcedure(r, r.PathValue("code"), false, "procedure.publish", func(p *catalog.Procedure) error {
		_, err := p.Publish(s.cfg.Now())
		return err
	})
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, viewProcedure(p, s.cfg.Now(), true))
}

func (s *Server) apiAbolish(w http.ResponseWriter, r *http.Request) {
	var in struct {
		From     calendar.Date `json:"from"`
		Decision string        `json:"decision"`
	}
	if err := decodeJSON(w, r, &in); err != nil {
		s.apiFail(w, r, err)
		return
	}
	p, err := s.abolish(r, in.From, in.Decision)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, viewProcedure(p, s.cfg.Now(), true))
}

func (s *Server) abolish(r *http.Request, from calendar.Date, decision string) (catalog.Procedure, error) {
	if from.IsZero() {
		return catalog.Procedure{}, motcua.Invalid("from", "cần ngày bãi bỏ", "abolition date is required")
	}
	if strings.TrimSpace(decision) == "" {
		return catalog.Procedure{}, motcua.Invalid("decision", "cần số quyết định bãi bỏ", "abolishing decision is required")
	}
	return s.editProcedure(r, r.PathValue("code"), false, "procedure.abolish", func(p *catalog.Procedure) error {
		return p.Abolish(from, strings.TrimSpace(decision))
	})
}

// catalogExport downloads the whole catalog in its canonical JSON form.
func (s *Server) catalogExport(w http.ResponseWriter, r *http.Request) {
	ps, err := s.db.Procedures(r.Context())
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	var buf bytes.Buffer
	if err := catalog.Export(&buf, ps); err != nil {
		s.apiFail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="motcua-catalog-%s.json"`,
		s.cfg.Now().In(calendar.Vietnam).Format("20060102")))
	w.Write(buf.Bytes())
}

// maxImport bounds an uploaded catalog; the whole national catalog fits well inside it.
const maxImport = 32 << 20

// parseImport reads a catalog in canonical JSON or in the CSV form of the published lists,
// telling them apart by content rather than by name.
func parseImport(body []byte) ([]catalog.Procedure, error) {
	trimmed := bytes.TrimLeft(body, " \t\r\n\ufeff")
	if len(trimmed) == 0 {
		return nil, motcua.Invalid("file", "tệp rỗng", "empty file")
	}
	if trimmed[0] == '{' {
		return catalog.Import(bytes.NewReader(body))
	}
	return catalog.ImportCSV(bytes.NewReader(body))
}

// importCatalog stores an import all at once: if any row is wrong nothing is written.
func (s *Server) importCatalog(r *http.Request, body []byte, source string) (int, error) {
	ps, err := parseImport(body)
	if err != nil {
		return 0, err
	}
	if err := s.db.ImportProcedures(r.Context(), ps, *account(r), source); err != nil {
		return 0, err
	}
	if err := s.catalog.refresh(r.Context()); err != nil {
		s.log.Warn("catalog refresh", "err", err)
	}
	return len(ps), nil
}

func (s *Server) apiImport(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxImport))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			s.apiError(w, r, http.StatusRequestEntityTooLarge, "too_large", "file", "Tệp quá lớn", "File too large")
			return
		}
		s.apiFail(w, r, err)
		return
	}
	n, err := s.importCatalog(r, body, "api")
	if err != nil {
		s.importFailed(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]int{"imported": n})
}

// importFailed reports every problem of a rejected import with its place in the file.
func (s *Server) importFailed(w http.ResponseWriter, r *http.Request, err error) {
	var me *motcua.Error
	var ve catalog.ValidationErrors
	if errors.As(err, &me) || errors.As(err, &ve) {
		s.apiFail(w, r, err)
		return
	}
	msg := err.Error()
	vi, en, ok := strings.Cut(msg, " / ")
	if !ok {
		en = msg
	}
	writeJSON(w, http.StatusUnprocessableEntity, apiErrorBody{Error: motcua.KindInvalid, Field: "file",
		Message: "Nhập danh mục thất bại, không có gì được ghi: " + vi,
		MsgEN:   "Import failed, nothing was written: " + en})
}
