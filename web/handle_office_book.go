package web

import (
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/motcua/motcua/dossier"
	"github.com/motcua/motcua/org"
)

// officeBookData is the tracking book (form 07) on screen, with its printouts.
type officeBookData struct {
	From, To, Unit string
	UnitName       string
	Units          []org.Unit
	Rows           []dossier.BookEntry
	Truncated      bool
	// Query is the period and unit for the PDF and spreadsheet links.
	Query string
	Error string
}

// officeBookPage lists the dossiers a unit received over a period, as the tracking book
// prints them: the one-stop desk keeps the book and the leaders read it.
func (s *Server) officeBookPage(w http.ResponseWriter, r *http.Request) {
	a, l := account(r), requestLang(r)
	if !a.Role.Can(org.PermDossierBook) {
		s.pageError(w, r, http.StatusNotFound)
		return
	}
	units, err := s.unitsByCode(r.Context())
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	data := &officeBookData{}
	for _, u := range units {
		data.Units = append(data.Units, u)
	}
	slices.SortFunc(data.Units, func(x, y org.Unit) int { return strings.Compare(x.Identifier, y.Identifier) })
	if q := r.URL.Query(); q.Get("unit") == "" && units[a.UnitCode].Kind != org.UnitDesk {
		// A leader's own unit receives nothing: open on the desk's book.
		for _, u := range data.Units {
			if u.Kind == org.UnitDesk {
				q.Set("unit", u.Code)
				r.URL.RawQuery = q.Encode()
				break
			}
		}
	}
	status := http.StatusOK
	b, err := s.trackingBook(r)
	if err != nil {
		p, ok := officeProblemOf(l, err)
		if !ok {
			s.pageFail(w, r, err)
			return
		}
		q := r.URL.Query()
		data.From, data.To, data.Unit, data.Error, status = q.Get("from"), q.Get("to"), q.Get("unit"), p.Message, p.Status
	} else {
		data.From, data.To, data.Unit, data.UnitName = b.from.String(), b.to.String(), b.unit.Code, b.unit.Name
		data.Rows, data.Truncated = b.rows, len(b.rows) >= maxBookRows
		data.Query = url.Values{"from": {data.From}, "to": {data.To}, "unit": {data.Unit}}.Encode()
	}
	s.render(w, r, status, "office_book", l.S("Sổ theo dõi hồ sơ", "Tracking book"), data)
}
