package pdf

// Applicant is the citizen or organisation whose dossier it is (tổ chức, cá nhân).
type Applicant struct {
	Name    string
	Address string
	Phone   string
	Email   string
}

// applicant prints the applicant's lines under the given opening label.
func (d *document) applicant(label string, a Applicant) {
	d.field(label, a.Name)
	d.field("Địa chỉ", a.Address)
	d.fields("Số điện thoại", a.Phone, "Email", a.Email)
}
