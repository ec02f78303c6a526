package web

import (
	"bytes"
	"net/http"
	"strings"

	"github.com/motcua/motcua"
	"github.com/motcua/motcua/calendar"
	"github.com/motcua/motcua/dossier"
	"github.com/motcua/motcua/org"
	"github.com/motcua/motcua/pdf"
	"github.com/motcua/motcua/xlsx"
)

// maxBookRows bounds one printout of the tracking book; a longer period is printed in parts.
const maxBookRows = 5000

// bookRequest is the period and unit of the tracking book: ?from=YYYY-MM-DD&to=YYYY-MM-DD
// (inclusive, Vietnam days; default the current month) &unit=CODE (default the caller's).
type bookRequest struct {
	from, to calendar.Date
	unit     org.Unit
	rows     []dossier.BookEntry
}

func (s *Server) trackingBook(r *http.Request) (*bookRequest, error) {
	q := r.URL.Query()
	today := calendar.DateOf(s.cfg.Now().In(calendar.Vietnam))
	b := &bookRequest{from: calendar.D(today.Year, today.Month, 1), to: today}
	for _, p := range []struct {
		name string
		dst  *calendar.Date
	}{{"from", &b.from}, {"to", &b.to}} {
		if v := q.Get(p.name); v != "" {
			d, err := calendar.ParseDate(v)
			if err != nil {
				return nil, motcua.Invalid(p.name, "ngày phải có dạng YYYY-MM-DD", "the date must look like YYYY-MM-DD")
			}
			*p.dst = d
		}
	}
	if b.to.Before(b.from) {
		return nil, motcua.Invalid("to", "ngày kết thúc trước ngày bắt đầu", "the end date is before the start date")
	}
	code := q.Get("unit")
	if code == "" {
		code = account(r).UnitCode
	}
	units, err := s.unitsByCode(r.Context())
	if err != nil {
		return nil, err
	}
	u, ok := units[code]
	if !ok {
		return nil, motcua.Invalid("unit", "không có đơn vị "+code, "no unit "+code)
	}
	b.unit = u
	ds, err := s.db.DossiersReceived(r.Context(), u.Code, b.from.In(calendar.Vietnam),
		b.to.AddDays(1).In(calendar.Vietnam), maxBookRows)
	if err != nil {
		return nil, err
	}
	for _, d := range ds {
		b.rows = append(b.rows, bookRow(d, units))
	}
	return b, nil
}

func bookRow(d *dossier.Dossier, units map[string]org.Unit) dossier.BookEntry {
	a := d.Applicant
	name := a.Name
	if a.Organisation != "" {
		name = a.Organisation
	}
	row := dossier.BookEntry{Code: d.Code, Procedure: d.ProcedureName, Applicant: name,
		Contact: strings.Trim(a.Address+", "+a.Phone, ", "), ReceivedAt: d.ReceivedAt, AppointmentAt: d.AppointmentAt,
		Note: d.Status.Label()}
	for _, s := range d.Steps {
		if s.UnitCode != d.ReceivingUnit {
			row.SentTo = units[s.UnitCode].Name
			break
		}
	}
	switch {
	case d.Result != nil:
		row.ResultAt = d.Result.IssuedAt
	case len(d.Supplements) > 0:
		row.ResultAt = d.Supplements[len(d.Supplements)-1].RequestedAt
	}
	return row
}

func (b *bookRequest) title() string {
	return "SỔ THEO DÕI HỒ SƠ - " + b.unit.Name + ", từ " + vnDate(b.from) + " đến " + vnDate(b.to)
}

func vnDate(d calendar.Date) string { return d.In(calendar.Vietnam).Format("02/01/2006") }

// apiTrackingBookPDF prints form 07: GET /api/v1/forms/07.pdf?from=&to=&unit=.
func (s *Server) apiTrackingBookPDF(w http.ResponseWriter, r *http.Request) {
	b, err := s.trackingBook(r)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	units, _ := s.unitsByCode(r.Context())
	out, err := pdf.Form07(formHeader(units, b.unit.Code), pdf.Book{Unit: b.unit.Name,
		From: b.from.In(calendar.Vietnam), To: b.to.In(calendar.Vietnam), Rows: b.rows})
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	writePDF(w, "so-theo-doi-"+b.from.String()+"-"+b.to.String()+".pdf", out)
}

// apiTrackingBookXLSX is the same book as a spreadsheet: GET /api/v1/forms/07.xlsx?….
func (s *Server) apiTrackingBookXLSX(w http.ResponseWriter, r *http.Request) {
	b, err := s.trackingBook(r)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	var buf bytes.Buffer
	if err := xlsx.TrackingBook(&buf, b.title(), b.rows); err != nil {
		s.apiFail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	w.Header().Set("Content-Disposition", `attachment; filename="so-theo-doi-`+b.from.String()+"-"+b.to.String()+`.xlsx"`)
	w.Write(buf.Bytes())
}
