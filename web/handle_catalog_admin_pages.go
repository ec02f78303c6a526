package web

import (
	"errors"
	"io"
	"net/http"
	"net/url"
	"strings"

	"github.com/motcua/motcua"
	"github.com/motcua/motcua/calendar"
	"github.com/motcua/motcua/catalog"
)

type adminRow struct {
	Code      string
	Name      string
	Field     string
	Published int
	Draft     bool
	Abolished bool
}

func (s *Server) adminCatalogPage(w http.ResponseWriter, r *http.Request) {
	ps, err := s.db.Procedures(r.Context())
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	filter := strings.TrimSpace(r.URL.Query().Get("q"))
	var rows []adminRow
	for _, p := range ps {
		v := p.Latest()
		if v == nil {
			v = p.Draft()
		}
		row := adminRow{Code: p.Code, Name: v.Name, Field: v.Field.Name, Draft: p.Draft() != nil, Abolished: p.AbolishedFrom != nil}
		if pub := p.Latest(); pub != nil {
			row.Published = pub.Number
		}
		if filter != "" && !strings.Contains(foldForFilter(row.Name+" "+row.Code), foldForFilter(filter)) {
			continue
		}
		rows = append(rows, row)
	}
	l := requestLang(r)
	s.render(w, r, http.StatusOK, "admin_catalog", l.S("Quản trị danh mục", "Catalog administration"),
		map[string]any{"Rows": rows, "Q": filter, "Flash": r.URL.Query().Get("done")})
}

type adminProcData struct {
	Procedure catalog.Procedure
	Draft     *catalog.Version
	Form      draftForm
	Errors    catalog.ValidationErrors
	Flash     string
	New       bool
	Code      string
}

func (s *Server) adminNewProcedurePage(w http.ResponseWriter, r *http.Request) {
	l := requestLang(r)
	form := versionForm(catalog.Version{Level: catalog.LevelProvince, OnlineLevel: catalog.OnlinePartial,
		Agency: "Sở Công Thương", SupplementWithin: calendar.Days(3), ReplyWithin: calendar.Days(15)})
	s.render(w, r, http.StatusOK, "admin_procedure", l.S("Thủ tục mới", "New procedure"), adminProcData{New: true, Form: form})
}

func (s *Server) adminCreateProcedure(w http.ResponseWriter, r *http.Request) {
	l := requestLang(r)
	code := strings.TrimSpace(r.PostFormValue("code"))
	form := formFromRequest(r)
	v, errs := form.version()
	data := adminProcData{New: true, Form: form, Code: code}
	if err := checkProcedureCode(code); err != nil {
		errs = append(errs, catalog.FieldError{Path: "code", Vi: err.(*motcua.Error).VI, En: err.(*motcua.Error).EN})
	}
	if len(errs) == 0 {
		_, err := s.editProcedure(r, code, true, "procedure.create", func(p *catalog.Procedure) error {
			if len(p.Versions) > 0 {
				return motcua.Conflict("mã thủ tục đã tồn tại", "procedure code already exists")
			}
			_, err := p.AddDraft(v)
			return err
		})
		if err == nil {
			http.Redirect(w, r, "/admin/procedures/"+url.PathEscape(code)+"?done=saved", http.StatusSeeOther)
			return
		}
		errs = append(errs, asFieldErrors(err)...)
	}
	data.Errors = errs
	s.render(w, r, http.StatusUnprocessableEntity, "admin_procedure", l.S("Thủ tục mới", "New procedure"), data)
}

// asFieldErrors turns any error into lines the form can show.
func asFieldErrors(err error) catalog.ValidationErrors {
	var ve catalog.ValidationErrors
	if errors.As(err, &ve) {
		return ve
	}
	var me *motcua.Error
	if errors.As(err, &me) {
		return catalog.ValidationErrors{{Path: me.Field, Vi: me.VI, En: me.EN}}
	}
	vi, en, ok := strings.Cut(err.Error(), " / ")
	if !ok {
		en = vi
	}
	return catalog.ValidationErrors{{Vi: vi, En: en}}
}

func (s *Server) adminProcedurePage(w http.ResponseWriter, r *http.Request) {
	p, err := s.db.Procedure(r.Context(), r.PathValue("code"))
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	s.renderAdminProcedure(w, r, http.StatusOK, p, nil, nil, r.URL.Query().Get("done"))
}

func (s *Server) renderAdminProcedure(w http.ResponseWriter, r *http.Request, status int, p catalog.Procedure,
	form draftForm, errs catalog.ValidationErrors, flash string) {
	d := adminProcData{Procedure: p, Draft: p.Draft(), Form: form, Errors: errs, Flash: flash, Code: p.Code}
	if d.Form == nil && d.Draft != nil {
		d.Form = versionForm(*d.Draft)
	}
	name := p.Code
	if v := p.Latest(); v != nil {
		name = v.Name
	} else if d.Draft != nil {
		name = d.Draft.Name
	}
	s.render(w, r, status, "admin_procedure", name, d)
}

// adminAction runs a change and goes back to the procedure's admin page with the outcome.
func (s *Server) adminAction(w http.ResponseWriter, r *http.Request, action, done string, fn func(*catalog.Procedure) error) {
	code := r.PathValue("code")
	if _, err := s.editProcedure(r, code, false, action, fn); err != nil {
		p, lerr := s.db.Procedure(r.Context(), code)
		if lerr != nil {
			s.pageFail(w, r, lerr)
			return
		}
		s.renderAdminProcedure(w, r, http.StatusUnprocessableEntity, p, nil, asFieldErrors(err), "")
		return
	}
	http.Redirect(w, r, "/admin/procedures/"+url.PathEscape(code)+"?done="+done, http.StatusSeeOther)
}

func (s *Server) adminStartDraft(w http.ResponseWriter, r *http.Request) {
	s.adminAction(w, r, "procedure.draft", "draft", func(p *catalog.Procedure) error {
		base := p.Latest()
		if base == nil {
			return catalog.ErrNoSuchVersion
		}
		_, err := p.AddDraft(*base)
		return err
	})
}

func (s *Server) adminSaveDraft(w http.ResponseWriter, r *http.Request) {
	form := formFromRequest(r)
	v, errs := form.version()
	code := r.PathValue("code")
	if len(errs) == 0 {
		_, err := s.editProcedure(r, code, false, "procedure.draft", func(p *catalog.Procedure) error {
			return p.UpdateDraft(v)
		})
		if err == nil {
			http.Redirect(w, r, "/admin/procedures/"+url.PathEscape(code)+"?done=saved", http.StatusSeeOther)
			return
		}
		errs = asFieldErrors(err)
	}
	p, err := s.db.Procedure(r.Context(), code)
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	s.renderAdminProcedure(w, r, http.StatusUnprocessableEntity, p, form, errs, "")
}

func (s *Server) adminDiscardDraft(w http.ResponseWriter, r *http.Request) {
	s.adminAction(w, r, "procedure.discard_draft", "discarded", func(p *catalog.Procedure) error { return p.DiscardDraft() })
}

func (s *Server) adminPublish(w http.ResponseWriter, r *http.Request) {
	s.adminAction(w, r, "procedure.publish", "published", func(p *catalog.Procedure) error {
		_, err := p.Publish(s.cfg.Now())
		return err
	})
}

func (s *Server) adminAbolish(w http.ResponseWriter, r *http.Request) {
	from, err := calendar.ParseDate(r.PostFormValue("from"))
	decision := strings.TrimSpace(r.PostFormValue("decision"))
	if err != nil || decision == "" {
		p, lerr := s.db.Procedure(r.Context(), r.PathValue("code"))
		if lerr != nil {
			s.pageFail(w, r, lerr)
			return
		}
		s.renderAdminProcedure(w, r, http.StatusUnprocessableEntity, p, nil, catalog.ValidationErrors{{Path: "abolish",
			Vi: "cần ngày bãi bỏ (YYYY-MM-DD) và số quyết định", En: "an abolition date (YYYY-MM-DD) and a decision number are required"}}, "")
		return
	}
	s.adminAction(w, r, "procedure.abolish", "abolished", func(p *catalog.Procedure) error { return p.Abolish(from, decision) })
}

func (s *Server) adminImportPage(w http.ResponseWriter, r *http.Request) {
	l := requestLang(r)
	s.render(w, r, http.StatusOK, "admin_import", l.S("Nhập danh mục", "Import catalog"), map[string]any{})
}

func (s *Server) adminImport(w http.ResponseWriter, r *http.Request) {
	l := requestLang(r)
	data := map[string]any{}
	status := http.StatusOK
	r.Body = http.MaxBytesReader(w, r.Body, maxImport+1<<20)
	file, hdr, err := r.FormFile("file")
	if err == nil {
		defer file.Close()
		var body []byte
		body, err = io.ReadAll(file)
		if err == nil {
			var n int
			n, err = s.importCatalog(r, body, hdr.Filename)
			data["Imported"] = n
		}
	}
	if err != nil {
		status = http.StatusUnprocessableEntity
		data["Errors"] = asFieldErrors(err)
	}
	s.render(w, r, status, "admin_import", l.S("Nhập danh mục", "Import catalog"), data)
}
