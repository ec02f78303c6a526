package dossier

import (
	"errors"
	"strings"

	"github.com/motcua/motcua/catalog"
)

// Applicant is the owner of the dossier (chủ hồ sơ) as written on the application.
type Applicant struct {
	Name         string `json:"name"`
	IDNumber     string `json:"id_number,omitempty"` // CCCD of a citizen
	Phone        string `json:"phone,omitempty"`
	Email        string `json:"email,omitempty"`
	Address      string `json:"address,omitempty"`
	Organisation string `json:"organisation,omitempty"`
	TaxCode      string `json:"tax_code,omitempty"`
}

// Normalize trims the fields and puts phone and tax code in their canonical form.
func (a Applicant) Normalize() Applicant {
	a.Name = strings.Join(strings.Fields(a.Name), " ")
	a.IDNumber = strings.ReplaceAll(strings.TrimSpace(a.IDNumber), " ", "")
	a.Phone = NormalizePhone(strings.TrimSpace(a.Phone))
	a.Email = strings.ToLower(strings.TrimSpace(a.Email))
	a.Address = strings.TrimSpace(a.Address)
	a.Organisation = strings.Join(strings.Fields(a.Organisation), " ")
	a.TaxCode = NormalizeTaxCode(strings.TrimSpace(a.TaxCode))
	return a
}

// Validate checks a normalized applicant of type t and returns every problem found,
// joined, each naming its field under "applicant.".
func (a Applicant) Validate(t catalog.ApplicantType) error {
	var errs []error
	add := func(err error) {
		if err != nil {
			errs = append(errs, err)
		}
	}
	if a.Name == "" {
		add(invalid("applicant.name", "họ tên người nộp hồ sơ bắt buộc", "applicant name is required"))
	}
	switch t {
	case catalog.Citizen:
		if a.IDNumber == "" {
			add(invalid("applicant.id_number", "số CCCD bắt buộc", "citizen ID is required"))
		} else {
			add(ValidateCitizenID("applicant.id_number", a.IDNumber))
		}
	case catalog.Business:
		if a.Organisation == "" {
			add(invalid("applicant.organisation", "tên doanh nghiệp bắt buộc", "business name is required"))
		}
		if a.TaxCode == "" {
			add(invalid("applicant.tax_code", "mã số thuế bắt buộc", "tax code is required"))
		} else {
			add(ValidateTaxCode("applicant.tax_code", a.TaxCode))
		}
	case catalog.StateAgency, catalog.Organisation:
		if a.Organisation == "" {
			add(invalid("applicant.organisation", "tên cơ quan, tổ chức bắt buộc", "organisation name is required"))
		}
	default:
		add(invalid("applicant_type", "loại đối tượng không hợp lệ", "invalid applicant type"))
	}
	// The representative of an organisation may give a CCCD, a citizen's business may give
	// a tax code: check whatever was given.
	if t != catalog.Citizen && a.IDNumber != "" {
		add(ValidateCitizenID("applicant.id_number", a.IDNumber))
	}
	if t != catalog.Business && a.TaxCode != "" {
		add(ValidateTaxCode("applicant.tax_code", a.TaxCode))
	}
	if a.Phone == "" && a.Email == "" {
		add(invalid("applicant.phone", "cần ít nhất số điện thoại hoặc thư điện tử để liên hệ",
			"a phone number or an email address is required for contact"))
	}
	if a.Phone != "" {
		add(ValidatePhone("applicant.phone", a.Phone))
	}
	if a.Email != "" {
		add(ValidateEmail("applicant.email", a.Email))
	}
	return errors.Join(errs...)
}
