package smtp

import "fmt"

func (m TLSMode) String() string {
	switch m {
	case STARTTLS:
		return "starttls"
	case ImplicitTLS:
		return "tls"
	case Plaintext:
		return "none"
	}
	return fmt.Sprintf("TLSMode(%d)", int(m))
}

// ParseTLSMode reads "starttls" (or ""), "tls" or "none".
func ParseTLSMode(s string) (TLSMode, error) {
	switch s {
	case "", "starttls":
		return STARTTLS, nil
	case "tls":
		return ImplicitTLS, nil
	case "none":
		return Plaintext, nil
	}
	return 0, fmt.Errorf("smtp: unknown TLS mode %q (want starttls, tls or none)", s)
}
