// Package textfold folds Vietnamese text for search: lower case, no tone or vowel marks,
// đ as d, and single spaces between words, so "Rượu" and "ruou" meet.
package textfold

import (
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/unicode/norm"
)

// latin maps each precomposed Latin letter (U+00C0–U+024F, U+1E00–U+1EFF) to its
// lower-case base letter. Building it once from NFD keeps the hot path free of
// normalisation and works the same for NFC input, NFD input and either tone placement.
var latin = buildLatin()

const (
	latinLo = 0x00C0
	latinHi = 0x1EFF
)

func buildLatin() []byte {
	t := make([]byte, latinHi-latinLo+1)
	for r := rune(latinLo); r <= latinHi; r++ {
		d := norm.NFD.String(string(r))
		b, _ := utf8.DecodeRuneInString(d)
		b = unicode.ToLower(b)
		if b < utf8.RuneSelf && ('a' <= b && b <= 'z' || '0' <= b && b <= '9') {
			t[r-latinLo] = byte(b)
		}
	}
	// đ and Đ have no decomposition: they are letters of their own.
	t['đ'-latinLo] = 'd'
	t['Đ'-latinLo] = 'd'
	return t
}

// Fold returns s in lower case without diacritics, with every run of spaces and
// punctuation turned into one space and no space at either end.
// It does not allocate when s is already folded.
func Fold(s string) string {
	if isFolded(s) {
		return s
	}
	b := make([]byte, 0, len(s))
	pendingSpace := false
	for _, r := range s {
		c, keep := foldRune(r)
		switch {
		case c == 0 && keep:
			// A combining mark (NFD input): it belongs to the previous letter.
			continue
		case c == 0:
			pendingSpace = len(b) > 0
			continue
		}
		if pendingSpace {
			b = append(b, ' ')
			pendingSpace = false
		}
		if c < utf8.RuneSelf {
			b = append(b, byte(c))
		} else {
			b = utf8.AppendRune(b, c)
		}
	}
	return unsafe.String(unsafe.SliceData(b), len(b))
}

// foldRune returns the folded form of r, or 0 when r separates words (keep=false) or is a
// mark to drop (keep=true).
func foldRune(r rune) (c rune, keep bool) {
	switch {
	case 'a' <= r && r <= 'z' || '0' <= r && r <= '9':
		return r, true
	case 'A' <= r && r <= 'Z':
		return r + ('a' - 'A'), true
	case r < utf8.RuneSelf:
		return 0, false
	case latinLo <= r && r <= latinHi && latin[r-latinLo] != 0:
		return rune(latin[r-latinLo]), true
	case unicode.Is(unicode.Mn, r):
		return 0, true
	case unicode.IsLetter(r) || unicode.IsDigit(r):
		return unicode.ToLower(r), true
	}
	return 0, false
}

// isFolded reports whether s is already lower-case ASCII letters and digits separated by
// single spaces.
func isFolded(s string) bool {
	prevSpace := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
			prevSpace = false
		case c == ' ' && !prevSpace:
			prevSpace = true
		default:
			return false
		}
	}
	return !prevSpace || s == ""
}

// Tokens splits the folded form of s into words.
func Tokens(s string) []string {
	f := Fold(s)
	if f == "" {
		return nil
	}
	return strings.Split(f, " ")
}
