// Package org holds the organisation: units with their official identifiers, accounts and
// the roles that decide who may do what. It imports no database and no HTTP.
package org

// Role is what an account may do. An account has exactly one role.
type Role string

const (
	RoleCitizen      Role = "citizen"       // người dân (applicant)
	RoleBusiness     Role = "business"      // doanh nghiệp (applicant)
	RoleOfficer      Role = "officer"       // cán bộ Bộ phận Một cửa (one-stop officer)
	RoleSpecialist   Role = "specialist"    // chuyên viên
	RoleHead         Role = "head"          // trưởng phòng (head of division)
	RoleLeader       Role = "leader"        // lãnh đạo Sở
	RoleClerk        Role = "clerk"         // văn thư
	RoleCatalogAdmin Role = "catalog_admin" // quản trị danh mục thủ tục
	RoleAdmin        Role = "admin"         // quản trị hệ thống
)

// Roles lists every role in a stable order.
var Roles = []Role{RoleCitizen, RoleBusiness, RoleOfficer, RoleSpecialist, RoleHead,
	RoleLeader, RoleClerk, RoleCatalogAdmin, RoleAdmin}

// IsApplicant reports whether the role files dossiers on its own behalf.
func (r Role) IsApplicant() bool { return r == RoleCitizen || r == RoleBusiness }

// IsStaff reports whether the role belongs to a unit of the department.
func (r Role) IsStaff() bool { return r.Valid() && !r.IsApplicant() }

// Valid reports whether r is a known role.
func (r Role) Valid() bool {
	for _, k := range Roles {
		if k == r {
			return true
		}
	}
	return false
}

// Label is the Vietnamese name shown to users.
func (r Role) Label() string {
	switch r {
	case RoleCitizen:
		return "Người dân"
	case RoleBusiness:
		return "Doanh nghiệp"
	case RoleOfficer:
		return "Cán bộ Một cửa"
	case RoleSpecialist:
		return "Chuyên viên"
	case RoleHead:
		return "Trưởng phòng"
	case RoleLeader:
		return "Lãnh đạo Sở"
	case RoleClerk:
		return "Văn thư"
	case RoleCatalogAdmin:
		return "Quản trị danh mục"
	case RoleAdmin:
		return "Quản trị hệ thống"
	}
	return string(r)
}

// LabelEN is the English name shown with the English switch.
func (r Role) LabelEN() string {
	switch r {
	case RoleCitizen:
		return "Citizen"
	case RoleBusiness:
		return "Business"
	case RoleOfficer:
		return "One-stop officer"
	case RoleSpecialist:
		return "Specialist"
	case RoleHead:
		return "Head of division"
	case RoleLeader:
		return "Department leader"
	case RoleClerk:
		return "Clerk"
	case RoleCatalogAdmin:
		return "Catalog administrator"
	case RoleAdmin:
		return "System administrator"
	}
	return string(r)
}
