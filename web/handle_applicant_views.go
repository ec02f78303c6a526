package web

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/motcua/motcua/catalog"
	"github.com/motcua/motcua/dossier"
	"github.com/motcua/motcua/sqlstore"
)

// docView is an uploaded file as the applicant's pages list it: enough to recognise it
// (name, size, the start of its SHA-256) and a link to download it.
type docView struct {
	ID       int64
	Filename string
	SlotName string
	Size     string
	SHA256   string
	Short    string
	At       time.Time
	URL      string
}

func viewDoc(doc sqlstore.Document) docView {
	return docView{ID: doc.ID, Filename: doc.Filename, SlotName: doc.SlotName, Size: byteSize(doc.Size),
		SHA256: doc.SHA256, Short: doc.SHA256[:min(12, len(doc.SHA256))], At: doc.UploadedAt,
		URL: fmt.Sprintf("/api/v1/dossiers/%d/documents/%d", doc.DossierID, doc.ID)}
}

// byteSize prints a size the way people read it: "850 B", "12,4 KB", "3,1 MB".
func byteSize(n int64) string {
	switch {
	case n < 1024:
		return fmt.Sprintf("%d B", n)
	case n < 1024*1024:
		return strings.Replace(fmt.Sprintf("%.1f KB", float64(n)/1024), ".", ",", 1)
	}
	return strings.Replace(fmt.Sprintf("%.1f MB", float64(n)/(1024*1024)), ".", ",", 1)
}

// slotView is one required paper of the pinned procedure version with the files uploaded
// for it.
type slotView struct {
	Index     int
	Name      string
	Optional  bool
	Originals int
	Copies    int
	Template  string
	Files     []docView
	Error     string // the last upload to this slot failed
	Uploaded  string // the last upload to this slot succeeded: its file name
}

// slotsOf lays the dossier's documents out by the required papers of version v; files
// not tied to a slot come back separately.
func slotsOf(v *catalog.Version, docs []sqlstore.Document) (slots []slotView, other []docView) {
	if v != nil {
		for i, d := range v.Documents {
			slots = append(slots, slotView{Index: i, Name: d.Name, Optional: d.Optional, Originals: d.Originals,
				Copies: d.Copies, Template: d.Template})
		}
	}
	for _, doc := range docs {
		if doc.Slot >= 0 && doc.Slot < len(slots) {
			slots[doc.Slot].Files = append(slots[doc.Slot].Files, viewDoc(doc))
			continue
		}
		other = append(other, viewDoc(doc))
	}
	return slots, other
}

// missingSlots names the required papers that have no file yet.
func missingSlots(slots []slotView) []string {
	var out []string
	for _, s := range slots {
		if !s.Optional && len(s.Files) == 0 {
			out = append(out, s.Name)
		}
	}
	return out
}

// attention is the one thing the applicant is asked to do now, if any: the badge of a
// dossier in the lists and the heading of its page.
type attention struct {
	Key    string // supplement, completion, payment, result, rating
	VI, EN string
}

func attentionOf(d *dossier.Dossier) *attention {
	switch {
	case d.Status == dossier.Receiving && d.AwaitingCompletion:
		return &attention{"completion", "Cần hoàn thiện hồ sơ", "Completion requested"}
	case d.Status == dossier.Waiting:
		return &attention{"supplement", "Cần bổ sung giấy tờ", "Supplement requested"}
	case d.Status == dossier.Paying:
		return &attention{"payment", "Cần thanh toán phí, lệ phí", "Payment requested"}
	case d.Status == dossier.Releasing:
		return &attention{"result", "Đã có kết quả", "Result ready"}
	case d.Status == dossier.Done && d.Rating == nil:
		return &attention{"rating", "Mời đánh giá", "Please rate the service"}
	}
	return nil
}

// appointmentView is an earlier appointment and why it moved.
type appointmentView struct {
	At, ReplacedAt time.Time
	VI, EN         string
}

func previousAppointments(d *dossier.Dossier) []appointmentView {
	var out []appointmentView
	for _, a := range d.Appointments {
		v := appointmentView{At: a.At, ReplacedAt: a.ReplacedAt}
		switch a.Cause {
		case dossier.SupplementAction:
			v.VI = "Dời theo thời gian tạm dừng chờ bổ sung hồ sơ"
			v.EN = "Moved by the time the clock was stopped for the supplement"
		case dossier.Apologize:
			v.VI, v.EN = "Thư xin lỗi và hẹn lại ngày trả", "Letter of apology with a new date"
			if d.Apology != nil && d.Apology.Reason != "" {
				v.VI += ": " + d.Apology.Reason
				v.EN += ": " + d.Apology.Reason
			}
		default:
			v.VI, v.EN = a.Cause.Label(), a.Cause.LabelEN()
		}
		out = append(out, v)
	}
	return out
}

// publicTimeline is the history as anyone holding the dossier's secret may read it: what
// happened and when, without who did it or their notes.
func publicTimeline(events []dossier.Event) []trackEntry {
	out := make([]trackEntry, 0, len(events))
	for _, e := range events {
		out = append(out, trackEntry{At: e.At, Action: e.Action, Label: e.Action.Label(),
			LabelEN: e.Action.LabelEN(), Status: e.To})
	}
	return out
}

// openStatuses are the statuses of a dossier still in the agency's hands; filing the same
// procedure again while one is open is probably a mistake.
var openStatuses = []dossier.Status{dossier.Receiving, dossier.New, dossier.Processing, dossier.Waiting,
	dossier.Paying, dossier.Releasing}

// sameProcedure lists the applicant's other drafts and open dossiers of one procedure.
type sameProcedure struct {
	Open   []sqlstore.DossierRow
	Drafts []sqlstore.DossierRow
}

func (s *Server) sameProcedure(ctx context.Context, owner int64, code string, except int64) (sameProcedure, error) {
	rows, _, err := s.db.ListDossiers(ctx, sqlstore.DossierFilter{OwnerID: owner, WithDrafts: true,
		ProcedureCode: code, Statuses: append([]dossier.Status{dossier.Draft}, openStatuses...), Limit: 20})
	var out sameProcedure
	for _, row := range rows {
		switch {
		case row.ID == except:
		case row.Status == dossier.Draft:
			out.Drafts = append(out.Drafts, row)
		case slices.Contains(openStatuses, row.Status):
			out.Open = append(out.Open, row)
		}
	}
	return out, err
}
