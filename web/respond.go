package web

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"

	"github.com/motcua/motcua"
	"github.com/motcua/motcua/catalog"
	"github.com/motcua/motcua/sqlstore"
)

// catalogConflicts are the catalog's life-cycle errors: the request is fine but the
// procedure's state does not allow it.
var catalogConflicts = []error{catalog.ErrNoDraft, catalog.ErrDraftExists, catalog.ErrAbolished,
	catalog.ErrNotPublishable, catalog.ErrNoSuchVersion}

// apiErrorBody is the JSON shape of every API error: a code, the field at fault if any,
// and the message in both languages.
type apiErrorBody struct {
	Error   string `json:"error"`
	Field   string `json:"field,omitempty"`
	Message string `json:"message"`
	MsgEN   string `json:"message_en"`
	Details any    `json:"details,omitempty"`
	// RequestID comes with an internal error: the id its log lines carry, to quote to support.
	RequestID string `json:"request_id,omitempty"`
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	writeJSONHeader(w, status)
	newJSONEncoder(w).Encode(v)
}

// writeJSONBody sends a body encoded before (see encodeJSON).
func writeJSONBody(w http.ResponseWriter, status int, body []byte) {
	writeJSONHeader(w, status)
	w.Write(body)
}

// encodeJSON is v as writeJSON sends it, for an answer kept to be sent again.
func encodeJSON(v any) ([]byte, error) {
	var buf bytes.Buffer
	err := newJSONEncoder(&buf).Encode(v)
	return buf.Bytes(), err
}

func writeJSONHeader(w http.ResponseWriter, status int) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
}

// newJSONEncoder leaves <, > and & as they are: the API's text is data, not HTML.
func newJSONEncoder(w io.Writer) *json.Encoder {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc
}

func (s *Server) apiError(w http.ResponseWriter, r *http.Request, status int, code, field, vi, en string) {
	writeJSON(w, status, apiErrorBody{Error: code, Field: field, Message: vi, MsgEN: en})
}

// apiFail maps an error from the domain or the store to an HTTP answer. Errors a user can
// read keep their message; anything else is logged and answered 500 without detail.
func (s *Server) apiFail(w http.ResponseWriter, r *http.Request, err error) {
	var e *motcua.Error
	if errors.As(err, &e) {
		status := map[string]int{motcua.KindNotFound: 404, motcua.KindConflict: 409,
			motcua.KindInvalid: 422, motcua.KindForbidden: 403}[e.Kind]
		if status == 0 {
			status = 400
		}
		s.apiError(w, r, status, e.Kind, e.Field, e.VI, e.EN)
		return
	}
	var ve catalog.ValidationErrors
	if errors.As(err, &ve) && len(ve) > 0 {
		writeJSON(w, http.StatusUnprocessableEntity, apiErrorBody{Error: motcua.KindInvalid, Field: ve[0].Path,
			Message: "Dữ liệu không hợp lệ: " + ve[0].Vi, MsgEN: "Invalid input: " + ve[0].En, Details: ve})
		return
	}
	for _, c := range catalogConflicts {
		if errors.Is(err, c) {
			vi, en, _ := strings.Cut(c.Error(), " / ")
			s.apiError(w, r, http.StatusConflict, motcua.KindConflict, "", vi, en)
			return
		}
	}
	s.failSystem(w, r, err, true)
}

// pageFail shows the error page that fits err.
func (s *Server) pageFail(w http.ResponseWriter, r *http.Request, err error) {
	if e, ok := err.(*motcua.Error); ok {
		switch e.Kind {
		case motcua.KindNotFound:
			s.pageError(w, r, http.StatusNotFound)
			return
		case motcua.KindForbidden:
			s.pageError(w, r, http.StatusForbidden)
			return
		}
	}
	s.failSystem(w, r, err, false)
}

// failSystem answers an error that is not the request's fault, as JSON for the API or as
// the error page: the client went away (Info, 499), the store cannot serve now (Warn, 503
// with Retry-After), or anything else (Error, 500 naming the request's id).
func (s *Server) failSystem(w http.ResponseWriter, r *http.Request, err error, api bool) {
	if s.clientGone(w, r, err) {
		return
	}
	if sqlstore.Unavailable(err) {
		s.log.WarnContext(r.Context(), "unavailable: a store cannot serve now", "path", r.URL.Path, "err", err)
		s.unavailable(w, r, api)
		return
	}
	s.log.ErrorContext(r.Context(), "request failed", "path", r.URL.Path, "err", err)
	if !api {
		s.pageError(w, r, http.StatusInternalServerError)
		return
	}
	id := requestIDOf(r.Context())
	writeJSON(w, http.StatusInternalServerError, apiErrorBody{Error: "internal",
		Message: "Lỗi hệ thống (mã yêu cầu " + id + ")", MsgEN: "Internal error (request " + id + ")", RequestID: id})
}

// statusClientClosed records a request whose client closed its connection before the
// answer (nginx's 499): no one reads what is written, and nothing failed on this side.
const statusClientClosed = 499

// clientGone reports whether r's client went away before the answer, whatever error the
// work then met (its context was canceled), and if so records it as such: at Info, not
// as a failure of the system.
func (s *Server) clientGone(w http.ResponseWriter, r *http.Request, err error) bool {
	if !errors.Is(r.Context().Err(), context.Canceled) {
		return false
	}
	s.log.InfoContext(r.Context(), "the client went away before the answer", "path", r.URL.Path, "err", err)
	w.WriteHeader(statusClientClosed)
	return true
}

// unavailable answers 503 when the system cannot serve the request now (its database is
// away), with a Retry-After and the request's id.
func (s *Server) unavailable(w http.ResponseWriter, r *http.Request, api bool) {
	w.Header().Set("Retry-After", "5")
	if !api {
		s.pageError(w, r, http.StatusServiceUnavailable)
		return
	}
	id := requestIDOf(r.Context())
	writeJSON(w, http.StatusServiceUnavailable, apiErrorBody{Error: "unavailable",
		Message: "Hệ thống tạm thời không phục vụ được, vui lòng thử lại sau ít giây (mã yêu cầu " + id + ")",
		MsgEN:   "The system cannot serve this now; try again in a few seconds (request " + id + ")", RequestID: id})
}

// decodeJSON reads a JSON body of at most 1 MiB into v, refusing unknown fields.
func decodeJSON(w http.ResponseWriter, r *http.Request, v any) error {
	r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return motcua.Invalid("body", "JSON không hợp lệ: "+err.Error(), "invalid JSON: "+err.Error())
	}
	return nil
}
