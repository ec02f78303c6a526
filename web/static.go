package web

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"
)

//go:embed static
var staticFS embed.FS

// staticFiles serves embedded assets under content-hashed URLs (/static/<hash>/<name>), so
// browsers may cache them for a year and still see every new release at once.
type staticFiles struct {
	files map[string][]byte // name → content
	hash  map[string]string // name → short content hash
}

func newStaticFiles() (*staticFiles, error) {
	sf := &staticFiles{files: map[string][]byte{}, hash: map[string]string{}}
	err := fs.WalkDir(staticFS, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := staticFS.ReadFile(p)
		if err != nil {
			return err
		}
		name := strings.TrimPrefix(p, "static/")
		sum := sha256.Sum256(b)
		sf.files[name] = b
		sf.hash[name] = hex.EncodeToString(sum[:6])
		return nil
	})
	return sf, err
}

// url returns the hashed URL of an asset; an unknown name panics at template execution,
// which the page tests catch.
func (sf *staticFiles) url(name string) string {
	h, ok := sf.hash[name]
	if !ok {
		panic("web: no static file " + name)
	}
	return "/static/" + h + "/" + name
}

func (sf *staticFiles) serve(w http.ResponseWriter, r *http.Request) {
	hash := r.PathValue("hash")
	name := r.PathValue("name")
	b, ok := sf.files[name]
	if !ok {
		http.NotFound(w, r)
		return
	}
	if ct := mime.TypeByExtension(path.Ext(name)); ct != "" {
		w.Header().Set("Content-Type", ct)
	}
	if hash == sf.hash[name] {
		w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
	} else {
		w.Header().Set("Cache-Control", "no-cache")
	}
	w.Write(b)
}
