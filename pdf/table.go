package pdf

import "fmt"

// column describes one column of a ruled table.
type column struct {
	Title string
	Width float64 // mm
	Align string  // "L", "C" or "R" for the body cells
}

// tableStyle sets the font size, the least row height (room for hand signatures) and
// whether a row of column numbers "(1) (2) ..." follows the titles, as registers have.
type tableStyle struct {
	Size, MinRowH float64
	Numbered      bool
}

// table draws a ruled table whose cells wrap; rows never split across pages, and the
// header rows are repeated at the top of every page the table runs onto.
func (d *document) table(cols []column, rows [][]string, st tableStyle) {
	size := st.Size
	const pad, cellLineH = 1.2, 0.45 // padding in mm; line height as a share of the font size in mm
	lh := size * cellLineH
	left, _, _, _ := d.GetMargins()

	heightOf := func(cells []string, style string) (float64, [][]string) {
		d.SetFont(family, style, size)
		h, split := 0.0, make([][]string, len(cols))
		for i, c := range cols {
			text := ""
			if i < len(cells) {
				text = cells[i]
			}
			split[i] = d.cellLines(text, c.Width-2*pad+2*d.GetCellMargin())
			h = max(h, float64(len(split[i]))*lh+2*pad)
		}
		return h, split
	}
	draw := func(h float64, split [][]string, style string, header bool) {
		d.SetFont(family, style, size)
		x, y := left, d.GetY()
		for i, c := range cols {
			d.Rect(x, y, c.Width, h, "D")
			align, ty := c.Align, y+pad
			if header {
				align, ty = "C", y+(h-float64(len(split[i]))*lh)/2
			}
			for j, line := range split[i] {
				d.SetXY(x+pad-d.GetCellMargin(), ty+float64(j)*lh)
				d.CellFormat(c.Width-2*pad+2*d.GetCellMargin(), lh, line, "", 0, align, false, 0, "")
			}
			x += c.Width
		}
		d.SetXY(left, y+h)
	}

	titles := make([]string, len(cols))
	numbers := make([]string, len(cols))
	for i, c := range cols {
		titles[i] = c.Title
		numbers[i] = fmt.Sprintf("(%d)", i+1)
	}
	headH, headSplit := heightOf(titles, "B")
	numH, numSplit := heightOf(numbers, "I")
	if !st.Numbered {
		numH = 0
	}
	drawHeader := func() {
		d.SetLineWidth(0.2)
		draw(headH, headSplit, "B", true)
		if st.Numbered {
			draw(numH, numSplit, "I", true)
		}
	}

	d.SetRightMargin(d.right)
	d.ensure(headH + numH + 2*lh + 2*pad)
	drawHeader()
	for _, r := range rows {
		h, split := heightOf(r, "")
		h = max(h, st.MinRowH)
		if d.GetY()+h > d.bottom() {
			d.AddPage()
			drawHeader()
		}
		draw(h, split, "", false)
	}
	d.SetFont(family, "", bodySize)
}
