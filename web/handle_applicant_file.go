package web

import (
	"crypto/rand"
	"encoding/base64"
	"fmt"
	"net/http"
	"strings"

	"github.com/motcua/motcua/catalog"
	"github.com/motcua/motcua/dossier"
	"github.com/motcua/motcua/org"
)

// fileForm is step 1 of the filing wizard: who files, what for, and through which channel.
type fileForm struct {
	Procedure catalog.Procedure
	Version   *catalog.Version
	Online    *catalog.ChannelTerms // nil when the procedure is not filed online
	Business  bool
	Applicant dossier.Applicant
	Summary   string
	// Key makes a second press of the button (or a reload of the POST) land on the draft
	// the first one created.
	Key    string
	Same   sameProcedure
	Issues formIssues
}

// fileInputs maps the domain's field paths to the inputs of step 1.
var fileInputs = map[string]string{
	"applicant.name": "name", "applicant.id_number": "id_number", "applicant.tax_code": "tax_code",
	"applicant.organisation": "organisation", "applicant.phone": "phone", "applicant.email": "email",
	"summary": "summary", "channel": "channel",
}

// onlineTerms is the online channel of the version in force, or nil.
func onlineTerms(v *catalog.Version) *catalog.ChannelTerms {
	if v == nil {
		return nil
	}
	for i := range v.Channels {
		if v.Channels[i].Channel == catalog.ChannelOnline && !v.Channels[i].Time.IsZero() {
			return &v.Channels[i]
		}
	}
	return nil
}

func applicantTypeOf(a *org.Account) catalog.ApplicantType {
	if a.Role == org.RoleBusiness {
		return catalog.Business
	}
	return catalog.Citizen
}

// newFileForm loads the procedure of the {code} path value; the form is prefilled from the
// account so nobody types again what the system knows.
func (s *Server) newFileForm(r *http.Request) (*fileForm, error) {
	p, err := s.loadProcedure(r)
	if err != nil {
		return nil, err
	}
	a := account(r)
	f := &fileForm{Procedure: p, Version: p.Current(s.cfg.Now()), Business: a.Role == org.RoleBusiness}
	f.Online = onlineTerms(f.Version)
	if f.Version == nil {
		f.Version = p.Latest()
	}
	f.Applicant = dossier.Applicant{Name: a.DisplayName, Phone: a.Phone, Email: a.Email}
	if f.Business {
		f.Applicant.Organisation, f.Applicant.TaxCode = a.DisplayName, a.IDNumber
	} else {
		f.Applicant.IDNumber = a.IDNumber
	}
	f.Same, err = s.sameProcedure(r.Context(), a.ID, p.Code, 0)
	return f, err
}

func (s *Server) fileStartPage(w http.ResponseWriter, r *http.Request) {
	f, err := s.newFileForm(r)
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	f.Key = newIdempotencyKey()
	s.renderFileForm(w, r, http.StatusOK, f)
}

func (s *Server) renderFileForm(w http.ResponseWriter, r *http.Request, status int, f *fileForm) {
	l := requestLang(r)
	title := l.S("Nộp hồ sơ trực tuyến", "File online")
	if f.Version != nil {
		title += " — " + f.Version.Name
	}
	s.render(w, r, status, "applicant_file", title, f)
}

// fileStart creates the draft from step 1 and goes on to the uploads. The same key twice
// (a double click, a reload) gives the same draft.
func (s *Server) fileStart(w http.ResponseWriter, r *http.Request) {
	f, err := s.newFileForm(r)
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	a, l := account(r), requestLang(r)
	f.Key = strings.TrimSpace(r.PostFormValue("idempotency_key"))
	if f.Key == "" || len(f.Key) > 200 {
		f.Key = newIdempotencyKey()
	}
	f.Applicant = dossier.Applicant{Name: r.PostFormValue("name"), Phone: r.PostFormValue("phone"),
		Email: r.PostFormValue("email"), Address: r.PostFormValue("address")}
	if f.Business {
		f.Applicant.Organisation, f.Applicant.TaxCode = r.PostFormValue("organisation"), r.PostFormValue("tax_code")
	} else {
		f.Applicant.IDNumber = r.PostFormValue("id_number")
	}
	f.Summary = strings.TrimSpace(r.PostFormValue("summary"))
	if f.Online == nil {
		f.Issues = formIssues{{Field: "channel", Message: l.S("Thủ tục này không nộp trực tuyến.",
			"This procedure cannot be filed online.")}}
		s.renderFileForm(w, r, http.StatusConflict, f)
		return
	}
	d, err := dossier.NewDraft(dossier.DraftInput{Procedure: &f.Procedure, Channel: catalog.ChannelOnline,
		ApplicantType: applicantTypeOf(a), Applicant: f.Applicant, Summary: f.Summary, OwnerAccountID: a.ID,
		IdempotencyKey: f.Key}, s.cfg.Now())
	if err != nil {
		issues, status := issuesOf(l, err, fileInputs)
		if status == 0 {
			s.pageFail(w, r, err)
			return
		}
		f.Issues = issues
		s.renderFileForm(w, r, status, f)
		return
	}
	id, _, err := s.db.CreateDossierDraft(r.Context(), d, a.ID)
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	http.Redirect(w, r, fmt.Sprintf("/my/dossiers/%d/documents", id), http.StatusSeeOther)
}

func newIdempotencyKey() string {
	raw := make([]byte, 18)
	rand.Read(raw)
	return "web-" + base64.RawURLEncoding.EncodeToString(raw)
}
