package web

// officePageRoutes lists the officers' console: queues, the dossier page with its
// timeline, documents and forms, and every action of the state machine.
func (s *Server) officePageRoutes() []route {
	return nil
}
