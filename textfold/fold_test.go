package textfold

import (
	"slices"
	"testing"

	"golang.org/x/text/unicode/norm"
)

func TestFold(t *testing.T) {
	cases := []struct{ in, want string }{
		{"Rượu", "ruou"},
		{"XĂNG DẦU", "xang dau"},
		{"Đăng ký", "dang ky"},
		{"đ", "d"},
		{"  Cấp lại,  Giấy phép (bán lẻ)  ", "cap lai giay phep ban le"},
		{"0,4 kV", "0 4 kv"},
		{"lít/năm", "lit nam"},
		{"Thủy điện — hồ chứa", "thuy dien ho chua"},
		{"already folded", "already folded"},
		{"", ""},
		{"...", ""},
	}
	for _, c := range cases {
		if got := Fold(c.in); got != c.want {
			t.Errorf("Fold(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestFoldTonePlacementAndForms(t *testing.T) {
	// "Hoá" puts the tone on a, "Hóa" on o; NFD spells both with combining marks.
	forms := []string{"Hoá chất", "Hóa chất", norm.NFD.String("Hoá chất"), norm.NFD.String("Hóa chất"), "HOÁ CHẤT"}
	for _, f := range forms {
		if got := Fold(f); got != "hoa chat" {
			t.Errorf("Fold(%q) = %q, want %q", f, got, "hoa chat")
		}
	}
}

func TestFoldEveryVietnameseLetter(t *testing.T) {
	const lower = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ"
	const want = "aaaaaaaaaaaaaaaaaaeeeeeeeeeeeeiiiiiioooooooooooooooooouuuuuuuuuuuuyyyyyyd"
	if got := Fold(lower); got != want {
		t.Errorf("lower: got %q", got)
	}
	if got := Fold(norm.NFD.String(lower)); got != want {
		t.Errorf("lower NFD: got %q", got)
	}
}

func TestFoldNoAllocWhenFolded(t *testing.T) {
	s := "cap giay phep ban le ruou"
	if n := testing.AllocsPerRun(100, func() { _ = Fold(s) }); n != 0 {
		t.Errorf("Fold allocated %v times on folded input", n)
	}
}

func TestTokens(t *testing.T) {
	if got, want := Tokens("Cấp Giấy phép, bán lẻ"), []string{"cap", "giay", "phep", "ban", "le"}; !slices.Equal(got, want) {
		t.Errorf("Tokens = %q, want %q", got, want)
	}
	if got := Tokens(" - "); got != nil {
		t.Errorf("Tokens of punctuation = %q, want nil", got)
	}
}

func BenchmarkFold(b *testing.B) {
	s := "Cấp Giấy chứng nhận cửa hàng đủ điều kiện bán lẻ xăng dầu"
	for b.Loop() {
		_ = Fold(s)
	}
}
