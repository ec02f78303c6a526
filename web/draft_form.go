package web

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/motcua/motcua/calendar"
	"github.com/motcua/motcua/catalog"
	"github.com/motcua/motcua/textfold"
)

// The draft editor keeps lists in plain text areas, one item a line and parts separated by
// "|", so a catalog administrator can paste from the published decision. These functions
// turn a version into that form and back, naming the field and line of every mistake.

type draftForm map[string]string

func versionForm(v catalog.Version) draftForm {
	f := draftForm{
		"name": v.Name, "field_code": v.Field.Code, "field_name": v.Field.Name, "level": string(v.Level),
		"agency": v.Agency, "competent_authority": v.CompetentAuthority, "type": v.Type,
		"online_level": string(v.OnlineLevel), "conditions": v.Conditions, "result_name": v.Result.Name,
		"result_validity": v.Result.Validity, "decision": v.Decision, "source": v.Source,
		"steps": strings.Join(v.Steps, "\n"), "legal_basis": strings.Join(v.LegalBasis, "\n"),
		"sample": strings.Join(v.Sample, ", "),
	}
	if v.Sets > 0 {
		f["sets"] = strconv.Itoa(v.Sets)
	}
	if !v.SupplementWithin.IsZero() {
		f["supplement_within"] = v.SupplementWithin.String()
	}
	if !v.ReplyWithin.IsZero() {
		f["reply_within"] = v.ReplyWithin.String()
	}
	var types []string
	for _, t := range v.ApplicantTypes {
		types = append(types, strconv.Itoa(int(t)))
	}
	f["applicant_types"] = strings.Join(types, ",")
	var ch, fees, docs, steps []string
	for _, c := range v.Channels {
		ch = append(ch, fmt.Sprintf("%d | %s | %s", c.Channel, c.Time, c.Note))
		for _, fee := range c.Fees {
			to := ""
			if fee.EffectiveTo != nil {
				to = fee.EffectiveTo.String()
			}
			fees = append(fees, fmt.Sprintf("%d | %s | %d | %s | %s | %d | %s", c.Channel, fee.Name, fee.Amount,
				fee.EffectiveFrom, to, fee.ApplicantType, fee.Area))
		}
	}
	for _, d := range v.Documents {
		opt := ""
		if d.Optional {
			opt = "x"
		}
		docs = append(docs, fmt.Sprintf("%s | %d | %d | %s | %s", d.Name, d.Originals, d.Copies, d.Template, opt))
	}
	for _, s := range v.InternalSteps {
		steps = append(steps, fmt.Sprintf("%s | %s | %s | %s", s.Name, s.UnitCode, s.Role,
			strconv.FormatFloat(s.NormHours, 'f', -1, 64)))
	}
	f["channels"], f["fees"], f["documents"], f["internal_steps"] = strings.Join(ch, "\n"),
		strings.Join(fees, "\n"), strings.Join(docs, "\n"), strings.Join(steps, "\n")
	return f
}

func formFromRequest(r *http.Request) draftForm {
	f := draftForm{}
	for _, k := range []string{"name", "field_code", "field_name", "level", "agency", "competent_authority", "type",
		"online_level", "conditions", "result_name", "result_validity", "decision", "source", "steps",
		"legal_basis", "sets", "supplement_within", "reply_within", "channels", "fees", "documents",
		"internal_steps", "sample"} {
		f[k] = strings.TrimSpace(strings.ReplaceAll(r.PostFormValue(k), "\r\n", "\n"))
	}
	f["applicant_types"] = strings.Join(r.PostForm["applicant_types"], ",")
	return f
}

// formErrors collects mistakes in the form itself, before the version's own validation.
type formErrors = catalog.ValidationErrors

func lines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

func parts(line string, n int) []string {
	p := strings.Split(line, "|")
	for i := range p {
		p[i] = strings.TrimSpace(p[i])
	}
	for len(p) < n {
		p = append(p, "")
	}
	return p
}

func (f draftForm) version() (catalog.Version, formErrors) {
	var es formErrors
	bad := func(path, vi, en string) { es = append(es, catalog.FieldError{Path: path, Vi: vi, En: en}) }
	v := catalog.Version{
		Name: f["name"], Field: catalog.Field{Code: f["field_code"], Name: f["field_name"]},
		Level: catalog.Level(f["level"]), Agency: f["agency"], CompetentAuthority: f["competent_authority"],
		Type: f["type"], OnlineLevel: catalog.OnlineLevel(f["online_level"]), Conditions: f["conditions"],
		Result: catalog.Result{Name: f["result_name"], Validity: f["result_validity"]}, Decision: f["decision"],
		Source: f["source"], Steps: lines(f["steps"]), LegalBasis: lines(f["legal_basis"]),
	}
	for _, s := range strings.Split(f["sample"], ",") {
		if s = strings.TrimSpace(s); s != "" {
			v.Sample = append(v.Sample, s)
		}
	}
	if f["sets"] != "" {
		n, err := strconv.Atoi(f["sets"])
		if err != nil || n < 0 {
			bad("sets", "số bộ hồ sơ phải là số nguyên không âm", "number of sets must be a whole number")
		}
		v.Sets = n
	}
	for _, k := range []string{"supplement_within", "reply_within"} {
		if f[k] == "" {
			continue
		}
		sp, err := calendar.ParseSpan(f[k])
		if err != nil {
			bad(k, "thời hạn phải có dạng 3d, 4h hoặc 30cd", "duration must look like 3d, 4h or 30cd")
		}
		if k == "supplement_within" {
			v.SupplementWithin = sp
		} else {
			v.ReplyWithin = sp
		}
	}
	for _, t := range strings.Split(f["applicant_types"], ",") {
		if n, err := strconv.Atoi(t); err == nil {
			v.ApplicantTypes = append(v.ApplicantTypes, catalog.ApplicantType(n))
		}
	}
	for i, l := range lines(f["channels"]) {
		p := parts(l, 3)
		path := fmt.Sprintf("channels (dòng/line %d)", i+1)
		ch, err := strconv.Atoi(p[0])
		sp, err2 := calendar.ParseSpan(p[1])
		if err != nil || err2 != nil {
			bad(path, "cần dạng: kênh (1, 2, 3) | thời hạn (15d) | ghi chú", "want: channel (1, 2, 3) | time (15d) | note")
			continue
		}
		v.Channels = append(v.Channels, catalog.ChannelTerms{Channel: catalog.Channel(ch), Time: sp, Note: p[2]})
	}
	for i, l := range lines(f["fees"]) {
		p := parts(l, 7)
		path := fmt.Sprintf("fees (dòng/line %d)", i+1)
		ch, err1 := strconv.Atoi(p[0])
		amount, err2 := strconv.ParseInt(strings.ReplaceAll(p[2], ".", ""), 10, 64)
		from, err3 := calendar.ParseDate(p[3])
		fee := catalog.Fee{Name: p[1], Amount: amount, EffectiveFrom: from, Area: p[6]}
		var err4, err5 error
		if p[4] != "" {
			to, err := calendar.ParseDate(p[4])
			fee.EffectiveTo, err4 = &to, err
		}
		if p[5] != "" {
			var t int
			t, err5 = strconv.Atoi(p[5])
			fee.ApplicantType = catalog.ApplicantType(t)
		}
		if err1 != nil || err2 != nil || err3 != nil || err4 != nil || err5 != nil {
			bad(path, "cần dạng: kênh | tên phí | số tiền | từ ngày (YYYY-MM-DD) | đến ngày | đối tượng | địa bàn",
				"want: channel | fee name | amount | from (YYYY-MM-DD) | to | applicant type | area")
			continue
		}
		found := false
		for j := range v.Channels {
			if int(v.Channels[j].Channel) == ch {
				v.Channels[j].Fees = append(v.Channels[j].Fees, fee)
				found = true
			}
		}
		if !found {
			bad(path, "phí thuộc một kênh chưa khai báo", "fee belongs to a channel that is not listed")
		}
	}
	for i, l := range lines(f["documents"]) {
		p := parts(l, 5)
		o, err1 := strconv.Atoi(p[1])
		c, err2 := strconv.Atoi(p[2])
		if p[0] == "" || err1 != nil || err2 != nil {
			bad(fmt.Sprintf("documents (dòng/line %d)", i+1), "cần dạng: tên | số bản chính | số bản sao | mẫu | x nếu không bắt buộc",
				"want: name | originals | copies | template | x if optional")
			continue
		}
		v.Documents = append(v.Documents, catalog.Document{Name: p[0], Originals: o, Copies: c, Template: p[3], Optional: p[4] != ""})
	}
	for i, l := range lines(f["internal_steps"]) {
		p := parts(l, 4)
		h, err := strconv.ParseFloat(p[3], 64)
		if p[0] == "" || err != nil {
			bad(fmt.Sprintf("internal_steps (dòng/line %d)", i+1), "cần dạng: tên bước | đơn vị | vai trò | số giờ",
				"want: step name | unit | role | hours")
			continue
		}
		v.InternalSteps = append(v.InternalSteps, catalog.InternalStep{Name: p[0], UnitCode: p[1], Role: p[2], NormHours: h})
	}
	return v, es
}

// foldForFilter is the admin list's simple filter: case and diacritics ignored.
func foldForFilter(s string) string { return textfold.Fold(s) }
