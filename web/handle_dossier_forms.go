package web

import (
	"context"
	"fmt"
	"net/http"
	"strings"

	"github.com/motcua/motcua"
	"github.com/motcua/motcua/calendar"
	"github.com/motcua/motcua/catalog"
	"github.com/motcua/motcua/dossier"
	"github.com/motcua/motcua/org"
	"github.com/motcua/motcua/pdf"
)

// dossierForms fills the printed forms from a dossier; it holds what every form shares.
type dossierForms struct {
	d      *dossier.Dossier
	events []dossier.Event
	units  map[string]org.Unit
	header pdf.Header
	ver    *catalog.Version
}

func (s *Server) dossierForms(ctx context.Context, d *dossier.Dossier) (*dossierForms, error) {
	events, err := s.db.DossierEvents(ctx, d.ID)
	if err != nil {
		return nil, err
	}
	units, err := s.unitsByCode(ctx)
	if err != nil {
		return nil, err
	}
	f := &dossierForms{d: d, events: events, units: units, header: formHeader(units, d.ReceivingUnit)}
	if p, err := s.db.Procedure(ctx, d.ProcedureCode); err == nil {
		f.ver = p.Version(d.VersionNumber)
	}
	return f, nil
}

func (s *Server) unitsByCode(ctx context.Context) (map[string]org.Unit, error) {
	list, err := s.db.Units(ctx)
	if err != nil {
		return nil, err
	}
	units := make(map[string]org.Unit, len(list))
	for _, u := range list {
		units[u.Code] = u
	}
	return units, nil
}

// formHeader names the department and the issuing unit in capitals, as forms print them.
func formHeader(units map[string]org.Unit, unit string) pdf.Header {
	var h pdf.Header
	for _, u := range units {
		if u.Kind == org.UnitDepartment && u.Parent == "" {
			h.Agency = strings.ToUpper(u.Name)
		}
	}
	if u, ok := units[unit]; ok && u.Kind != org.UnitDepartment {
		h.Unit = strings.ToUpper(u.Name)
	}
	return h
}

func (f *dossierForms) unitName(code string) string {
	if u, ok := f.units[code]; ok {
		return u.Name
	}
	return code
}

func (f *dossierForms) applicant() pdf.Applicant {
	a := f.d.Applicant
	name := a.Name
	if a.Organisation != "" {
		name = a.Organisation + " (" + a.Name + ")"
	}
	return pdf.Applicant{Name: name, Address: a.Address, Phone: a.Phone, Email: a.Email}
}

// lastEvent is the latest event of the action, or nil.
func (f *dossierForms) lastEvent(a dossier.Action) *dossier.Event {
	for i := len(f.events) - 1; i >= 0; i-- {
		if f.events[i].Action == a {
			return &f.events[i]
		}
	}
	return nil
}

func (f *dossierForms) actorOf(a dossier.Action) string {
	if e := f.lastEvent(a); e != nil {
		return e.ActorName
	}
	return ""
}

func notYet(form, vi, en string) error {
	return motcua.Conflict(fmt.Sprintf("chưa có mẫu %s: %s", form, vi), fmt.Sprintf("form %s does not apply yet: %s", form, en))
}

// apiDossierForm prints form 01–06 of a dossier as PDF: GET /api/v1/dossiers/{id}/forms/{form}.
// A form whose event has not happened (an apology letter without an apology) is 409.
func (s *Server) apiDossierForm(w http.ResponseWriter, r *http.Request) {
	d, err := s.visibleDossier(r)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	form := strings.TrimSuffix(r.PathValue("form"), ".pdf")
	build := map[string]func(*dossierForms) ([]byte, error){
		"01": s.form01, "02": form02, "03": form03, "04": form04, "05": form05, "06": form06,
	}[form]
	if build == nil {
		s.apiFail(w, r, motcua.NotFound("không có mẫu "+form+" (01–06)", "no form "+form+" (01–06)"))
		return
	}
	f, err := s.dossierForms(r.Context(), d)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	out, err := build(f)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	writePDF(w, fmt.Sprintf("mau-%s-%s.pdf", form, fileSafe(d.Code, d.ID)), out)
}

func writePDF(w http.ResponseWriter, name string, b []byte) {
	w.Header().Set("Content-Type", "application/pdf")
	w.Header().Set("Content-Disposition", `inline; filename="`+name+`"`)
	w.Write(b)
}

func fileSafe(code string, id int64) string {
	if code == "" {
		return fmt.Sprint(id)
	}
	return strings.NewReplacer(".", "", " ", "").Replace(code)
}

func (s *Server) form01(f *dossierForms) ([]byte, error) {
	d := f.d
	if d.ReceivedAt.IsZero() {
		return nil, notYet("01", "hồ sơ chưa được tiếp nhận", "the dossier has not been received")
	}
	r := pdf.Receipt{Code: d.Code, Applicant: f.applicant(), Procedure: d.ProcedureName, ReceivedAt: d.ReceivedAt,
		AppointmentAt: d.AppointmentAt, Duration: spanText(d.StatutoryTime), CollectAt: f.unitName(d.ReceivingUnit),
		Officer: f.actorOf(dossier.Receive), TrackingURL: s.trackURL(d.Code)}
	if f.ver != nil {
		r.Sets = f.ver.Sets
		for _, doc := range f.ver.Documents {
			r.Documents = append(r.Documents, pdf.Document{Name: doc.Name, Originals: doc.Originals, Copies: doc.Copies})
		}
	}
	f.header.Date = d.ReceivedAt
	return pdf.Form01(f.header, r)
}

// spanText prints a statutory time the way forms say it: "15 ngày làm việc".
func spanText(s calendar.Span) string {
	v := strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%.2f", s.Value), "0"), ".")
	switch s.Unit {
	case calendar.WorkingDays:
		return v + " ngày làm việc"
	case calendar.WorkingHours:
		return v + " giờ làm việc"
	case calendar.CalendarDays:
		return v + " ngày"
	}
	return s.String()
}

// form02 is the request to supplement: the latest supplement request, or the guidance on
// an online filing.
func form02(f *dossierForms) ([]byte, error) {
	d := f.d
	sup := pdf.Supplement{Code: d.Code, Applicant: f.applicant(), Procedure: d.ProcedureName, ReceivedAt: d.ReceivedAt}
	switch {
	case len(d.Supplements) > 0:
		last := d.Supplements[len(d.Supplements)-1]
		sup.Missing, sup.Deadline, sup.Officer = last.Missing, last.ReplyBy, f.actorOf(dossier.RequestSupplement)
		f.header.Date = last.RequestedAt
	case d.Guidance != nil:
		sup.Missing, sup.Officer = d.Guidance.Missing, f.actorOf(dossier.Guide)
		f.header.Date = d.Guidance.At
	default:
		return nil, notYet("02", "hồ sơ chưa có yêu cầu bổ sung", "no supplement was requested")
	}
	if e := f.lastEvent(dossier.RequestSupplement); e != nil {
		sup.Reason = e.Note
	}
	return pdf.Form02(f.header, sup)
}

func form03(f *dossierForms) ([]byte, error) {
	d := f.d
	if d.Closure == nil || d.Closure.Action != dossier.Refuse {
		return nil, notYet("03", "hồ sơ không bị từ chối tiếp nhận", "the dossier was not refused")
	}
	f.header.Date = d.Closure.At
	return pdf.Form03(f.header, pdf.Refusal{Code: d.Code, Applicant: f.applicant(), Procedure: d.ProcedureName,
		ReceivedAt: d.Closure.At, Reasons: []string{d.Closure.Reason}, Officer: f.actorOf(dossier.Refuse)})
}

func form04(f *dossierForms) ([]byte, error) {
	d := f.d
	if d.Apology == nil {
		return nil, notYet("04", "hồ sơ chưa có thư xin lỗi", "there is no apology")
	}
	f.header.Date = d.Apology.At
	return pdf.Form04(f.header, pdf.Apology{Code: d.Code, Applicant: f.applicant(), Procedure: d.ProcedureName,
		ReceivedAt: d.ReceivedAt, OldAppointment: d.Apology.Previous, NewAppointment: d.Apology.New,
		Reason: d.Apology.Reason, Signer: pdf.Signer{Name: f.actorOf(dossier.Apologize)}})
}

func form05(f *dossierForms) ([]byte, error) {
	d := f.d
	if d.Closure == nil || d.Closure.Action != dossier.Stop {
		return nil, notYet("05", "hồ sơ không bị dừng xử lý", "processing was not stopped")
	}
	f.header.Date, f.header.Number = d.Closure.At, d.Closure.Notice
	return pdf.Form05(f.header, pdf.Stop{Code: d.Code, Applicant: f.applicant(), Procedure: d.ProcedureName,
		ReceivedAt: d.ReceivedAt, Reason: d.Closure.Reason, Signer: pdf.Signer{Name: f.actorOf(dossier.Stop)}})
}
