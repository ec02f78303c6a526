package scaletest

import (
	"bytes"
	"io"
	"mime"
	"mime/quotedprintable"
	"net/mail"
	"strings"
	"testing"

	"github.com/motcua/motcua/smtp/smtptest"
)

// mailText decodes a received message's headers and plain-text body.
func mailText(t *testing.T, r smtptest.Received) (subject, to, body string) {
	t.Helper()
	m, err := mail.ReadMessage(bytes.NewReader(r.Data))
	if err != nil {
		t.Fatalf("message %s: %v", r.MessageID, err)
	}
	var rd io.Reader = m.Body
	if strings.EqualFold(m.Header.Get("Content-Transfer-Encoding"), "quoted-printable") {
		rd = quotedprintable.NewReader(m.Body)
	}
	b, err := io.ReadAll(rd)
	if err != nil {
		t.Fatalf("message %s body: %v", r.MessageID, err)
	}
	subject, err = new(mime.WordDecoder).DecodeHeader(m.Header.Get("Subject"))
	if err != nil {
		subject = m.Header.Get("Subject")
	}
	return subject, m.Header.Get("To"), string(b)
}
