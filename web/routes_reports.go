package web

import (
	"net/http"

	"github.com/motcua/motcua/org"
)

// reportRoutes lists the leaders' figures (báo cáo), the Decision 766 index and the
// national portal payload of a dossier.
func (s *Server) reportRoutes() []route {
	api := func(pattern string, perm org.Permission, h http.HandlerFunc) route {
		return route{pattern: pattern, perm: perm, api: true, h: h}
	}
	view := org.PermReportsView
	return []route{
		api("GET /api/v1/reports/summary", view, s.apiReportSummary).lagging(),
		api("GET /api/v1/reports/index766", view, s.apiReportIndex766).lagging(),
		api("GET /api/v1/reports/trend", view, s.apiReportTrend).lagging(),
		api("GET /api/v1/reports/breakdown", view, s.apiReportBreakdown).lagging(),
		api("GET /api/v1/reports/bottlenecks", view, s.apiReportBottlenecks).lagging(),
		api("GET /api/v1/reports/dossiers", view, s.apiReportDossiers).lagging(),
		api("GET /api/v1/reports/export.xlsx", view, s.apiReportExport).lagging(),
		// Staff who can see the dossier; the rule is checked in the handler.
		api("GET /api/v1/dossiers/{id}/sync-payload", org.PermSignedIn, s.apiSyncPayload),
	}
}
