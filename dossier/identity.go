package dossier

import (
	"fmt"
	"net/mail"
	"strconv"
	"strings"
)

// ValidateCitizenID checks a chip-based citizen ID (CCCD): 12 digits, the first three
// the province of birth registration (001–096). There is no public check digit, so
// only the shape and the province range are checked.
func ValidateCitizenID(field, s string) error {
	if len(s) != 12 || !allDigits(s) {
		return invalid(field, "số CCCD phải gồm đúng 12 chữ số", "citizen ID must be exactly 12 digits")
	}
	if p, _ := strconv.Atoi(s[:3]); p < 1 || p > 96 {
		return invalid(field, fmt.Sprintf("mã tỉnh %s trong số CCCD không tồn tại (001–096)", s[:3]),
			fmt.Sprintf("province code %s in the citizen ID does not exist (001–096)", s[:3]))
	}
	return nil
}

// NormalizeTaxCode removes spaces and dots that people type in tax codes and keeps the
// branch dash: "0312 68 78 78 - 001" → "0312687878-001".
func NormalizeTaxCode(s string) string {
	s = strings.Map(func(r rune) rune {
		if r == ' ' || r == '.' {
			return -1
		}
		return r
	}, s)
	if len(s) == 13 && allDigits(s) {
		s = s[:10] + "-" + s[10:]
	}
	return s
}

// taxWeights weigh the first nine digits of a tax code; the tenth digit is
// 10 − (weighted sum mod 11). A remainder of 0 would need "10" and is never issued. The
// rule was checked against more than a hundred published enterprise tax codes.
var taxWeights = [9]int{31, 29, 23, 19, 17, 13, 7, 5, 3}

// TaxCheckDigit returns the check digit of the first nine digits, or -1 when no digit fits.
func TaxCheckDigit(nine string) int {
	sum := 0
	for i, w := range taxWeights {
		sum += w * int(nine[i]-'0')
	}
	c := 10 - sum%11
	if c > 9 {
		return -1
	}
	return c
}

// ValidateTaxCode checks an enterprise tax code (mã số thuế): 10 digits, or 13 written
// NNNNNNNNNN-NNN for a branch; the 7-digit sequence and the branch suffix cannot be all
// zeros; the tenth digit must be the check digit. Pass a NormalizeTaxCode'd value.
func ValidateTaxCode(field, s string) error {
	main, branch, hasBranch := strings.Cut(s, "-")
	if len(main) != 10 || !allDigits(main) || hasBranch && (len(branch) != 3 || !allDigits(branch)) {
		return invalid(field, "mã số thuế phải gồm 10 chữ số, hoặc 13 chữ số dạng NNNNNNNNNN-NNN cho chi nhánh",
			"tax code must be 10 digits, or 13 written NNNNNNNNNN-NNN for a branch")
	}
	if main[2:9] == "0000000" || branch == "000" {
		return invalid(field, "mã số thuế không hợp lệ (dãy số thứ tự toàn số 0)",
			"tax code is invalid (sequence part is all zeros)")
	}
	if int(main[9]-'0') != TaxCheckDigit(main[:9]) {
		return invalid(field, "mã số thuế sai chữ số kiểm tra, vui lòng kiểm tra lại",
			"tax code check digit is wrong, please check the number")
	}
	return nil
}

// NormalizePhone turns "+84 912 345 678", "84912345678" or "0912.345.678" into
// "0912345678"; anything else is returned stripped of separators.
func NormalizePhone(s string) string {
	s = strings.Map(func(r rune) rune {
		if r == ' ' || r == '.' || r == '-' || r == '(' || r == ')' {
			return -1
		}
		return r
	}, s)
	switch {
	case strings.HasPrefix(s, "+84"):
		s = "0" + s[3:]
	case strings.HasPrefix(s, "84") && len(s) == 11:
		s = "0" + s[2:]
	}
	return s
}

// ValidatePhone checks a Vietnamese mobile number after NormalizePhone: 10 digits, 0 then
// a mobile prefix 3, 5, 7, 8 or 9 (the prefixes since the 2018 renumbering).
func ValidatePhone(field, s string) error {
	if len(s) != 10 || !allDigits(s) || s[0] != '0' || !strings.ContainsRune("35789", rune(s[1])) {
		return invalid(field, "số điện thoại di động phải gồm 10 chữ số, bắt đầu bằng 03, 05, 07, 08 hoặc 09 (hoặc +84)",
			"mobile number must be 10 digits starting with 03, 05, 07, 08 or 09 (or +84)")
	}
	return nil
}

// ValidateEmail checks the shape of a bare address: one @, a dotted domain, no display
// name.
func ValidateEmail(field, s string) error {
	a, err := mail.ParseAddress(s)
	_, domain, _ := strings.Cut(s, "@")
	if err != nil || a.Address != s || !strings.Contains(domain, ".") ||
		strings.HasPrefix(domain, ".") || strings.HasSuffix(domain, ".") {
		return invalid(field, fmt.Sprintf("địa chỉ thư điện tử %q không hợp lệ", s),
			fmt.Sprintf("email address %q is invalid", s))
	}
	return nil
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
