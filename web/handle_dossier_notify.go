package web

import "net/url"

// The e-mail a move owes the applicant is queued by the service (package service), in the
// move's transaction; the page and the forms only need the tracking link it carries.

// trackURL is the public tracking address printed on the receipt and sent by email.
func (s *Server) trackURL(code string) string {
	return s.cfg.BaseURL + "/track?code=" + url.QueryEscape(code)
}
