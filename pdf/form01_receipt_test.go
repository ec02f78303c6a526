package pdf

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestForm01(t *testing.T) {
	b, err := Form01(oneStopHeader, receipt)
	rendered(t, "form01", b, err)
	if n := pages(b); n != 1 {
		t.Errorf("slip runs to %d pages, want 1", n)
	}
	contains(t, text(t, b),
		"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
		"Độc lập - Tự do - Hạnh phúc",
		"UBND TỈNH HÀ NAM", "BỘ PHẬN MỘT CỬA",
		"Số: 125/GTN", "Hà Nam, ngày 28 tháng 11 năm 2026",
		"GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
		"Mã hồ sơ: "+dossierCode,
		"Nguyễn Thị Hường",
		"Thời gian trả kết quả giải quyết hồ sơ: 16 giờ 00 phút, ngày 14 tháng 12 năm 2026",
		"09 giờ 15 phút, ngày 28 tháng 11 năm 2026",
		"Quét mã để tra cứu hồ sơ",
		"NGƯỜI TIẾP NHẬN HỒ SƠ", "Trần Văn Đức",
	)
}

// TestForm01QRReadsBack rasterises the slip at a modest printer resolution and reads the
// code with zbarimg, as a phone would read the printed paper.
func TestForm01QRReadsBack(t *testing.T) {
	ppm, err1 := exec.LookPath("pdftoppm")
	zbar, err2 := exec.LookPath("zbarimg")
	if err1 != nil || err2 != nil {
		t.Skip("pdftoppm or zbarimg not installed (apt-get install poppler-utils zbar-tools)")
	}
	b, err := Form01(oneStopHeader, receipt)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "slip.pdf")
	if err := os.WriteFile(file, b, 0o600); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(ppm, "-r", "150", "-png", "-singlefile", file, filepath.Join(dir, "slip")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v %s", err, out)
	}
	out, err := exec.Command(zbar, "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", filepath.Join(dir, "slip.png")).Output()
	if err != nil {
		t.Fatalf("zbarimg found no code: %v", err)
	}
	if got := strings.TrimSpace(string(out)); got != trackingURL {
		t.Fatalf("QR reads %q, want %q", got, trackingURL)
	}
}
