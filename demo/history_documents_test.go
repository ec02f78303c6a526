package demo

import (
	"bytes"
	"fmt"
	"net/http"
	"regexp"
	"strconv"
	"testing"
)

// The sample scan is a PDF a reader opens: sniffed as PDF, every cross-reference entry
// pointing at its object, startxref at the table.
func TestSamplePDF(t *testing.T) {
	b := samplePDF("Đơn đề nghị (theo mẫu)", "Công ty (TNHH) \\ Hồng Hà")
	if ct := http.DetectContentType(b); ct != "application/pdf" {
		t.Fatalf("sniffed as %s", ct)
	}
	if !bytes.Contains(b, []byte(`(Don de nghi \(theo mau\)) Tj`)) {
		t.Errorf("text not folded and escaped:\n%s", b)
	}
	entries := regexp.MustCompile(`(\d{10}) 00000 n `).FindAllSubmatch(b, -1)
	if len(entries) != 5 {
		t.Fatalf("%d xref entries", len(entries))
	}
	for i, e := range entries {
		off, _ := strconv.Atoi(string(e[1]))
		if want := fmt.Sprintf("%d 0 obj", i+1); !bytes.HasPrefix(b[off:], []byte(want)) {
			t.Errorf("xref %d points at %q", i+1, b[off:off+10])
		}
	}
	m := regexp.MustCompile(`startxref\n(\d+)\n`).FindSubmatch(b)
	if off, _ := strconv.Atoi(string(m[1])); !bytes.HasPrefix(b[off:], []byte("xref\n")) {
		t.Errorf("startxref %d does not point at the table", off)
	}
}
