package demo

import (
	"bytes"
	"fmt"
	"strings"
	"time"
	"unicode"

	"github.com/motcua/motcua/sqlstore"
	"github.com/motcua/motcua/textfold"
)

// documentShare of the history's dossiers carry a scan of each required paper; the rest
// have none, to keep the demo database small.
const documentShare = 0.1

// samplePDF is a one-page PDF of a few hundred bytes saying it stands for the paper:
// ASCII text in a standard font, so it needs no embedded font.
func samplePDF(lines ...string) []byte {
	var text bytes.Buffer
	text.WriteString("BT /F1 12 Tf 56 780 Td 16 TL\n")
	for _, l := range lines {
		fmt.Fprintf(&text, "(%s) Tj T*\n", pdfText(l))
	}
	text.WriteString("ET\n")
	objects := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%sendstream", text.Len(), text.String()),
	}
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offsets := make([]int, len(objects))
	for i, o := range objects {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objects)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objects)+1, xref)
	return b.Bytes()
}

// pdfText takes the diacritics off Vietnamese letters (the standard font has none),
// keeping case and punctuation, and escapes the string delimiters.
func pdfText(s string) string {
	var b bytes.Buffer
	for _, r := range s {
		if r >= 128 {
			f := textfold.Fold(string(r))
			if unicode.IsUpper(r) {
				f = strings.ToUpper(f)
			}
			b.WriteString(f)
			continue
		}
		if r == '(' || r == ')' || r == '\\' {
			b.WriteByte('\\')
		}
		if r >= 32 && r < 127 {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// attach uploads a sample scan of each required paper of c's dossier at now, as the
// applicant online or the desk at the counter would.
func (s *sim) attach(c *simCase, by int64, now time.Time) error {
	v := c.proc.Version(c.d.VersionNumber)
	if v == nil {
		return nil
	}
	for i, doc := range v.Documents {
		if doc.Optional {
			continue
		}
		content := samplePDF("Du lieu mau (demo motcua) - ban scan gia lap", doc.Name, c.applicant.Name,
			c.applicant.Organisation, now.Format(time.DateOnly))
		_, err := s.db.AddDocument(s.ctx, sqlstore.Document{DossierID: c.d.ID, Slot: i, SlotName: doc.Name,
			Filename: fmt.Sprintf("thanh-phan-%d.pdf", i+1), ContentType: "application/pdf", UploadedAt: now,
			UploadedBy: by}, content)
		if err != nil {
			return err
		}
		s.stats.Documents++
	}
	return nil
}
