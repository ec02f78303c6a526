package web

// applicantPageRoutes lists the pages of citizens and businesses: filing, their dossiers,
// supplements, payment, results, rating, and the public tracking page.
func (s *Server) applicantPageRoutes() []route {
	return nil
}
