package web

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/motcua/motcua"
	"github.com/motcua/motcua/catalog"
	"github.com/motcua/motcua/dossier"
)

// officeNewData is the counter filing page: find the procedure, then the applicant, the
// channel and the papers, received in one go.
type officeNewData struct {
	Q         string
	Hits      []catalog.Hit
	Procedure *catalog.Procedure
	Version   *catalog.Version
	Channels  []catalog.ChannelTerms // the counter and postal channels the version offers
	Types     []catalog.ApplicantType
	Form      map[string]string
	Errors    map[string]string // field → message in the page's language
	Error     string
	Inputs    []officeInput
}

// officeInput is one applicant field of the counter form.
type officeInput struct {
	Name, VI, EN, Type, Autocomplete string
	Value, Err                       string
}

// officeApplicantInputs are the applicant's inputs, named as the rules name their errors.
var officeApplicantInputs = []officeInput{
	{Name: "applicant.name", VI: "Họ tên người nộp", EN: "Applicant's name", Type: "text", Autocomplete: "name"},
	{Name: "applicant.id_number", VI: "Số CCCD (12 chữ số)", EN: "Citizen ID (12 digits)", Type: "text", Autocomplete: "off"},
	{Name: "applicant.organisation", VI: "Tên doanh nghiệp, tổ chức", EN: "Business or organisation", Type: "text", Autocomplete: "organization"},
	{Name: "applicant.tax_code", VI: "Mã số thuế (10 hoặc 13 chữ số)", EN: "Tax code (10 or 13 digits)", Type: "text", Autocomplete: "off"},
	{Name: "applicant.phone", VI: "Điện thoại di động", EN: "Mobile phone", Type: "tel", Autocomplete: "tel"},
	{Name: "applicant.email", VI: "Thư điện tử", EN: "Email", Type: "email", Autocomplete: "email"},
	{Name: "applicant.address", VI: "Địa chỉ", EN: "Address", Type: "text", Autocomplete: "street-address"},
}

func (s *Server) officeNewPage(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	data := &officeNewData{Q: strings.TrimSpace(q.Get("q")), Form: map[string]string{"key": deskFilingKey()}}
	if code := q.Get("procedure"); code != "" {
		if err := s.deskProcedure(r, data, code); err != nil {
			s.pageFail(w, r, err)
			return
		}
	}
	if data.Procedure == nil {
		data.Hits = s.catalog.index().Search(catalog.Query{Text: data.Q, Limit: 20}).Items
	}
	s.renderOfficeNew(w, r, http.StatusOK, data)
}

func (s *Server) renderOfficeNew(w http.ResponseWriter, r *http.Request, status int, data *officeNewData) {
	for _, in := range officeApplicantInputs {
		in.Value, in.Err = data.Form[in.Name], data.Errors[in.Name]
		data.Inputs = append(data.Inputs, in)
	}
	s.render(w, r, status, "office_new", requestLang(r).S("Tiếp nhận hồ sơ tại quầy", "File at the counter"), data)
}

// deskProcedure loads the procedure and what its version offers at the desk.
func (s *Server) deskProcedure(r *http.Request, data *officeNewData, code string) error {
	p, err := s.db.Procedure(r.Context(), code)
	if err != nil {
		return err
	}
	data.Procedure, data.Version = &p, p.Current(s.cfg.Now())
	if data.Version == nil {
		data.Error = requestLang(r).S("Thủ tục chưa công bố hoặc đã bãi bỏ.", "The procedure is not published or has been abolished.")
		return nil
	}
	for _, c := range data.Version.Channels {
		if c.Channel == catalog.ChannelCounter || c.Channel == catalog.ChannelPostal {
			data.Channels = append(data.Channels, c)
		}
	}
	data.Types = data.Version.ApplicantTypes
	if len(data.Types) == 0 {
		data.Types = []catalog.ApplicantType{catalog.Citizen, catalog.Business, catalog.StateAgency, catalog.Organisation}
	}
	return nil
}

// officeFileAtCounter files a walk-in or postal dossier, attaches the scanned papers and
// receives it at once, so the slip (form 01) can be printed. Every input and every file
// is checked before anything is stored; the idempotency key of the form makes a second
// click land on the same dossier.
func (s *Server) officeFileAtCounter(w http.ResponseWriter, r *http.Request) {
	l := requestLang(r)
	if r.MultipartForm == nil {
		if err := r.ParseMultipartForm(32 << 20); err != nil && !errors.Is(err, http.ErrNotMultipart) {
			s.pageError(w, r, http.StatusBadRequest)
			return
		}
	}
	data := &officeNewData{Form: map[string]string{}, Errors: map[string]string{}}
	for _, k := range []string{"procedure", "channel", "applicant_type", "summary", "area", "key"} {
		data.Form[k] = strings.TrimSpace(r.PostFormValue(k))
	}
	for _, in := range officeApplicantInputs {
		data.Form[in.Name] = strings.TrimSpace(r.PostFormValue(in.Name))
	}
	if err := s.deskProcedure(r, data, data.Form["procedure"]); errors.Is(err, motcua.ErrNotFound) {
		data.Error = l.S("Không có thủ tục này.", "No such procedure.")
		s.renderOfficeNew(w, r, http.StatusUnprocessableEntity, data)
		return
	} else if err != nil {
		s.pageFail(w, r, err)
		return
	}
	d, papers, err := s.counterDraft(r, data)
	if err != nil {
		p, ok := officeProblemOf(l, err)
		if !ok {
			s.pageFail(w, r, err)
			return
		}
		data.Errors, data.Error = p.Fields, p.Message
		s.renderOfficeNew(w, r, p.Status, data)
		return
	}
	id, existed, err := s.db.CreateDossierDraft(r.Context(), d, account(r).ID)
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	if d, err = s.db.Dossier(r.Context(), id); err != nil {
		s.pageFail(w, r, err)
		return
	}
	if !existed {
		for _, p := range papers {
			if _, err := s.storeDeskPaper(r, d, p); err != nil {
				s.pageFail(w, r, err)
				return
			}
		}
	}
	if d.Status == dossier.Draft {
		if _, _, err := s.moveDossier(r, id, dossier.Command{Action: dossier.Receive}); err != nil {
			if p, ok := officeProblemOf(l, err); ok {
				s.renderOfficeDossier(w, r, id, p.Status, "", &officeActionProblem{Action: dossier.Receive, officeProblem: p})
				return
			}
			s.pageFail(w, r, err)
			return
		}
	}
	http.Redirect(w, r, officeDossierPath(id)+"?done=receive", http.StatusSeeOther)
}

// counterDraft builds the draft and reads the papers; all problems come back together.
func (s *Server) counterDraft(r *http.Request, data *officeNewData) (*dossier.Dossier, []deskPaper, error) {
	f := data.Form
	var errs []error
	ch, _ := strconv.Atoi(f["channel"])
	if c := catalog.Channel(ch); c != catalog.ChannelCounter && c != catalog.ChannelPostal {
		errs = append(errs, motcua.Invalid("channel", "chọn nộp trực tiếp hoặc qua bưu chính", "choose the counter or the post"))
	}
	typ, _ := strconv.Atoi(f["applicant_type"])
	d, err := dossier.NewDraft(dossier.DraftInput{Procedure: data.Procedure, Channel: catalog.Channel(ch),
		ApplicantType: catalog.ApplicantType(typ), Applicant: dossier.Applicant{Name: f["applicant.name"],
			IDNumber: f["applicant.id_number"], Organisation: f["applicant.organisation"], TaxCode: f["applicant.tax_code"],
			Phone: f["applicant.phone"], Email: f["applicant.email"], Address: f["applicant.address"]},
		Area: f["area"], Summary: f["summary"], IdempotencyKey: f["key"]}, s.cfg.Now())
	if err != nil {
		errs = append(errs, err)
	}
	var papers []deskPaper
	if data.Version != nil {
		for i, doc := range data.Version.Documents {
			field := "doc_" + strconv.Itoa(i)
			if fh := deskFormFile(r, field); fh != nil {
				p, err := s.readDeskPaper(fh, field)
				p.Slot, p.SlotName = i, doc.Name
				errs, papers = appendDeskPaper(errs, papers, p, err)
			}
		}
	}
	if fh := deskFormFile(r, "doc_other"); fh != nil {
		p, err := s.readDeskPaper(fh, "doc_other")
		p.SlotName = "Giấy tờ khác"
		errs, papers = appendDeskPaper(errs, papers, p, err)
	}
	return d, papers, errors.Join(errs...)
}

func appendDeskPaper(errs []error, papers []deskPaper, p deskPaper, err error) ([]error, []deskPaper) {
	if err != nil {
		return append(errs, err), papers
	}
	return errs, append(papers, p)
}

// deskFilingKey is the idempotency key of one counter form.
func deskFilingKey() string {
	b := make([]byte, 12)
	rand.Read(b)
	return hex.EncodeToString(b)
}
