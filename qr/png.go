package qr

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
)

// PNG draws the code as a black-on-white PNG about size pixels wide, quiet zone included.
// Modules are whole pixels so the image stays sharp; the result is never smaller than one
// pixel per module.
func PNG(content string, size int) ([]byte, error) {
	modules, err := Modules(content)
	if err != nil {
		return nil, err
	}
	n := len(modules) + 2*QuietZone
	scale := max(size/n, 1)
	side := n * scale
	img := image.NewPaletted(image.Rect(0, 0, side, side), color.Palette{color.White, color.Black})
	for y, row := range modules {
		for x, dark := range row {
			if !dark {
				continue
			}
			x0, y0 := (x+QuietZone)*scale, (y+QuietZone)*scale
			for dy := range scale {
				for dx := range scale {
					img.SetColorIndex(x0+dx, y0+dy, 1)
				}
			}
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
