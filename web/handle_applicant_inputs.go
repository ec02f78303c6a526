package web

// inputView is one text input of a page form, with its labels in both languages.
type inputView struct {
	Name, VI, EN       string
	HintVI, HintEN     string
	Value, Error       string
	Type, Autocomplete string
	InputMode          string
	Required, Optional bool
}

// Inputs are the applicant's fields of step 1, each with its value and its problem.
func (f *fileForm) Inputs() []inputView {
	a, is := f.Applicant, f.Issues
	in := func(name, vi, en, value string) inputView {
		return inputView{Name: name, VI: vi, EN: en, Value: value, Error: is.For("applicant." + name),
			Type: "text", Required: true}
	}
	var out []inputView
	if f.Business {
		org := in("organisation", "Tên doanh nghiệp", "Business name", a.Organisation)
		org.Autocomplete = "organization"
		tax := in("tax_code", "Mã số thuế", "Tax code", a.TaxCode)
		tax.InputMode = "numeric"
		rep := in("name", "Họ tên người đại diện", "Representative's full name", a.Name)
		rep.Autocomplete = "name"
		out = append(out, org, tax, rep)
	} else {
		name := in("name", "Họ và tên", "Full name", a.Name)
		name.Autocomplete = "name"
		id := in("id_number", "Số CCCD (12 chữ số)", "Citizen ID number (12 digits)", a.IDNumber)
		id.InputMode = "numeric"
		out = append(out, name, id)
	}
	phone := in("phone", "Số điện thoại", "Phone", a.Phone)
	phone.Type, phone.Autocomplete, phone.Required = "tel", "tel", false
	phone.HintVI = "Cần số điện thoại hoặc thư điện tử để liên hệ. Số điện thoại cũng dùng để tra cứu hồ sơ."
	phone.HintEN = "A phone number or an email is needed for contact. The phone number also unlocks tracking."
	email := in("email", "Thư điện tử", "Email", a.Email)
	email.Type, email.Autocomplete, email.Required = "email", "email", false
	addr := in("address", "Địa chỉ", "Address", a.Address)
	addr.Autocomplete, addr.Required, addr.Optional = "street-address", false, true
	return append(out, phone, email, addr)
}
