package web

import (
	"context"
	"net/http"
	"net/url"
	"strconv"

	"github.com/motcua/motcua/org"
	"github.com/motcua/motcua/sqlstore"
)

// officeQueueTabs counts each queue under the same filters, up to officeCountCap.
func (s *Server) officeQueueTabs(r *http.Request, base sqlstore.DossierFilter, queues []string, active string) ([]officeQueueTab, error) {
	tabs := make([]officeQueueTab, 0, len(queues))
	for _, name := range queues {
		f := base
		f.Queue = name
		n, more, err := s.db.CountDossiers(r.Context(), f, officeCountCap)
		if err != nil {
			return nil, err
		}
		count := strconv.Itoa(n)
		if more {
			count += "+"
		}
		label := officeQueueLabels[name]
		tabs = append(tabs, officeQueueTab{Name: name, VI: label[0], EN: label[1], Count: count, Active: name == active,
			URL: officeQueueURL(r.URL.Query(), map[string]string{"queue": name, "after": "", "q": ""})})
	}
	return tabs, nil
}

// officeQueueURL is the console's address with some query values replaced ("" removes one).
func officeQueueURL(q url.Values, set map[string]string) string {
	q = officeQueryValues(q)
	for k, v := range set {
		if v == "" {
			q.Del(k)
		} else {
			q.Set(k, v)
		}
	}
	if enc := q.Encode(); enc != "" {
		return "/office?" + enc
	}
	return "/office"
}

// officeQueryValues copies q without empty values.
func officeQueryValues(q url.Values) url.Values {
	out := url.Values{}
	for k, v := range q {
		if len(v) > 0 && v[0] != "" {
			out.Set(k, v[0])
		}
	}
	return out
}

// officeQueueRows adds the deadline and the holder's name to each row, and its text in l.
func (s *Server) officeQueueRows(ctx context.Context, rows []sqlstore.DossierRow, l lang) ([]officeQueueRow, error) {
	units, err := s.unitsByCode(ctx)
	if err != nil {
		return nil, err
	}
	names := map[int64]string{}
	now, cal := s.cfg.Now(), s.workCalendar()
	out := make([]officeQueueRow, len(rows))
	for i, row := range rows {
		out[i] = officeQueueRow{DossierRow: row, StepRole: org.Role(row.StepRole), UnitName: units[row.StepUnit].Name}
		if out[i].UnitName == "" {
			out[i].UnitName = row.StepUnit
		}
		out[i].Progress = officeRowProgress(row, cal, now)
		if id := row.StepAssigneeID; id != 0 {
			if _, ok := names[id]; !ok {
				acc, err := s.db.Account(ctx, id)
				if err != nil {
					return nil, err
				}
				names[id] = acc.DisplayName
			}
			out[i].Holder = names[id]
		}
		out[i].describe(l)
	}
	return out, nil
}

// describe sets the row's printed text in l.
func (row *officeQueueRow) describe(l lang) {
	row.StatusText = l.S(row.Status.Label(), row.Status.LabelEN())
	row.ReceivedText, row.SubmittedText = dateTime(row.ReceivedAt), dateTime(row.SubmittedAt)
	row.AppointmentText = dateTime(row.AppointmentAt)
	if p := row.Progress; !p.Appointment.IsZero() {
		row.BadgeText = l.S(p.Label(), p.LabelEN())
		switch {
		case p.Paused:
			row.BadgeClass = "paused"
		case p.Overdue:
			row.BadgeClass = "late"
		case p.DueSoon:
			row.BadgeClass = "soon"
		default:
			row.BadgeClass = "ok"
		}
	}
	if row.StepUnit != "" {
		row.StepText = row.UnitName
		if row.StepRole != "" {
			row.StepText = l.S(row.StepRole.Label(), row.StepRole.LabelEN()) + " · " + row.UnitName
		}
	}
}
