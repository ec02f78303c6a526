package web

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/motcua/motcua"
	"github.com/motcua/motcua/dossier"
)

// applicantMove takes one move from a form of the dossier page and goes back to the page,
// or shows it again with the problem.
func (s *Server) applicantMove(w http.ResponseWriter, r *http.Request, id int64, cmd dossier.Command,
	done string, inputs map[string]string) {
	if _, _, err := s.moveDossier(r, id, cmd); err != nil {
		s.myDossierProblem(w, r, id, err, inputs)
		return
	}
	http.Redirect(w, r, fmt.Sprintf("/my/dossiers/%d?done=%s", id, done), http.StatusSeeOther)
}

// mySupplement answers a supplement request with the files uploaded since it was made.
func (s *Server) mySupplement(w http.ResponseWriter, r *http.Request) {
	d, err := s.visibleDossier(r)
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	m, err := s.myDossierData(r, d)
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	if m.CanSupplement && len(m.Answered) == 0 {
		s.myDossierProblem(w, r, d.ID, motcua.Invalid("file",
			"Cần tải lên ít nhất một tệp bổ sung trước khi gửi.", "Upload at least one file before sending the supplement."),
			map[string]string{"file": "supplement-file"})
		return
	}
	cmd := dossier.Command{Action: dossier.SupplementAction, Note: strings.TrimSpace(r.PostFormValue("note"))}
	for _, doc := range m.Answered {
		cmd.Attachments = append(cmd.Attachments, doc.SHA256)
	}
	s.applicantMove(w, r, d.ID, cmd, "supplemented", nil)
}

// myPay records the payment of the fees asked for. Real payment gateways are out of scope:
// the page says so and records the method "online demo".
func (s *Server) myPay(w http.ResponseWriter, r *http.Request) {
	d, err := s.visibleDossier(r)
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	cmd := dossier.Command{Action: dossier.Pay, Method: "online demo",
		Reference: fmt.Sprintf("DEMO-%d-%d", d.ID, s.cfg.Now().Unix())}
	if d.Payment != nil {
		cmd.Amount = d.Payment.Amount
	}
	s.applicantMove(w, r, d.ID, cmd, "paid", nil)
}

// withdrawPage asks the applicant to confirm a withdrawal, which cannot be undone.
type withdrawPage struct {
	D       *dossier.Dossier
	Allowed bool
}

func (s *Server) myWithdrawPage(w http.ResponseWriter, r *http.Request) {
	d, err := s.visibleDossier(r)
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	allowed := false
	for _, a := range dossier.AllowedActions(d, actorOf(account(r))) {
		allowed = allowed || a == dossier.Withdraw
	}
	l := requestLang(r)
	s.render(w, r, http.StatusOK, "applicant_withdraw", l.S("Rút hồ sơ", "Withdraw the dossier"),
		withdrawPage{D: d, Allowed: allowed})
}

func (s *Server) myWithdraw(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "id")
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	cmd := dossier.Command{Action: dossier.Withdraw, Reason: strings.TrimSpace(r.PostFormValue("reason"))}
	s.applicantMove(w, r, id, cmd, "withdrawn", nil)
}

// ratingInputs maps the rating's field paths to the first input of their group.
var ratingInputs = map[string]string{
	"rating":                   "score-5",
	"rating.score":             "score-5",
	"rating.comment":           "comment",
	"rating.criteria.attitude": "c-attitude-5",
	"rating.criteria.time":     "c-time-5",
	"rating.criteria.guidance": "c-guidance-5",
}

// myRate records the applicant's one rating of a returned dossier.
func (s *Server) myRate(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "id")
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	rating := &dossier.Rating{Comment: r.PostFormValue("comment")}
	rating.Score, _ = strconv.Atoi(r.PostFormValue("score"))
	for _, c := range dossier.Criteria {
		if v, err := strconv.Atoi(r.PostFormValue("c_" + string(c))); err == nil {
			if rating.Criteria == nil {
				rating.Criteria = map[dossier.Criterion]int{}
			}
			rating.Criteria[c] = v
		}
	}
	if _, _, err := s.moveDossier(r, id, dossier.Command{Action: dossier.Rate, Rating: rating}); err != nil {
		s.myDossierProblem(w, r, id, err, ratingInputs, func(m *myDossier) {
			m.Score, m.Comment = rating.Score, rating.Comment
			for i, c := range m.Criteria {
				m.Criteria[i].Value = rating.Criteria[c.Key]
			}
		})
		return
	}
	http.Redirect(w, r, fmt.Sprintf("/my/dossiers/%d?done=rated", id), http.StatusSeeOther)
}
