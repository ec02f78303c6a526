package dossier

import (
	"errors"
	"testing"

	"github.com/motcua/motcua"
	"github.com/motcua/motcua/catalog"
)

func TestCitizenID(t *testing.T) {
	for _, c := range []struct {
		id string
		ok bool
	}{
		{"001090012345", true},
		{"096200001234", true},
		{"000090012345", false}, // no province 000
		{"097090012345", false}, // beyond 096
		{"00109001234", false},  // 11 digits
		{"0010900123456", false},
		{"00109001234a", false},
		{"", false},
	} {
		if err := ValidateCitizenID("id", c.id); (err == nil) != c.ok {
			t.Errorf("%q: %v", c.id, err)
		}
	}
}

func TestTaxCode(t *testing.T) {
	if d := TaxCheckDigit("010123456"); d != 5 {
		t.Fatalf("check digit %d, want 5", d)
	}
	for _, c := range []struct {
		code string
		ok   bool
	}{
		{"0101234565", true},
		{"0101234565-001", true},
		{"0101234564", false},     // wrong check digit
		{"0100000000", false},     // empty sequence
		{"0101234565-000", false}, // branch 000
		{"0101234565001", false},  // branch without the dash (NormalizeTaxCode adds it)
		{"0101234565-01", false},
		{"010123456", false},
		{"01012345x5", false},
	} {
		if err := ValidateTaxCode("tax_code", c.code); (err == nil) != c.ok {
			t.Errorf("%q: %v", c.code, err)
		}
	}
	if got := NormalizeTaxCode("0101 234 565 001"); got != "0101234565-001" {
		t.Fatalf("normalized %q", got)
	}
	// 000000012: 5·1 + 3·2 = 11, remainder 0, so no digit fits and no such code exists.
	if d := TaxCheckDigit("000000012"); d != -1 {
		t.Fatalf("check digit %d for a remainder-0 prefix, want -1", d)
	}
}

func TestPhone(t *testing.T) {
	for _, c := range []struct {
		in, norm string
		ok       bool
	}{
		{"0912345678", "0912345678", true},
		{"+84 912 345 678", "0912345678", true},
		{"84912345678", "0912345678", true},
		{"0387.654.321", "0387654321", true},
		{"0212345678", "0212345678", false}, // 02x is a landline area code
		{"091234567", "091234567", false},
		{"1912345678", "1912345678", false},
	} {
		n := NormalizePhone(c.in)
		if n != c.norm {
			t.Errorf("%q normalized to %q, want %q", c.in, n, c.norm)
		}
		if err := ValidatePhone("phone", n); (err == nil) != c.ok {
			t.Errorf("%q: %v", c.in, err)
		}
	}
}

func TestEmail(t *testing.T) {
	for _, c := range []struct {
		in string
		ok bool
	}{
		{"an.nguyen@example.vn", true},
		{"an@sct.hanoi.gov.vn", true},
		{"an@localhost", false},
		{"An <an@example.vn>", false},
		{"an@@example.vn", false},
		{"an@example.", false},
		{"example.vn", false},
	} {
		if err := ValidateEmail("email", c.in); (err == nil) != c.ok {
			t.Errorf("%q: %v", c.in, err)
		}
	}
}

func TestApplicantErrorsNameTheirFields(t *testing.T) {
	err := Applicant{TaxCode: "0101234564", Phone: "12345"}.Normalize().Validate(catalog.Business)
	fields := map[string]bool{}
	for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
		var me *motcua.Error
		if !errors.As(e, &me) || me.VI == "" || me.EN == "" {
			t.Fatalf("not a bilingual field error: %v", e)
		}
		fields[me.Field] = true
	}
	for _, f := range []string{"applicant.name", "applicant.organisation", "applicant.tax_code", "applicant.phone"} {
		if !fields[f] {
			t.Errorf("no error for %s in %v", f, err)
		}
	}
	if err := citizenApplicant().Normalize().Validate(catalog.Citizen); err != nil {
		t.Fatalf("valid citizen refused: %v", err)
	}
	if err := (Applicant{Name: "An", IDNumber: "001090012345"}).Validate(catalog.Citizen); err == nil {
		t.Fatalf("an applicant with no way to contact them was accepted")
	}
}
