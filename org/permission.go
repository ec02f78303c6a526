package org

// Permission names one kind of action. Every route of the web layer declares the
// permission it needs; the table below is the single place that says who holds which.
type Permission string

const (
	PermPublic         Permission = ""                // anyone, signed in or not
	PermSignedIn       Permission = "signed_in"       // any account
	PermCatalogEdit    Permission = "catalog.edit"    // drafts, publish, abolish, import
	PermCatalogExport  Permission = "catalog.export"  // export the catalog
	PermCalendarEdit   Permission = "calendar.edit"   // official day-off decisions
	PermAccountsManage Permission = "accounts.manage" // accounts and units
	PermDossierFile    Permission = "dossier.file"    // file dossiers for oneself
	PermDossierReceive Permission = "dossier.receive" // one-stop desk work
	PermDossierProcess Permission = "dossier.process" // appraisal inside a unit
	PermDossierApprove Permission = "dossier.approve" // leader's approval
	PermDossierIssue   Permission = "dossier.issue"   // numbering and issuing results
	PermDossierBook    Permission = "dossier.book"    // the tracking book of received dossiers (form 07)
	PermReportsView    Permission = "reports.view"    // dashboards and exports
	PermAuditView      Permission = "audit.view"      // the audit trail
	PermSystemView     Permission = "system.view"     // the instances serving and their builds
)

var grants = map[Role][]Permission{
	RoleCitizen:      {PermDossierFile},
	RoleBusiness:     {PermDossierFile},
	RoleOfficer:      {PermDossierReceive, PermDossierBook, PermCatalogExport},
	RoleSpecialist:   {PermDossierProcess, PermCatalogExport},
	RoleHead:         {PermDossierProcess, PermReportsView, PermCatalogExport},
	RoleLeader:       {PermDossierProcess, PermDossierApprove, PermDossierBook, PermReportsView, PermCatalogExport},
	RoleClerk:        {PermDossierIssue},
	RoleCatalogAdmin: {PermCatalogEdit, PermCatalogExport},
	RoleAdmin: {PermAccountsManage, PermCalendarEdit, PermCatalogExport, PermAuditView,
		PermReportsView, PermSystemView},
}

// Can reports whether role holds permission p.
func (r Role) Can(p Permission) bool {
	if p == PermPublic {
		return true
	}
	if !r.Valid() {
		return false
	}
	if p == PermSignedIn {
		return true
	}
	for _, g := range grants[r] {
		if g == p {
			return true
		}
	}
	return false
}
