package web

import (
	"net/http"
	"strconv"
	"time"

	"github.com/motcua/motcua"
	"github.com/motcua/motcua/catalog"
)

// catalogQuery reads the search parameters shared by the search page and the API.
func catalogQuery(r *http.Request) (catalog.Query, error) {
	q := r.URL.Query()
	cq := catalog.Query{Text: q.Get("q"), Field: q.Get("field"), Level: catalog.Level(q.Get("level")),
		Agency: q.Get("agency"), After: q.Get("after")}
	if cq.Level != "" && !cq.Level.Valid() {
		return cq, motcua.Invalid("level", "cấp thực hiện không hợp lệ", "unknown level")
	}
	if v := q.Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > catalog.MaxLimit {
			return cq, motcua.Invalid("limit", "limit phải từ 1 đến 100", "limit must be 1 to 100")
		}
		cq.Limit = n
	}
	if err := catalog.CheckCursor(cq.After); err != nil {
		return cq, motcua.Invalid("after", "con trỏ phân trang không hợp lệ", "invalid page cursor")
	}
	return cq, nil
}

func (s *Server) apiSearchProcedures(w http.ResponseWriter, r *http.Request) {
	q, err := catalogQuery(r)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, s.catalog.index().Search(q))
}

func (s *Server) apiFields(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, map[string]any{"items": s.catalog.index().Fields()})
}

// versionSummary is a line of a procedure's version history.
type versionSummary struct {
	Number       int                   `json:"number"`
	Status       catalog.VersionStatus `json:"status"`
	PublishedAt  *time.Time            `json:"published_at,omitempty"`
	SupersededAt *time.Time            `json:"superseded_at,omitempty"`
}

// procedureView is the API's procedure: its state, the version in force and the history.
type procedureView struct {
	Code          string           `json:"code"`
	AbolishedFrom any              `json:"abolished_from,omitempty"`
	AbolishedBy   string           `json:"abolished_by,omitempty"`
	Current       *catalog.Version `json:"current"`
	HasDraft      bool             `json:"has_draft"`
	Versions      []versionSummary `json:"versions"`
}

func viewProcedure(p catalog.Procedure, now time.Time, withDrafts bool) procedureView {
	v := procedureView{Code: p.Code, AbolishedBy: p.AbolishedBy, Current: p.Current(now), HasDraft: p.Draft() != nil}
	if p.AbolishedFrom != nil {
		v.AbolishedFrom = p.AbolishedFrom
	}
	for _, ver := range p.Versions {
		if ver.Status == catalog.Draft && !withDrafts {
			continue
		}
		v.Versions = append(v.Versions, versionSummary{ver.Number, ver.Status, ver.PublishedAt, ver.SupersededAt})
	}
	return v
}

// canSeeDrafts: drafts are internal until published.
func canSeeDrafts(r *http.Request) bool {
	a := account(r)
	return a != nil && a.Role.Can("catalog.edit")
}

// loadProcedure loads a procedure; one with nothing published is hidden from those who may
// not see drafts.
func (s *Server) loadProcedure(r *http.Request) (catalog.Procedure, error) {
	p, err := s.db.Procedure(r.Context(), r.PathValue("code"))
	if err != nil {
		return p, err
	}
	if !canSeeDrafts(r) && p.Latest() == nil {
		return p, motcua.NotFound("không có thủ tục "+p.Code, "no procedure "+p.Code)
	}
	return p, nil
}

func (s *Server) apiProcedure(w http.ResponseWriter, r *http.Request) {
	p, err := s.loadProcedure(r)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, viewProcedure(p, s.cfg.Now(), canSeeDrafts(r)))
}

func (s *Server) apiProcedureVersion(w http.ResponseWriter, r *http.Request) {
	p, err := s.loadProcedure(r)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	n, _ := strconv.Atoi(r.PathValue("number"))
	v := p.Version(n)
	if v == nil || (v.Status == catalog.Draft && !canSeeDrafts(r)) {
		s.apiFail(w, r, motcua.NotFound("không có phiên bản này", "no such version"))
		return
	}
	writeJSON(w, http.StatusOK, v)
}

// apiCompareVersions shows the "3 giảm" between two versions: documents, time and fees.
func (s *Server) apiCompareVersions(w http.ResponseWriter, r *http.Request) {
	p, err := s.loadProcedure(r)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	from, to, err := compareVersions(r, p)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	c := catalog.Compare(*from, *to)
	writeJSON(w, http.StatusOK, map[string]any{"from": from.Number, "to": to.Number, "comparison": c,
		"reduced": c.Reduced(), "summary": c.Summary(), "summary_en": c.SummaryEn()})
}

// compareVersions picks the two versions to compare: ?from=&to= or, by default, the version
// in force against the one it superseded.
func compareVersions(r *http.Request, p catalog.Procedure) (*catalog.Version, *catalog.Version, error) {
	pick := func(name string, def *catalog.Version) (*catalog.Version, error) {
		raw := r.URL.Query().Get(name)
		if raw == "" {
			if def == nil {
				return nil, motcua.Invalid(name, "chưa có phiên bản để so sánh", "no version to compare")
			}
			return def, nil
		}
		n, err := strconv.Atoi(raw)
		v := p.Version(n)
		if err != nil || v == nil || (v.Status == catalog.Draft && !canSeeDrafts(r)) {
			return nil, motcua.Invalid(name, "không có phiên bản "+raw, "no version "+raw)
		}
		return v, nil
	}
	latest := p.Latest()
	var previous *catalog.Version
	if latest != nil {
		previous = p.Version(latest.Number - 1)
	}
	to, err := pick("to", latest)
	if err != nil {
		return nil, nil, err
	}
	from, err := pick("from", previous)
	if err != nil {
		return nil, nil, err
	}
	return from, to, nil
}
