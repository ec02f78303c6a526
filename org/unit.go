package org

import (
	"fmt"
	"regexp"
)

// UnitKind tells the department, its divisions and the one-stop desk apart.
type UnitKind string

const (
	UnitDepartment UnitKind = "department" // Sở
	UnitDivision   UnitKind = "division"   // phòng chuyên môn
	UnitDesk       UnitKind = "desk"       // Bộ phận Một cửa
)

// Unit is an organisational unit. Identifier is its official code under Decision
// 20/2020/QĐ-TTg, e.g. 000.00.12.H26; dossier codes start with it.
type Unit struct {
	Code       string   `json:"code"` // short local key, e.g. "QLTM"
	Identifier string   `json:"identifier"`
	Name       string   `json:"name"`
	Kind       UnitKind `json:"kind"`
	Parent     string   `json:"parent,omitempty"` // code of the parent unit
}

var identifierShape = regexp.MustCompile(`^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$`)

// Validate checks the unit's fields.
func (u Unit) Validate() error {
	if u.Code == "" {
		return fmt.Errorf("code: mã đơn vị bắt buộc / unit code is required")
	}
	if !identifierShape.MatchString(u.Identifier) {
		return fmt.Errorf("identifier: mã định danh %q phải có dạng 000.00.xx.H26 / identifier %q must look like 000.00.xx.H26", u.Identifier, u.Identifier)
	}
	if u.Name == "" {
		return fmt.Errorf("name: tên đơn vị bắt buộc / unit name is required")
	}
	return nil
}

// Account is a person who signs in. Staff accounts belong to a unit.
type Account struct {
	ID          int64  `json:"id"`
	Username    string `json:"username"`
	DisplayName string `json:"display_name"`
	Role        Role   `json:"role"`
	UnitCode    string `json:"unit_code,omitempty"`
	Email       string `json:"email,omitempty"`
	Phone       string `json:"phone,omitempty"`
	IDNumber    string `json:"id_number,omitempty"` // CCCD or tax code of an applicant
	Disabled    bool   `json:"disabled,omitempty"`
}
