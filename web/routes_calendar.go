package web

import "github.com/motcua/motcua/org"

// calendarRoutes lists the routes of the working-day calendar and its official decisions.
// Reading the calendar is public (anyone may check a deadline); changing it is the system
// administrator's.
func (s *Server) calendarRoutes() []route {
	pub, edit := org.PermPublic, org.PermCalendarEdit
	return []route{
		{pattern: "GET /admin/calendar", perm: edit, h: s.adminCalendarPage},
		{pattern: "POST /admin/calendar/decisions", perm: edit, h: s.adminAddCalendarDecision},
		{pattern: "POST /admin/calendar/decisions/{id}/delete", perm: edit, h: s.adminRemoveCalendarDecision},

		{pattern: "GET /api/v1/calendar/holidays", perm: pub, api: true, h: s.apiCalendarHolidays},
		{pattern: "GET /api/v1/calendar/due", perm: pub, api: true, h: s.apiCalendarDue},
		{pattern: "GET /api/v1/calendar/decisions", perm: edit, api: true, h: s.apiCalendarDecisions},
		{pattern: "POST /api/v1/calendar/decisions", perm: edit, api: true, h: s.apiAddCalendarDecision},
		{pattern: "DELETE /api/v1/calendar/decisions/{id}", perm: edit, api: true, h: s.apiRemoveCalendarDecision},
	}
}
