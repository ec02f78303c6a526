package pdf

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// rendered checks the bytes are a PDF and, when MOTCUA_PDF_DIR is set, keeps a copy there
// so the layout can be looked at.
func rendered(t *testing.T, name string, b []byte, err error) {
	t.Helper()
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if !bytes.HasPrefix(b, []byte("%PDF-")) {
		t.Fatalf("%s does not start with %%PDF-", name)
	}
	if dir := os.Getenv("MOTCUA_PDF_DIR"); dir != "" {
		if err := os.WriteFile(filepath.Join(dir, name+".pdf"), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// text extracts the text of a PDF with poppler's pdftotext, skipping the test without it.
func text(t *testing.T, b []byte) string {
	t.Helper()
	tool, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext not installed (apt-get install poppler-utils)")
	}
	file := filepath.Join(t.TempDir(), "form.pdf")
	if err := os.WriteFile(file, b, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(tool, "-enc", "UTF-8", file, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

// contains checks every wanted string is in the extracted text, line breaks aside.
func contains(t *testing.T, got string, want ...string) {
	t.Helper()
	flat := strings.Join(strings.Fields(got), " ")
	for _, w := range want {
		if !strings.Contains(flat, w) {
			t.Errorf("text lacks %q", w)
		}
	}
}

var pageObject = regexp.MustCompile(`/Type\s*/Page[^s]`)

// pages counts the page objects of a PDF.
func pages(b []byte) int {
	return len(pageObject.FindAll(b, -1))
}
