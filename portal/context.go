package portal

import (
	"github.com/motcua/motcua/catalog"
	"github.com/motcua/motcua/org"
)

// DossierContext is what the portal wants but the dossier does not hold: names from the
// catalog and the organisation, the file list from the document store, and facts the
// payment and account services know. Nil lists are derived from the dossier where it can
// (fees, result), or sent empty.
type DossierContext struct {
	// ProcedureCode is the national procedure code (MaTTHC) when the local code differs;
	// empty means the dossier's pinned code.
	ProcedureCode string
	// ProcedureName is TenTTHC; empty means the name pinned in the dossier.
	ProcedureName string
	Field         catalog.Field // MaLinhVuc, TenLinhVuc
	AgencyName    string        // DonViXuLy: the agency that decides, e.g. "Sở Công Thương tỉnh …"
	// UnitNames names our divisions by unit code (PhongBanXuLy); a code without a name is
	// sent as the code.
	UnitNames map[string]string
	// People names accounts by id, for who asked for a supplement.
	People map[int64]string
	// Titles overrides the job title sent for a role; the default is the role's label.
	Titles map[org.Role]string

	Documents    []SubmittedFile // TaiLieuNop
	OtherPapers  []OtherPaper    // DanhSachTepDinhKemKhac
	ResultPapers []ResultPaper   // nil: one paper from the issued result, if any
	FeesPaid     []FeeRecord     // nil: the pinned fees once the payment is recorded
	PaidOnline   bool            // the fees went through the portal's payment platform
	// IdentityVerified says the owner's account is verified with VNeID.
	IdentityVerified bool
	// ApplicantAccount is the owner's portal account id (MaDoiTuong) for online filings.
	ApplicantAccount string
}

func (c DossierContext) unitName(code string) string {
	if n, ok := c.UnitNames[code]; ok && n != "" {
		return n
	}
	return code
}

func (c DossierContext) title(r org.Role) string {
	if t, ok := c.Titles[r]; ok {
		return t
	}
	if r == "" || r.IsApplicant() {
		return ""
	}
	return r.Label()
}
