package notify

import (
	"context"
	"log/slog"
	"strings"
)

// LogSender stands in for a mail server in the demo: it logs who would get what, but not
// the body, whose tracking link lets anyone follow the dossier, and only a masked address.
type LogSender struct{ Log *slog.Logger }

func (s LogSender) Send(_ context.Context, m Message) error {
	log := s.Log
	if log == nil {
		log = slog.Default()
	}
	log.Info("notify: e-mail (not sent: no SMTP server configured)",
		"message_id", m.ID, "to", MaskAddress(m.To.Address), "kind", m.Kind,
		"subject", m.Subject, "body_bytes", len(m.Text))
	return nil
}

// MaskAddress hides most of the local part: "nguyenvanan@gmail.com" → "ng***@gmail.com".
func MaskAddress(addr string) string {
	at := strings.LastIndexByte(addr, '@')
	if at < 0 {
		return "***"
	}
	keep := min(2, at)
	return addr[:keep] + "***" + addr[at:]
}
