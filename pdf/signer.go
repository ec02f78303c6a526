package pdf

// Signer is the head who signs letters sent in the agency's name (forms 04 and 05).
type Signer struct {
	Title string // e.g. "GIÁM ĐỐC" or "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC"; a generic title when empty
	Name  string
}

func (s Signer) signature() signature {
	title := s.Title
	if title == "" {
		title = "THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ"
	}
	return signature{title, "(Ký, ghi rõ họ tên và đóng dấu)", s.Name}
}
