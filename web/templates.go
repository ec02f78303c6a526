package web

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"strings"
	"time"

	"github.com/motcua/motcua/calendar"
	"github.com/motcua/motcua/catalog"
	"github.com/motcua/motcua/org"
)

//go:embed templates
var templateFS embed.FS

// page is what every template receives.
type page struct {
	L       lang
	Title   string
	Account *org.Account
	CSRF    string
	Path    string
	Data    any
}

// parsePages parses each page template together with the layout, once, at start-up.
func parsePages(funcs template.FuncMap) (map[string]*template.Template, error) {
	layout, err := fs.ReadFile(templateFS, "templates/layout.html")
	if err != nil {
		return nil, err
	}
	entries, err := fs.ReadDir(templateFS, "templates")
	if err != nil {
		return nil, err
	}
	pages := map[string]*template.Template{}
	for _, e := range entries {
		name := strings.TrimSuffix(e.Name(), ".html")
		if name == "layout" || strings.HasPrefix(name, "part_") {
			continue
		}
		t := template.New("layout").Funcs(funcs)
		if _, err := t.Parse(string(layout)); err != nil {
			return nil, fmt.Errorf("layout: %w", err)
		}
		if _, err := t.ParseFS(templateFS, "templates/part_*.html", "templates/"+e.Name()); err != nil {
			return nil, fmt.Errorf("%s: %w", e.Name(), err)
		}
		pages[name] = t
	}
	return pages, nil
}

func (s *Server) templateFuncs() template.FuncMap {
	return template.FuncMap{
		"static": func(name string) string { return s.static.url(name) },
		"vnd":    catalog.FormatVND,
		"date": func(t any) string {
			switch v := t.(type) {
			case time.Time:
				if v.IsZero() {
					return ""
				}
				return v.In(calendar.Vietnam).Format("02/01/2006")
			case *time.Time:
				if v == nil {
					return ""
				}
				return v.In(calendar.Vietnam).Format("02/01/2006")
			case calendar.Date:
				return fmt.Sprintf("%02d/%02d/%04d", v.Day, v.Month, v.Year)
			case *calendar.Date:
				if v == nil {
					return ""
				}
				return fmt.Sprintf("%02d/%02d/%04d", v.Day, v.Month, v.Year)
			}
			return fmt.Sprint(t)
		},
		"datetime": dateTime,
		"add":      func(a, b int) int { return a + b },
		"list4":    func(a, b, c, d string) []string { return []string{a, b, c, d} },
		"hasCSV": func(csv, v string) bool {
			for _, x := range strings.Split(csv, ",") {
				if x == v {
					return true
				}
			}
			return false
		},
		// freshKey is a new idempotency key for an upload form: posting that form twice
		// stores its file once (uploadKey).
		"freshKey": newIdempotencyKey,
		// dict2 passes the language and a value to a sub-template.
		"dict2": func(l lang, v any) map[string]any { return map[string]any{"L": l, "V": v} },
		"has": func(list []string, s string) bool {
			for _, x := range list {
				if x == s {
					return true
				}
			}
			return false
		},
	}
}

// render executes a page into a buffer first, so a template error never sends half a page.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, name, title string, data any) {
	t, ok := s.pages[name]
	if !ok {
		panic("web: no page template " + name)
	}
	p := page{L: requestLang(r), Title: title, Account: account(r), CSRF: csrfToken(r), Path: r.URL.RequestURI(), Data: data}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout", p); err != nil {
		s.log.ErrorContext(r.Context(), "render", "page", name, "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// pageError shows a short error page in the person's language.
func (s *Server) pageError(w http.ResponseWriter, r *http.Request, status int) {
	s.render(w, r, status, "error", http.StatusText(status), errorPage{status, requestIDOf(r.Context())})
}

// errorPage is what the error page shows: the status, and for a failure of the system the
// request's id, which its log lines carry.
type errorPage struct {
	Status    int
	RequestID string
}

// renderFragment executes one named block of a page, for htmx swaps.
func (s *Server) renderFragment(w http.ResponseWriter, r *http.Request, name, block string, data any) {
	t := s.pages[name]
	p := page{L: requestLang(r), Account: account(r), CSRF: csrfToken(r), Path: r.URL.RequestURI(), Data: data}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, block, p); err != nil {
		s.log.ErrorContext(r.Context(), "render fragment", "page", name, "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Write(buf.Bytes())
}
