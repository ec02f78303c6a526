package web

import (
	"errors"
	"net/http"
	"net/url"

	"github.com/motcua/motcua"
	"github.com/motcua/motcua/dossier"
	"github.com/motcua/motcua/sqlstore"
)

// myDossiersPageSize is how many dossiers "Hồ sơ của tôi" shows at a time.
const myDossiersPageSize = 20

// myListItem is one dossier in "Hồ sơ của tôi".
type myListItem struct {
	D         *dossier.Dossier
	Attention *attention
	Progress  dossier.Progress
}

type myList struct {
	Items   []myListItem
	NextURL string // the next page, "" on the last
	Paged   bool   // this is not the first page
}

// myDossiersPage lists the applicant's dossiers, drafts included, newest first, paged by
// key. Each row is loaded whole: the deadline and the badge need the clock stops and the
// rating, and an applicant's page is short.
func (s *Server) myDossiersPage(w http.ResponseWriter, r *http.Request) {
	a, l := account(r), requestLang(r)
	after := r.URL.Query().Get("after")
	rows, next, err := s.db.ListDossiers(r.Context(), sqlstore.DossierFilter{OwnerID: a.ID, WithDrafts: true,
		After: after, Limit: myDossiersPageSize})
	if errors.Is(err, motcua.ErrInvalid) { // a damaged "after" cursor
		s.pageError(w, r, http.StatusBadRequest)
		return
	} else if err != nil {
		s.pageFail(w, r, err)
		return
	}
	list := myList{Paged: after != ""}
	now, cal := s.cfg.Now(), s.workCalendar()
	for _, row := range rows {
		d, err := s.db.Dossier(r.Context(), row.ID)
		if err != nil {
			s.pageFail(w, r, err)
			return
		}
		list.Items = append(list.Items, myListItem{D: d, Attention: attentionOf(d), Progress: dossier.Track(d, cal, now)})
	}
	if next != "" {
		list.NextURL = "/my/dossiers?after=" + url.QueryEscape(next)
	}
	s.render(w, r, http.StatusOK, "applicant_list", l.S("Hồ sơ của tôi", "My dossiers"), list)
}
