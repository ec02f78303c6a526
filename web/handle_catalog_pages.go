package web

import (
	"net/http"

	"github.com/motcua/motcua"
	"github.com/motcua/motcua/catalog"
)

type homeData struct {
	Count  int
	Fields []catalog.FieldCount
}

func (s *Server) homePage(w http.ResponseWriter, r *http.Request) {
	ix := s.catalog.index()
	l := requestLang(r)
	s.render(w, r, http.StatusOK, "home", l.S("Trang chủ", "Home"), homeData{Count: ix.Count(), Fields: ix.Fields()})
}

func (s *Server) fieldsPage(w http.ResponseWriter, r *http.Request) {
	ix := s.catalog.index()
	l := requestLang(r)
	s.render(w, r, http.StatusOK, "fields", l.S("Lĩnh vực", "Fields"), homeData{Count: ix.Count(), Fields: ix.Fields()})
}

type searchData struct {
	Query  catalog.Query
	Page   catalog.Page
	Fields []catalog.FieldCount
	Error  string
	// NextURL continues the list after the last item shown.
	NextURL string
}

func (s *Server) searchPage(w http.ResponseWriter, r *http.Request) {
	l := requestLang(r)
	ix := s.catalog.index()
	q, err := catalogQuery(r)
	data := searchData{Query: q, Fields: ix.Fields()}
	status := http.StatusOK
	if err != nil {
		status = http.StatusBadRequest
		if e, ok := err.(*motcua.Error); ok {
			data.Error = l.S(e.VI, e.EN)
		}
	} else {
		data.Page = ix.Search(q)
		if data.Page.Next != "" {
			u := *r.URL
			v := u.Query()
			v.Set("after", data.Page.Next)
			u.RawQuery = v.Encode()
			data.NextURL = u.RequestURI()
		}
	}
	if r.Header.Get("HX-Request") == "true" && r.Header.Get("HX-Target") == "results" {
		s.renderFragment(w, r, "search", "results", data)
		return
	}
	s.render(w, r, status, "search", l.S("Tra cứu thủ tục", "Find a procedure"), data)
}

type procedureData struct {
	Procedure  catalog.Procedure
	Version    *catalog.Version
	Abolished  bool
	Comparison *catalog.Comparison
	Previous   *catalog.Version
}

func (s *Server) procedureData(r *http.Request) (procedureData, error) {
	p, err := s.loadProcedure(r)
	if err != nil {
		return procedureData{}, err
	}
	d := procedureData{Procedure: p, Version: p.Latest()}
	if d.Version == nil {
		d.Version = p.Draft()
	}
	d.Abolished = p.Current(s.cfg.Now()) == nil && p.AbolishedFrom != nil
	if d.Version != nil {
		if prev := p.Version(d.Version.Number - 1); prev != nil {
			c := catalog.Compare(*prev, *d.Version)
			d.Comparison, d.Previous = &c, prev
		}
	}
	return d, nil
}

func (s *Server) procedurePage(w http.ResponseWriter, r *http.Request) {
	d, err := s.procedureData(r)
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "procedure", d.Version.Name, d)
}

func (s *Server) procedurePrintPage(w http.ResponseWriter, r *http.Request) {
	d, err := s.procedureData(r)
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "procedure_print", d.Version.Name, d)
}
