package smtp

import (
	"fmt"
	"time"
)

// FromEnv builds a Sender from MOTCUA_SMTP_ADDR (host:port), MOTCUA_SMTP_USER,
// MOTCUA_SMTP_PASSWORD, MOTCUA_SMTP_TLS (starttls, tls, none), MOTCUA_SMTP_TIMEOUT (a
// duration) and MOTCUA_SMTP_ENVELOPE_FROM. It returns nil, nil when no address is set.
func FromEnv(getenv func(string) string) (*Sender, error) {
	addr := getenv("MOTCUA_SMTP_ADDR")
	if addr == "" {
		return nil, nil
	}
	mode, err := ParseTLSMode(getenv("MOTCUA_SMTP_TLS"))
	if err != nil {
		return nil, err
	}
	s := &Sender{
		Addr:     addr,
		Username: getenv("MOTCUA_SMTP_USER"),
		Password: getenv("MOTCUA_SMTP_PASSWORD"),
		From:     getenv("MOTCUA_SMTP_ENVELOPE_FROM"),
		TLS:      mode,
	}
	if t := getenv("MOTCUA_SMTP_TIMEOUT"); t != "" {
		if s.Timeout, err = time.ParseDuration(t); err != nil {
			return nil, fmt.Errorf("smtp: MOTCUA_SMTP_TIMEOUT: %w", err)
		}
	}
	return s, nil
}
