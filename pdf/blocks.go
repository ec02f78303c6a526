package pdf

import "strconv"

// paraGap is the space after a paragraph, in mm.
const paraGap = 0.8

// keepAside narrows the text to the left of the aside box while the cursor is beside it.
func (d *document) keepAside() {
	if d.GetY() < d.asideBottom {
		d.SetRightMargin(d.right + d.asideWidth)
		return
	}
	d.SetRightMargin(d.right)
}

// para prints a wrapped paragraph in the body face; style is "", "B" or "I".
func (d *document) para(style, text string) {
	d.keepAside()
	d.SetFont(family, style, bodySize)
	d.MultiCell(0, lineH, text, "", "J", false)
	d.Ln(paraGap)
}

// field prints "label: value", the value wrapping under the label; an empty value leaves
// dots to fill by hand.
func (d *document) field(label, value string) {
	d.keepAside()
	d.SetFont(family, "", bodySize)
	d.Write(lineH, label+": ")
	d.SetFont(family, "B", bodySize)
	d.Write(lineH, orDots(value))
	d.SetFont(family, "", bodySize)
	d.Ln(lineH + paraGap)
}

// fields prints several label-value pairs on one line, e.g. phone and e-mail.
func (d *document) fields(pairs ...string) {
	d.keepAside()
	for i := 0; i+1 < len(pairs); i += 2 {
		if i > 0 {
			d.Write(lineH, "    ")
		}
		d.SetFont(family, "", bodySize)
		d.Write(lineH, pairs[i]+": ")
		d.SetFont(family, "B", bodySize)
		value := pairs[i+1]
		if value == "" {
			value = "......................."
		}
		d.Write(lineH, value)
	}
	d.SetFont(family, "", bodySize)
	d.Ln(lineH + paraGap)
}

// list prints numbered items with a hanging indent.
func (d *document) list(items []string) {
	if len(items) == 0 {
		items = []string{""}
	}
	left, _, _, _ := d.GetMargins()
	for i, item := range items {
		d.keepAside()
		d.SetFont(family, "", bodySize)
		d.SetX(left + 5)
		d.CellFormat(7, lineH, strconv.Itoa(i+1)+".", "", 0, "L", false, 0, "")
		d.MultiCell(0, lineH, orDots(item), "", "J", false)
		d.Ln(paraGap)
	}
}

// signature is one signing place: who signs, how, and the printed name.
type signature struct {
	Title string // e.g. "NGƯỜI TIẾP NHẬN HỒ SƠ"
	Note  string // e.g. "(Ký và ghi rõ họ tên)"
	Name  string
}

// signatures lays the places side by side; a single one goes to the right half, as on
// official letters.
func (d *document) signatures(sigs ...signature) {
	d.SetRightMargin(d.right)
	d.Ln(4)
	d.ensure(42)
	left, _, _, _ := d.GetMargins()
	colW := d.width / float64(len(sigs))
	x := left
	if len(sigs) == 1 {
		colW = d.width / 2
		x = left + colW
	}
	top := d.GetY()
	for i, s := range sigs {
		cx := x + float64(i)*colW
		d.SetXY(cx, top)
		d.SetFont(family, "B", bodySize)
		d.MultiCell(colW, lineH, s.Title, "", "C", false)
		d.SetX(cx)
		d.SetFont(family, "I", 11)
		d.MultiCell(colW, 5.5, s.Note, "", "C", false)
		d.SetXY(cx, top+30)
		d.SetFont(family, "B", bodySize)
		d.MultiCell(colW, lineH, s.Name, "", "C", false)
	}
	d.SetFont(family, "", bodySize)
}
