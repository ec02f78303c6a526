package notify

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"mime/quotedprintable"
	"net/mail"
	"strings"
	"time"
	"unicode/utf8"
)

// Message is one composed e-mail, ready to render. ID and Date are stamped from the outbox
// item (see Stamp), so that every attempt at the same item renders the same bytes.
type Message struct {
	ID      string // Message-ID without angle brackets
	Date    time.Time
	From    mail.Address
	To      mail.Address
	Kind    Kind
	Subject string
	Text    string // plain text, "\n" line ends
}

// MessageID derives a Message-ID from the outbox dedupe key: a re-send after a crash carries
// the same ID, so the receiving side can drop the duplicate.
func MessageID(dedupeKey, fromAddr string) string {
	sum := sha256.Sum256([]byte(dedupeKey))
	domain := "motcua.invalid"
	if at := strings.LastIndexByte(fromAddr, '@'); at >= 0 && at < len(fromAddr)-1 {
		domain = fromAddr[at+1:]
	}
	return "motcua." + hex.EncodeToString(sum[:16]) + "@" + domain
}

// Stamp sets the identity of m from its outbox item: the ID from the dedupe key and the
// Date from when the event was recorded.
func (m Message) Stamp(dedupeKey string, at time.Time) Message {
	m.ID = MessageID(dedupeKey, m.From.Address)
	m.Date = at
	return m
}

// Bytes renders m as RFC 5322 with CRLF line ends: UTF-8 text in quoted-printable and
// RFC 2047 encoded headers.
func (m Message) Bytes() ([]byte, error) {
	if m.ID == "" || m.Date.IsZero() {
		return nil, errors.New("notify: message has no Message-ID or Date; call Stamp")
	}
	if m.From.Address == "" || m.To.Address == "" {
		return nil, errors.New("notify: message has no sender or recipient")
	}
	var b bytes.Buffer
	header := func(name, value string) { b.WriteString(name + ": " + value + "\r\n") }
	header("Date", m.Date.In(vietnam).Format(time.RFC1123Z))
	header("From", addressHeader(m.From))
	header("To", addressHeader(m.To))
	header("Subject", encodeHeader(m.Subject))
	header("Message-ID", "<"+m.ID+">")
	header("MIME-Version", "1.0")
	header("Content-Type", "text/plain; charset=utf-8")
	header("Content-Transfer-Encoding", "quoted-printable")
	header("Content-Language", "vi, en")
	// Ask mail systems not to answer with vacation notices (RFC 3834, and Exchange's own).
	header("Auto-Submitted", "auto-generated")
	header("X-Auto-Response-Suppress", "All")
	b.WriteString("\r\n")
	qp := quotedprintable.NewWriter(&b)
	if _, err := qp.Write([]byte(m.Text)); err != nil {
		return nil, err
	}
	if err := qp.Close(); err != nil {
		return nil, err
	}
	if !bytes.HasSuffix(b.Bytes(), []byte("\r\n")) {
		b.WriteString("\r\n")
	}
	return b.Bytes(), nil
}

// wordBytes is how much text one encoded word carries: "Subject: " plus the word, or a
// space plus the word on a folded line, stays within 78 characters.
const wordBytes = 42

// encodeHeader writes s as RFC 2047 "B" words, one per folded line, when it is not plain
// ASCII. Splitting falls on character boundaries, as RFC 2047 requires.
func encodeHeader(s string) string {
	s = oneLine(s)
	if isPlain(s) {
		return s
	}
	var words []string
	for len(s) > 0 {
		n := min(len(s), wordBytes)
		for n < len(s) && !utf8.RuneStart(s[n]) {
			n--
		}
		words = append(words, "=?utf-8?b?"+base64.StdEncoding.EncodeToString([]byte(s[:n]))+"?=")
		s = s[n:]
	}
	return strings.Join(words, "\r\n ")
}

// addressHeader writes a mailbox with an encoded display name on its own lines.
func addressHeader(a mail.Address) string {
	name := oneLine(a.Name)
	if isPlain(name) {
		return (&mail.Address{Name: name, Address: a.Address}).String()
	}
	return encodeHeader(name) + "\r\n <" + a.Address + ">"
}

func isPlain(s string) bool {
	for i := range len(s) {
		if s[i] < ' ' || s[i] > '~' {
			return false
		}
	}
	return true
}

// oneLine collapses runs of white space, line breaks included, into single spaces: values
// that reach a header must not be able to start a new one.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
