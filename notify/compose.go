package notify

import (
	"net/mail"
	"strings"

	"github.com/motcua/motcua"
	"golang.org/x/text/unicode/norm"
)

// Compose writes the message that tells e.To about the event e reports, sent from from
// (e.g. `Sở Công Thương <noreply@sct.example.gov.vn>`). The result still needs Stamp.
func Compose(e Email, from string) (Message, error) {
	if err := e.Validate(); err != nil {
		return Message{}, err
	}
	sender, err := mail.ParseAddress(from)
	if err != nil {
		return Message{}, motcua.Invalid("from", "địa chỉ gửi thư không hợp lệ", "invalid sender address")
	}
	to, _ := mail.ParseAddress(e.To) // checked by Validate
	e = clean(e)
	subject, body := texts[e.Kind](e)
	return Message{
		From:    *sender,
		To:      mail.Address{Name: oneLine(norm.NFC.String(to.Name)), Address: to.Address},
		Kind:    e.Kind,
		Subject: subject,
		Text:    body + footer,
	}, nil
}

// clean puts the free text of e in Unicode NFC, since forms typed on different systems mix
// precomposed and combining Vietnamese marks, and keeps one-line fields on one line.
func clean(e Email) Email {
	line := func(s string) string { return oneLine(norm.NFC.String(s)) }
	e.DossierCode = line(e.DossierCode)
	e.Procedure = line(e.Procedure)
	e.Applicant = line(e.Applicant)
	e.Reason = strings.TrimSpace(norm.NFC.String(e.Reason))
	missing := make([]string, 0, len(e.Missing))
	for _, m := range e.Missing {
		if m = line(m); m != "" {
			missing = append(missing, m)
		}
	}
	e.Missing = missing
	return e
}
