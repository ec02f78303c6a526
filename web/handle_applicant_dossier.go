package web

import (
	"fmt"
	"net/http"
	"slices"
	"time"

	"github.com/motcua/motcua/dossier"
	"github.com/motcua/motcua/sqlstore"
)

// myDossier is the applicant's page of one dossier: where it stands, what they are asked to
// do (complete, supplement, pay, rate), the papers the agency issued, and the history.
type myDossier struct {
	D         *dossier.Dossier
	Attention *attention
	Progress  dossier.Progress
	Previous  []appointmentView

	CanResubmit, CanSupplement, CanPay, CanWithdraw, CanRate bool

	// Missing is what the desk or the processing unit asked for; Answered the files
	// uploaded since they asked, which "Đã bổ sung" sends with the answer.
	Missing  []string
	ReplyBy  time.Time
	Answered []docView

	Documents  []docView
	ResultDocs []docView
	Forms      []formLink
	Timeline   []trackEntry
	Criteria   []criterionView
	MaxMiB     int64

	Done string // what the last action did, in the page's language
	// Issues are why the last action failed, shown at the top with links to the fields.
	Issues  formIssues
	Comment string // the rating comment to show again after a mistake
	Score   int

	UploadError, Uploaded, Live string
}

// Scale is the rating scale, best first.
func (m *myDossier) Scale() []int { return []int{5, 4, 3, 2, 1} }

// criterionView is one rated aspect as the rating form shows it.
type criterionView struct {
	Key    dossier.Criterion
	VI, EN string
	Value  int
}

var criterionEN = map[dossier.Criterion]string{
	dossier.CriterionAttitude: "Staff attitude",
	dossier.CriterionTime:     "Processing time",
	dossier.CriterionGuidance: "Guidance and explanations",
}

func (s *Server) myDossierData(r *http.Request, d *dossier.Dossier) (*myDossier, error) {
	events, docs, err := s.dossierRecords(r, d.ID)
	if err != nil {
		return nil, err
	}
	m := &myDossier{D: d, Attention: attentionOf(d), Previous: previousAppointments(d),
		Progress: dossier.Track(d, s.workCalendar(), s.cfg.Now()), Timeline: publicTimeline(events), MaxMiB: s.maxMiB()}
	m.allow(dossier.AllowedActions(d, actorOf(account(r))))
	m.placeDocuments(docs, resultHashes(events))
	m.Forms = formsOf(d)
	for _, c := range dossier.Criteria {
		m.Criteria = append(m.Criteria, criterionView{Key: c, VI: c.Label(), EN: criterionEN[c]})
	}
	return m, nil
}

// allow turns the moves the applicant may make into the forms the page shows.
func (m *myDossier) allow(actions []dossier.Action) {
	for _, a := range actions {
		switch a {
		case dossier.Submit:
			m.CanResubmit = m.D.Status == dossier.Receiving
		case dossier.SupplementAction:
			m.CanSupplement = true
		case dossier.Pay:
			m.CanPay = true
		case dossier.Withdraw:
			m.CanWithdraw = true
		case dossier.Rate:
			m.CanRate = true
		}
	}
}

// placeDocuments lists the files, and picks out those that answer the open request for
// papers and those issued as the result.
func (m *myDossier) placeDocuments(docs []sqlstore.Document, results []string) {
	d := m.D
	asked := time.Time{}
	switch {
	case d.Status == dossier.Waiting && len(d.Supplements) > 0:
		last := d.Supplements[len(d.Supplements)-1]
		m.Missing, m.ReplyBy, asked = last.Missing, last.ReplyBy, last.RequestedAt
	case m.CanResubmit && d.Guidance != nil:
		m.Missing, asked = d.Guidance.Missing, d.Guidance.At
	}
	for _, doc := range docs {
		v := viewDoc(doc)
		m.Documents = append(m.Documents, v)
		if !asked.IsZero() && doc.UploadedBy == d.OwnerAccountID && answers(doc, asked, m.Missing) {
			m.Answered = append(m.Answered, v)
		}
		if slices.Contains(results, doc.SHA256) {
			m.ResultDocs = append(m.ResultDocs, v)
		}
	}
}

// doneMessages confirm the last action after its redirect; only these keys are shown, so a
// link cannot put words on the page.
var doneMessages = map[string][2]string{
	"submitted": {"Đã nộp hồ sơ. Bộ phận Một cửa sẽ kiểm tra và tiếp nhận; bạn sẽ nhận thư điện tử khi hồ sơ được tiếp nhận.",
		"Your dossier was submitted. The one-stop desk will check and receive it; you will get an email when it is received."},
	"resubmitted":  {"Đã gửi lại hồ sơ đã hoàn thiện.", "The completed dossier was sent back."},
	"supplemented": {"Đã gửi giấy tờ bổ sung. Thời hạn giải quyết tiếp tục được tính.", "The supplement was sent. The processing clock runs again."},
	"paid":         {"Đã ghi nhận thanh toán.", "The payment was recorded."},
	"withdrawn":    {"Đã rút hồ sơ.", "The dossier was withdrawn."},
	"rated":        {"Cảm ơn bạn đã đánh giá.", "Thank you for your rating."},
}

// myDossierPage shows a dossier to its owner; a draft resumes the wizard at the first
// step not yet done.
func (s *Server) myDossierPage(w http.ResponseWriter, r *http.Request) {
	d, err := s.visibleDossier(r)
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	if d.Status == dossier.Draft {
		p, err := s.docsPage(r, d)
		if err != nil {
			s.pageFail(w, r, err)
			return
		}
		step := "review"
		if len(missingSlots(p.Slots)) > 0 {
			step = "documents"
		}
		http.Redirect(w, r, fmt.Sprintf("/my/dossiers/%d/%s", d.ID, step), http.StatusSeeOther)
		return
	}
	m, err := s.myDossierData(r, d)
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	if msg, ok := doneMessages[r.URL.Query().Get("done")]; ok {
		m.Done = requestLang(r).S(msg[0], msg[1])
	}
	s.renderMyDossier(w, r, http.StatusOK, m)
}

func (s *Server) renderMyDossier(w http.ResponseWriter, r *http.Request, status int, m *myDossier) {
	l := requestLang(r)
	title := l.S("Hồ sơ", "Dossier")
	if m.D.Code != "" {
		title += " " + m.D.Code
	}
	s.render(w, r, status, "applicant_dossier", title, m)
}

// myDossierProblem shows the dossier page again with what went wrong; errors that are not
// the applicant's get the error page. keep puts back what the person typed.
func (s *Server) myDossierProblem(w http.ResponseWriter, r *http.Request, id int64, err error,
	inputs map[string]string, keep ...func(*myDossier)) {
	issues, status := issuesOf(requestLang(r), err, inputs)
	if status == 0 {
		s.pageFail(w, r, err)
		return
	}
	d, err := s.db.Dossier(r.Context(), id)
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	m, err := s.myDossierData(r, d)
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	m.Issues = issues
	for _, k := range keep {
		k(m)
	}
	s.renderMyDossier(w, r, status, m)
}
