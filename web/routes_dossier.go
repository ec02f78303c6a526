package web

// dossierRoutes lists the routes of the dossier engine: filing, the one-stop desk, the
// processing units, printed forms and public tracking.
func (s *Server) dossierRoutes() []route {
	return nil
}
