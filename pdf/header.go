package pdf

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Header is the top block every form shares: the issuing body on the left, the national
// motto on the right, then the document number and the place and date.
type Header struct {
	Parent string    // governing body, e.g. "UBND TỈNH HÀ NAM"; printed in plain capitals
	Agency string    // e.g. "SỞ CÔNG THƯƠNG"
	Unit   string    // optional issuing unit, e.g. "BỘ PHẬN MỘT CỬA"; the last line is bold
	Place  string    // place name of the date line, e.g. "Hà Nội"
	Date   time.Time // date of issue; zero leaves dots to fill by hand
	Number string    // e.g. "125/GTN"; printed "Số: 125/GTN", dots when empty
	// Name is how the acting body is called in running text, e.g. "Bộ phận Một cửa Sở
	// Công Thương"; when empty it is derived from Unit and Agency.
	Name string
}

const (
	motto      = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
	mottoLine2 = "Độc lập - Tự do - Hạnh phúc"
)

// header draws h. withNumber is false for books and sheets, which carry no number or date.
func (d *document) header(h Header, withNumber bool) {
	left, top, _, _ := d.GetMargins()
	leftW := d.width * 0.42
	rightX, rightW := left+leftW, d.width-leftW

	// Issuing body: superior bodies plain, the issuing one bold, a short rule under it.
	lines := nonEmpty(h.Parent, h.Agency, h.Unit)
	d.SetXY(left, top)
	for i, line := range lines {
		style := ""
		if i == len(lines)-1 {
			style = "B"
		}
		d.SetFont(family, style, 11.5)
		d.SetX(left)
		d.MultiCell(leftW, 5.4, line, "", "C", false)
	}
	if len(lines) > 0 {
		d.rule(left+leftW/2, d.GetY()+1.2, d.GetStringWidth(lines[len(lines)-1])/3)
	}
	leftEnd := d.GetY() + 2

	d.SetFont(family, "B", 11.5)
	d.SetXY(rightX, top)
	d.CellFormat(rightW, 5.4, motto, "", 2, "C", false, 0, "")
	d.SetFont(family, "B", 12.5)
	d.CellFormat(rightW, 5.8, mottoLine2, "", 2, "C", false, 0, "")
	d.rule(rightX+rightW/2, d.GetY()+0.9, d.GetStringWidth(mottoLine2))
	rightEnd := d.GetY() + 2

	y := max(leftEnd, rightEnd) + 1.5
	if withNumber {
		d.SetFont(family, "", 12)
		d.SetXY(left, y)
		number := h.Number
		if number == "" {
			number = "........../.........."
		}
		d.CellFormat(leftW, 6, "Số: "+number, "", 0, "C", false, 0, "")
		d.SetFont(family, "I", 12)
		d.SetXY(rightX, y)
		d.CellFormat(rightW, 6, placeDate(h.Place, h.Date), "", 0, "C", false, 0, "")
		y += 6
	}
	d.SetXY(left, y+5)
	d.SetFont(family, "", bodySize)
}

// rule draws a horizontal hairline of width w centred on cx.
func (d *document) rule(cx, y, w float64) {
	d.SetLineWidth(0.3)
	d.Line(cx-w/2, y, cx+w/2, y)
}

// title prints the form's name in bold capitals, then optional centred lines under it.
func (d *document) title(name string, sub ...string) {
	d.SetFont(family, "B", 13.5)
	d.MultiCell(0, 7, name, "", "C", false)
	for _, s := range sub {
		d.SetFont(family, "", bodySize)
		d.MultiCell(0, lineH, s, "", "C", false)
	}
	d.Ln(3)
	d.SetFont(family, "", bodySize)
}

func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// actor names the acting body in running text.
func (h Header) actor() string {
	if h.Name != "" {
		return h.Name
	}
	name := strings.TrimSpace(h.Unit + " " + h.Agency)
	if name == "" {
		return "Cơ quan"
	}
	return capitalizeWords(name)
}

// capitalizeWords turns "SỞ CÔNG THƯƠNG" into "Sở Công Thương".
func capitalizeWords(s string) string {
	words := strings.Fields(strings.ToLower(s))
	for i, w := range words {
		r, size := utf8.DecodeRuneInString(w)
		words[i] = string(unicode.ToUpper(r)) + w[size:]
	}
	return strings.Join(words, " ")
}
