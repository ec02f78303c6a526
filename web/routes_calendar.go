package web

// calendarRoutes lists the routes of the working-day calendar and its official decisions.
func (s *Server) calendarRoutes() []route {
	return nil
}
