package web

import "github.com/motcua/motcua/org"

// dashboardRoutes lists the leaders' dashboard (báo cáo): the figures, the Decision 766
// index and the charts of a period, and the dossiers behind each number. The JSON and the
// spreadsheets behind them are the report API's (routes_reports.go).
func (s *Server) dashboardRoutes() []route {
	view := org.PermReportsView
	return []route{
		{pattern: "GET /dashboard", perm: view, h: s.dashboardPage, lag: mayLag},
		{pattern: "GET /dashboard/dossiers", perm: view, h: s.dashboardDossiersPage, lag: mayLag},
	}
}
