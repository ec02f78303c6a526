package qr

import (
	"bytes"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

const trackingURL = "https://dichvucong.example.gov.vn/tra-cuu?ma=H26.12-261128-0007"

func TestModulesIsSquare(t *testing.T) {
	m, err := Modules(trackingURL)
	if err != nil {
		t.Fatal(err)
	}
	if len(m) < 21 || (len(m)-21)%4 != 0 {
		t.Fatalf("side %d is not a QR version size", len(m))
	}
	for _, row := range m {
		if len(row) != len(m) {
			t.Fatalf("row of %d modules in a %d grid", len(row), len(m))
		}
	}
	if !m[0][0] || !m[6][6] || m[1][1] {
		t.Fatal("finder pattern missing at the top-left corner")
	}
}

func TestModulesRejectsEmpty(t *testing.T) {
	if _, err := Modules(""); err == nil {
		t.Fatal("want an error for empty content")
	}
}

func TestPNGDecodes(t *testing.T) {
	b, err := PNG(trackingURL, 300)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if w := img.Bounds().Dx(); w < 250 || w > 300 {
		t.Fatalf("width %d, want close to 300", w)
	}
	zbar, err := exec.LookPath("zbarimg")
	if err != nil {
		t.Skip("zbarimg not installed; skipping the read-back")
	}
	file := filepath.Join(t.TempDir(), "code.png")
	if err := os.WriteFile(file, b, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(zbar, "--quiet", "--raw", file).Output()
	if err != nil {
		t.Fatalf("zbarimg: %v", err)
	}
	if got := strings.TrimSpace(string(out)); got != trackingURL {
		t.Fatalf("decoded %q, want %q", got, trackingURL)
	}
}
