// Package pdf prints the one-stop-shop forms of Circular 01/2018/TT-VPCP (as kept by
// Circular 03/2025/TT-VPCP) as A4 PDF documents in Vietnamese, with the national motto
// header. It knows nothing of the dossier domain: callers fill the plain view models
// defined here (Header, Receipt, Supplement, ...) and get the PDF bytes back.
//
// Each form has one function, FormNN(h Header, form) ([]byte, error); the bytes are a
// complete PDF, ready to be sent with Content-Type application/pdf. Times are printed in
// Vietnam time (UTC+7) whatever their location.
//
// Glossary: dossier = hồ sơ, procedure = thủ tục hành chính, receipt = tiếp nhận,
// appointment = ngày hẹn trả kết quả, supplement = bổ sung, handover = giao nhận,
// tracking book = sổ theo dõi hồ sơ.
package pdf

import (
	"bytes"
	"fmt"

	"github.com/go-pdf/fpdf"

	"github.com/motcua/motcua/assets/fonts"
)

const (
	family   = "serif"
	bodySize = 12
	lineH    = 5.9 // mm, for bodySize
)

// document is an fpdf page set-up with the embedded font and the margins of a form.
type document struct {
	*fpdf.Fpdf
	width float64 // printable width between the margins
	right float64 // the page's right margin, which keepAside widens for a while
	// aside is the vertical extent, from the top of the page, of a box kept on the right
	// (the QR code); text above asideBottom is narrowed by asideWidth.
	asideBottom, asideWidth float64
}

func newDocument(landscape bool, title string) *document {
	orientation := "P"
	if landscape {
		orientation = "L"
	}
	f := fpdf.New(orientation, "mm", "A4", "")
	f.AddUTF8FontFromBytes(family, "", fonts.SerifRegular)
	f.AddUTF8FontFromBytes(family, "B", fonts.SerifBold)
	f.AddUTF8FontFromBytes(family, "I", fonts.SerifItalic)
	f.SetTitle(title, true)
	f.SetCreator("motcua", true)
	f.SetLang("vi")
	if landscape {
		f.SetMargins(15, 12, 10)
		f.SetAutoPageBreak(true, 12)
	} else {
		// Narrower than the 30/15 mm of Decree 30/2020 so a slip fits on one page.
		f.SetMargins(22, 15, 15)
		f.SetAutoPageBreak(true, 15)
	}
	f.SetFont(family, "", bodySize)
	f.AddPage()
	w, _ := f.GetPageSize()
	l, _, r, _ := f.GetMargins()
	return &document{Fpdf: f, width: w - l - r, right: r}
}

// numberPages prints "Trang n/N" at the foot of every page; set before the first break.
func (d *document) numberPages() {
	d.AliasNbPages("{nb}")
	d.SetFooterFunc(func() {
		d.SetY(-10)
		d.SetFont(family, "I", 9)
		d.CellFormat(0, 5, fmt.Sprintf("Trang %d/{nb}", d.PageNo()), "", 0, "C", false, 0, "")
	})
}

func (d *document) bytes() ([]byte, error) {
	var buf bytes.Buffer
	if err := d.Output(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// bottom is the lowest y that content may reach on a page.
func (d *document) bottom() float64 {
	_, h := d.GetPageSize()
	_, b := d.GetAutoPageBreak()
	return h - b
}

// ensure starts a new page unless h millimetres are left on this one.
func (d *document) ensure(h float64) {
	if d.GetY()+h > d.bottom() {
		d.AddPage()
	}
}
