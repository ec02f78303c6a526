// Package smtp delivers notify messages to a mail server over SMTP (net/smtp), with
// STARTTLS or implicit TLS and PLAIN authentication.
package smtp

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"log/slog"
	"net"
	netsmtp "net/smtp"
	"net/textproto"
	"os"
	"time"

	"github.com/motcua/motcua/notify"
)

// TLSMode says how the connection to the server is protected.
type TLSMode int

const (
	// STARTTLS upgrades the connection and refuses a server that does not offer it. It is
	// the zero value, so a Sender is safe unless told otherwise.
	STARTTLS TLSMode = iota
	// ImplicitTLS speaks TLS from the first byte (submissions port 465).
	ImplicitTLS
	// Plaintext sends in the clear: only for a relay on the same host or a test server.
	Plaintext
)

// Sender sends each message on a connection of its own. Password is never logged:
// Sender's String and LogValue leave it out.
type Sender struct {
	Addr      string // host:port
	Username  string // empty: no authentication
	Password  string
	From      string // envelope sender (bounces); empty: the message's From address
	TLS       TLSMode
	TLSConfig *tls.Config   // nil: verify the certificate against Addr's host
	Timeout   time.Duration // for the whole conversation; 0: 30 s
	HelloName string        // name given in EHLO; empty: this host's name
}

var _ notify.Sender = (*Sender)(nil)

func (s *Sender) String() string {
	return fmt.Sprintf("smtp://%s (user %q, tls %s)", s.Addr, s.Username, s.TLS)
}

// LogValue keeps the password out of structured logs.
func (s *Sender) LogValue() slog.Value {
	return slog.GroupValue(slog.String("addr", s.Addr), slog.String("user", s.Username),
		slog.String("tls", s.TLS.String()))
}

// Send delivers m, returning nil once the server accepted it. Failures are
// *notify.SendError: a 5xx answer to the recipient or the content is permanent; anything
// that goes wrong before (connection, TLS, authentication, the envelope sender) is
// temporary, since it concerns every message rather than this one.
func (s *Sender) Send(ctx context.Context, m notify.Message) error {
	raw, err := m.Bytes()
	if err != nil {
		return notify.Permanent(0, err)
	}
	timeout := s.Timeout
	if timeout <= 0 {
		timeout = 30 * time.Second
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	c, err := s.open(ctx)
	if err != nil {
		return err
	}
	defer c.Close()
	from := s.From
	if from == "" {
		from = m.From.Address
	}
	if err := c.Mail(from); err != nil {
		return classify(err, false)
	}
	if err := c.Rcpt(m.To.Address); err != nil {
		return classify(err, true)
	}
	w, err := c.Data()
	if err != nil {
		return classify(err, true)
	}
	if _, err := w.Write(raw); err != nil {
		return classify(err, true)
	}
	// Close sends the final dot and reads the verdict: after a 250 the message is the
	// server's, and a failure to say goodbye changes nothing.
	if err := w.Close(); err != nil {
		return classify(err, true)
	}
	c.Quit()
	return nil
}

// open connects, greets, secures and authenticates.
func (s *Sender) open(ctx context.Context) (*netsmtp.Client, error) {
	host, _, err := net.SplitHostPort(s.Addr)
	if err != nil {
		return nil, notify.Temporary(0, fmt.Errorf("smtp: bad address %q: %w", s.Addr, err))
	}
	tlsConf := s.tlsConfig(host)
	var d net.Dialer
	conn, err := d.DialContext(ctx, "tcp", s.Addr)
	if err != nil {
		return nil, notify.Temporary(0, err)
	}
	if s.TLS == ImplicitTLS {
		conn = tls.Client(conn, tlsConf)
	}
	if dl, ok := ctx.Deadline(); ok {
		conn.SetDeadline(dl)
	}
	// Unblock any read or write as soon as ctx ends; Close then cleans up.
	context.AfterFunc(ctx, func() { conn.SetDeadline(time.Unix(1, 0)) })
	c, err := netsmtp.NewClient(conn, host)
	if err != nil {
		conn.Close()
		return nil, classify(err, false)
	}
	if err := s.handshake(c, host, tlsConf); err != nil {
		c.Close()
		return nil, err
	}
	return c, nil
}

func (s *Sender) handshake(c *netsmtp.Client, host string, tlsConf *tls.Config) error {
	name := s.HelloName
	if name == "" {
		name, _ = os.Hostname()
	}
	if name != "" {
		if err := c.Hello(name); err != nil {
			return classify(err, false)
		}
	}
	if s.TLS == STARTTLS {
		if ok, _ := c.Extension("STARTTLS"); !ok {
			return notify.Temporary(0, errors.New("smtp: server does not offer STARTTLS"))
		}
		if err := c.StartTLS(tlsConf); err != nil {
			return classify(err, false)
		}
	}
	if s.Username != "" {
		// net/smtp refuses PLAIN over an unprotected connection except to localhost.
		if err := c.Auth(netsmtp.PlainAuth("", s.Username, s.Password, host)); err != nil {
			return classify(err, false)
		}
	}
	return nil
}

func (s *Sender) tlsConfig(host string) *tls.Config {
	if s.TLSConfig != nil {
		c := s.TLSConfig.Clone()
		if c.ServerName == "" {
			c.ServerName = host
		}
		return c
	}
	return &tls.Config{ServerName: host, MinVersion: tls.VersionTLS12}
}

// classify turns an SMTP or network error into a notify.SendError. A 5xx is permanent only
// when it is about this message (about says so); other errors are temporary.
func classify(err error, about bool) error {
	var te *textproto.Error
	if errors.As(err, &te) {
		if te.Code >= 500 && about {
			return notify.Permanent(te.Code, err)
		}
		return notify.Temporary(te.Code, err)
	}
	return notify.Temporary(0, err)
}
