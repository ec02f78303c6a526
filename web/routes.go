package web

import (
	"net/http"

	"github.com/motcua/motcua/org"
)

// route is one entry of the routing table: a ServeMux pattern, the permission it needs,
// and whether it answers in JSON (401/403 as JSON) or HTML (redirect to sign-in).
type route struct {
	pattern string
	perm    org.Permission
	api     bool
	h       http.HandlerFunc
	// lag says whether a PostgreSQL replica may serve the route's reads (sqlstore.MayLag).
	lag lagMode
}

// lagMode says which of a route's reads a replica may serve.
type lagMode uint8

const (
	primaryOnly lagMode = iota
	// mayLag: figures and public lookups, which may be a few seconds behind.
	mayLag
	// mayLagUnlessWrote: lists that must show the browser's own changes. The replica serves
	// them unless this browser changed something within the replica's horizon (wroteCookie).
	mayLagUnlessWrote
)

// lagging marks r's reads as ones a replica may serve.
func (r route) lagging() route {
	r.lag = mayLag
	return r
}

// laggingUnlessWrote marks r's reads as ones a replica may serve to a browser that has not
// changed anything lately.
func (r route) laggingUnlessWrote() route {
	r.lag = mayLagUnlessWrote
	return r
}

// routes lists every route of the server in one place. The authorization tests walk this
// table with every role, and the OpenAPI test checks the /api/ entries against the document.
func (s *Server) routes() []route {
	page := func(pattern string, perm org.Permission, h http.HandlerFunc) route {
		return route{pattern: pattern, perm: perm, h: h}
	}
	api := func(pattern string, perm org.Permission, h http.HandlerFunc) route {
		return route{pattern: pattern, perm: perm, api: true, h: h}
	}
	pub, signed := org.PermPublic, org.PermSignedIn
	edit, export := org.PermCatalogEdit, org.PermCatalogExport
	rs := []route{
		// Operations.
		api("GET /healthz", pub, s.healthz),
		api("GET /readyz", pub, s.readyz),
		api("GET /metrics", pub, s.metricsEndpoint),
		page("GET /static/{hash}/{name...}", pub, s.static.serve),
		api("GET /api/openapi.json", pub, s.openAPI),

		// Public pages.
		page("GET /{$}", pub, s.homePage),
		page("GET /procedures", pub, s.searchPage),
		page("GET /procedures/{code}", pub, s.procedurePage),
		page("GET /procedures/{code}/print", pub, s.procedurePrintPage),
		page("GET /fields", pub, s.fieldsPage),
		page("GET /lang", pub, s.switchLang),
		page("GET /login", pub, s.loginPage),
		page("POST /login", pub, s.loginSubmit),
		page("POST /logout", signed, s.logout),

		// Catalog administration pages.
		page("GET /admin/catalog", edit, s.adminCatalogPage),
		page("GET /admin/procedures/new", edit, s.adminNewProcedurePage),
		page("POST /admin/procedures", edit, s.adminCreateProcedure),
		page("GET /admin/procedures/{code}", edit, s.adminProcedurePage),
		page("POST /admin/procedures/{code}/draft", edit, s.adminStartDraft),
		page("POST /admin/procedures/{code}/draft/save", edit, s.adminSaveDraft),
		page("POST /admin/procedures/{code}/draft/discard", edit, s.adminDiscardDraft),
		page("POST /admin/procedures/{code}/publish", edit, s.adminPublish),
		page("POST /admin/procedures/{code}/abolish", edit, s.adminAbolish),
		page("GET /admin/catalog/import", edit, s.adminImportPage),
		page("POST /admin/catalog/import", edit, s.adminImport),
		page("GET /admin/catalog/export", export, s.catalogExport),

		// Accounts, units and the audit trail.
		page("GET /admin/accounts", org.PermAccountsManage, s.adminAccountsPage),
		page("POST /admin/accounts", org.PermAccountsManage, s.adminCreateAccount),
		page("POST /admin/accounts/{id}/disabled", org.PermAccountsManage, s.adminToggleAccount),
		page("GET /admin/audit", org.PermAuditView, s.adminAuditPage),
		page("GET /admin/instances", org.PermSystemView, s.adminInstancesPage),
		api("GET /api/v1/instances", org.PermSystemView, s.apiInstances),
		api("GET /api/v1/accounts", org.PermAccountsManage, s.apiAccounts),
		api("POST /api/v1/accounts", org.PermAccountsManage, s.apiCreateAccount),
		api("PUT /api/v1/accounts/{id}/disabled", org.PermAccountsManage, s.apiSetAccountDisabled),
		api("GET /api/v1/units", signed, s.apiUnits),

		// JSON API: accounts.
		api("POST /api/v1/auth/token", pub, s.apiToken),
		api("DELETE /api/v1/auth/token", signed, s.apiRevokeToken),
		api("GET /api/v1/me", signed, s.apiMe),

		// JSON API: catalog.
		api("GET /api/v1/procedures", pub, s.apiSearchProcedures),
		api("GET /api/v1/procedures/{code}", pub, s.apiProcedure),
		api("GET /api/v1/procedures/{code}/versions/{number}", pub, s.apiProcedureVersion),
		api("GET /api/v1/procedures/{code}/compare", pub, s.apiCompareVersions),
		api("GET /api/v1/fields", pub, s.apiFields),
		api("POST /api/v1/procedures", edit, s.apiCreateProcedure),
		api("PUT /api/v1/procedures/{code}/draft", edit, s.apiPutDraft),
		api("DELETE /api/v1/procedures/{code}/draft", edit, s.apiDiscardDraft),
		api("POST /api/v1/procedures/{code}/publish", edit, s.apiPublish),
		api("POST /api/v1/procedures/{code}/abolish", edit, s.apiAbolish),
		api("GET /api/v1/catalog/export", export, s.catalogExport),
		api("POST /api/v1/catalog/import", edit, s.apiImport),
	}
	rs = append(rs, s.dossierRoutes()...)
	rs = append(rs, s.applicantPageRoutes()...)
	rs = append(rs, s.officePageRoutes()...)
	rs = append(rs, s.reportRoutes()...)
	rs = append(rs, s.dashboardRoutes()...)
	return append(rs, s.calendarRoutes()...)
}

// RouteInfo describes one route for tools and tests.
type RouteInfo struct {
	Pattern    string
	Permission org.Permission
	API        bool
	MayLag     bool // a replica may serve its reads
	// UnlessWrote: only to a browser that changed nothing within the replica's horizon.
	UnlessWrote bool
}

// Routes lists every route with the permission it needs.
func (s *Server) Routes() []RouteInfo {
	var out []RouteInfo
	for _, r := range s.routes() {
		out = append(out, RouteInfo{r.pattern, r.perm, r.api, r.lag != primaryOnly, r.lag == mayLagUnlessWrote})
	}
	return out
}
