package web

import (
	_ "embed"
	"net/http"
)

// openAPIDoc describes the JSON API; a test keeps it in step with routes().
//
//go:embed openapi.json
var openAPIDoc []byte

func (s *Server) openAPI(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Write(openAPIDoc)
}
