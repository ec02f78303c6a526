package web

import (
	"io"
	"net/http"
	"strconv"
	"strings"

	"github.com/motcua/motcua/dossier"
)

// writeStored answers view(d), a view embedding dossierState. A dossier this instance
// has just stored is sent as the JSON text it was stored as, followed by the rest of the
// view (view(nil) encodes without the dossier's own fields), rather than encoded a
// second time: the same object, for the cost of the small part.
func (s *Server) writeStored(w http.ResponseWriter, status int, d *dossier.Dossier, view func(*dossier.Dossier) any) {
	if text, ok := s.db.StoredText(d.ID, d.LastSeq); ok && len(text) > 2 && text[len(text)-1] == '}' {
		if rest, err := encodeJSON(view(nil)); err == nil && len(rest) > 2 && rest[0] == '{' && rest[1] != '}' {
			writeJSONHeader(w, status)
			if after, ok := strings.CutPrefix(text, `{"id":0,`); ok {
				// A new draft's text is stored before the draft has its id.
				io.WriteString(w, `{"id":`+strconv.FormatInt(d.ID, 10)+`,`)
				text = after
			}
			io.WriteString(w, text[:len(text)-1])
			io.WriteString(w, ",")
			w.Write(rest[1:])
			return
		}
	}
	writeJSON(w, status, view(d))
}
