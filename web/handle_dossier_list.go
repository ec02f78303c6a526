package web

import (
	"encoding/json"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/motcua/motcua"
	"github.com/motcua/motcua/calendar"
	"github.com/motcua/motcua/dossier"
	"github.com/motcua/motcua/org"
	"github.com/motcua/motcua/sqlstore"
)

// stepRoles are the roles of the steps that land in an account's my_steps queue: its own,
// and a specialist's for a head, who may act in them. "" is a step of a procedure without
// an internal process.
var stepRoles = map[org.Role][]string{
	org.RoleOfficer:    {"", string(org.RoleOfficer)},
	org.RoleSpecialist: {"", string(org.RoleSpecialist)},
	org.RoleHead:       {"", string(org.RoleHead), string(org.RoleSpecialist)},
	org.RoleLeader:     {"", string(org.RoleLeader)},
	org.RoleClerk:      {"", string(org.RoleClerk)},
}

// apiListDossiers pages the dossiers the caller may see: GET /api/v1/dossiers?queue=
// &status=&procedure=&applicant=&after=&limit=. status takes codes or keys,
// comma-separated; applicant is an ID number or a phone number.
func (s *Server) apiListDossiers(w http.ResponseWriter, r *http.Request) {
	a := account(r)
	q := r.URL.Query()
	f := sqlstore.DossierFilter{Queue: q.Get("queue"), ProcedureCode: q.Get("procedure"), Applicant: q.Get("applicant"),
		After: q.Get("after")}
	if f.Queue != "" && !slices.Contains(sqlstore.Queues, f.Queue) {
		s.apiFail(w, r, motcua.Invalid("queue", "hàng đợi không tồn tại, chọn một trong: "+strings.Join(sqlstore.Queues, ", "),
			"unknown queue, use one of: "+strings.Join(sqlstore.Queues, ", ")))
		return
	}
	if v := q.Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > sqlstore.MaxDossierPage {
			s.apiFail(w, r, motcua.Invalid("limit", "limit phải từ 1 đến 200", "limit must be 1 to 200"))
			return
		}
		f.Limit = n
	}
	for _, part := range strings.Split(q.Get("status"), ",") {
		if part = strings.TrimSpace(part); part == "" {
			continue
		}
		var st dossier.Status
		if err := json.Unmarshal(statusLiteral(part), &st); err != nil {
			s.apiFail(w, r, err)
			return
		}
		f.Statuses = append(f.Statuses, st)
	}
	if !visibleTo(&f, a) {
		writeJSON(w, http.StatusOK, map[string]any{"items": []sqlstore.DossierRow{}, "next": ""})
		return
	}
	now := s.cfg.Now()
	f.Now, f.DueBy = now, s.workCalendar().Due(now, calendar.Days(1))
	rows, next, err := s.db.ListDossiers(r.Context(), f)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	if rows == nil {
		rows = []sqlstore.DossierRow{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"items": rows, "next": next})
}

// statusLiteral turns "4" or "processing" into the JSON a Status decodes.
func statusLiteral(s string) []byte {
	if _, err := strconv.Atoi(s); err == nil {
		return []byte(s)
	}
	b, _ := json.Marshal(s)
	return b
}
