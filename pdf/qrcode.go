package pdf

import "github.com/motcua/motcua/qr"

// qrCode draws content as a vector QR code filling the square of side mm at x, y; the
// caller keeps a blank quiet zone of four modules (about 3 mm) around it. Vectors stay
// sharp at any print resolution.
func (d *document) qrCode(content string, x, y, side float64) error {
	modules, err := qr.Modules(content)
	if err != nil {
		return err
	}
	m := side / float64(len(modules))
	x0, y0 := x, y
	d.SetFillColor(0, 0, 0)
	for row, line := range modules {
		// One rectangle per run of dark modules keeps the page small.
		for col := 0; col < len(line); {
			if !line[col] {
				col++
				continue
			}
			start := col
			for col < len(line) && line[col] {
				col++
			}
			d.Rect(x0+float64(start)*m, y0+float64(row)*m, float64(col-start)*m, m, "F")
		}
	}
	d.SetFillColor(255, 255, 255)
	return nil
}
