// Package qr encodes short texts (tracking addresses, dossier codes) as QR codes, either as
// a module grid for vector drawing or as a PNG image. It wraps github.com/yeqown/go-qrcode.
package qr

import (
	"errors"

	qrcode "github.com/yeqown/go-qrcode/v2"
)

// QuietZone is the blank border, in modules, that readers need around the code.
const QuietZone = 4

// Modules returns the code as rows of modules, true for dark, without the quiet zone.
// Medium error correction keeps the modules large enough to print a URL in 25 mm.
func Modules(content string) ([][]bool, error) {
	if content == "" {
		return nil, errors.New("qr: nội dung rỗng / empty content")
	}
	code, err := qrcode.NewWith(content,
		qrcode.WithEncodingMode(qrcode.EncModeByte),
		qrcode.WithErrorCorrectionLevel(qrcode.ErrorCorrectionMedium))
	if err != nil {
		return nil, err
	}
	grab := &grabber{}
	if err := code.Save(grab); err != nil {
		return nil, err
	}
	return grab.bitmap, nil
}

// grabber is a qrcode.Writer that keeps the matrix instead of drawing it.
type grabber struct{ bitmap [][]bool }

func (g *grabber) Write(m qrcode.Matrix) error {
	g.bitmap = m.Bitmap()
	return nil
}

func (g *grabber) Close() error { return nil }
