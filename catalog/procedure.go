// Package catalog holds administrative procedures (thủ tục hành chính) and their versions.
// A procedure is the "type" of a dossier; a dossier always pins the exact version it was
// filed under. The package imports no database and no HTTP.
//
// Glossary: procedure = thủ tục hành chính, field = lĩnh vực, version = phiên bản,
// channel = cách thức thực hiện, fee = phí / lệ phí, required document = thành phần hồ sơ,
// internal process = quy trình nội bộ, supplement = bổ sung.
package catalog

import (
	"time"

	"github.com/motcua/motcua/calendar"
)

// Procedure is one administrative procedure with its version history.
type Procedure struct {
	Code string `json:"code"` // national code, e.g. 2.000648.000.00.00.H50
	// AbolishedFrom, when set, is the first day the procedure can no longer be filed.
	AbolishedFrom *calendar.Date `json:"abolished_from,omitempty"`
	AbolishedBy   string         `json:"abolished_by,omitempty"` // decision that abolished it
	Versions      []Version      `json:"versions"`
}

// VersionStatus is the life of a version: draft → published → superseded.
type VersionStatus string

const (
	Draft      VersionStatus = "draft"
	Published  VersionStatus = "published"
	Superseded VersionStatus = "superseded"
)

// Level is the implementing level (cấp thực hiện).
type Level string

const (
	LevelProvince Level = "province" // cấp tỉnh
	LevelDistrict Level = "district" // cấp huyện (until 2025)
	LevelCommune  Level = "commune"  // cấp xã
	LevelCentral  Level = "central"  // cấp bộ
)

// OnlineLevel follows Decree 42/2022: a procedure is offered fully online, partly online,
// or not online at all.
type OnlineLevel string

const (
	OnlineFull    OnlineLevel = "full"    // toàn trình
	OnlinePartial OnlineLevel = "partial" // một phần
	OnlineNone    OnlineLevel = "none"    // chỉ trực tiếp / bưu chính
)

// Channel is the way a dossier is filed; the numbers are the national portal's codes.
type Channel int

const (
	ChannelCounter Channel = 1 // trực tiếp
	ChannelOnline  Channel = 2 // trực tuyến
	ChannelPostal  Channel = 3 // bưu chính công ích
)

// ApplicantType follows the national portal's codes; 0 in a fee means "any applicant".
type ApplicantType int

const (
	AnyApplicant ApplicantType = 0
	Citizen      ApplicantType = 1
	Business     ApplicantType = 2
	StateAgency  ApplicantType = 3
	Organisation ApplicantType = 4
)

// Version is the full content of a procedure as published at one time.
type Version struct {
	Number      int           `json:"number"`
	Status      VersionStatus `json:"status"`
	PublishedAt *time.Time    `json:"published_at,omitempty"`
	// SupersededAt is when a later version was published over this one.
	SupersededAt *time.Time `json:"superseded_at,omitempty"`

	Name               string          `json:"name"`
	Field              Field           `json:"field"`
	Level              Level           `json:"level"`
	Agency             string          `json:"agency"`              // cơ quan thực hiện
	CompetentAuthority string          `json:"competent_authority"` // cơ quan có thẩm quyền
	Type               string          `json:"type,omitempty"`      // loại thủ tục
	OnlineLevel        OnlineLevel     `json:"online_level"`
	Steps              []string        `json:"steps,omitempty"` // trình tự thực hiện
	Channels           []ChannelTerms  `json:"channels"`
	Documents          []Document      `json:"documents,omitempty"`
	Sets               int             `json:"sets,omitempty"` // số bộ hồ sơ
	ApplicantTypes     []ApplicantType `json:"applicant_types,omitempty"`
	Conditions         string          `json:"conditions,omitempty"`
	Result             Result          `json:"result"`
	LegalBasis         []string        `json:"legal_basis,omitempty"`
	Decision           string          `json:"decision,omitempty"` // quyết định công bố
	InternalSteps      []InternalStep  `json:"internal_steps,omitempty"`
	// SupplementWithin is how long the office has to ask for missing papers (3, 5 or 7
	// working days are real values); ReplyWithin how long the applicant has to answer.
	SupplementWithin calendar.Span `json:"supplement_within"`
	ReplyWithin      calendar.Span `json:"reply_within"`

	Source string `json:"source,omitempty"` // where the record was taken from
	// Sample lists the parts of this version that are illustrative sample data rather than
	// an official record (e.g. "documents", "internal_steps"); pages must say so.
	Sample []string `json:"sample,omitempty"`
}

// Field is a lĩnh vực.
type Field struct {
	Code string `json:"code"`
	Name string `json:"name"`
}

// ChannelTerms are the statutory time and fees of one channel.
type ChannelTerms struct {
	Channel Channel       `json:"channel"`
	Time    calendar.Span `json:"time"`
	Fees    []Fee         `json:"fees,omitempty"`
	Note    string        `json:"note,omitempty"`
}

// Fee is one fee or charge, effective over a date range and possibly only for one
// applicant type or area. Amounts are in đồng.
type Fee struct {
	Name          string         `json:"name"`
	Amount        int64          `json:"amount"`
	ApplicantType ApplicantType  `json:"applicant_type,omitempty"`
	Area          string         `json:"area,omitempty"`
	EffectiveFrom calendar.Date  `json:"effective_from"`
	EffectiveTo   *calendar.Date `json:"effective_to,omitempty"` // inclusive
}

// Document is a required paper of the dossier (thành phần hồ sơ).
type Document struct {
	Name      string `json:"name"`
	Originals int    `json:"originals"`
	Copies    int    `json:"copies"`
	Template  string `json:"template,omitempty"` // template form name or file
	Optional  bool   `json:"optional,omitempty"`
}

// Result is what the applicant receives.
type Result struct {
	Name     string `json:"name"`
	Validity string `json:"validity,omitempty"` // e.g. "05 năm"
}

// InternalStep is one step of the ISO 9001 internal process.
type InternalStep struct {
	Name      string  `json:"name"`
	UnitCode  string  `json:"unit_code,omitempty"` // responsible unit
	Role      string  `json:"role"`                // responsible role (see package org)
	NormHours float64 `json:"norm_hours"`
}
