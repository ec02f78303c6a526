// Package smtptest runs a real SMTP server on the loopback interface for tests. It records
// every message it accepts and can be told to refuse or to drop the line, so that tests can
// watch retries and duplicates the way a mail system sees them.
package smtptest

import (
	"bytes"
	"io"
	"log"
	"net"
	"net/mail"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-sasl"
	gosmtp "github.com/emersion/go-smtp"
)

// Received is one message as the server took it.
type Received struct {
	From      string
	To        []string
	MessageID string // without angle brackets
	Data      []byte
}

// Server is a running test server. Its methods are safe for concurrent use.
type Server struct {
	Addr string // 127.0.0.1:port

	srv      *gosmtp.Server
	mu       sync.Mutex
	changed  chan struct{} // closed and replaced on every accepted message
	received []Received
	failNext int
	failCode int
	dropNext int
	bad      map[string]bool
	user     string
	password string
}

// Start listens on 127.0.0.1:0 and stops the server when the test ends.
func Start(t testing.TB) *Server {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := &Server{Addr: l.Addr().String(), changed: make(chan struct{}), bad: map[string]bool{}}
	s.srv = gosmtp.NewServer(gosmtp.BackendFunc(func(c *gosmtp.Conn) (gosmtp.Session, error) {
		return &session{s: s, conn: c}, nil
	}))
	s.srv.Domain = "localhost"
	s.srv.AllowInsecureAuth = true // PLAIN over loopback without TLS
	s.srv.ReadTimeout = 10 * time.Second
	s.srv.WriteTimeout = 10 * time.Second
	s.srv.ErrorLog = log.New(io.Discard, "", 0) // dropped connections are on purpose
	go s.srv.Serve(l)
	t.Cleanup(func() { s.srv.Close() })
	return s
}

// FailNext makes the next n messages be refused with code at the end of DATA (e.g. 451
// for "try later", 554 for "rejected").
func (s *Server) FailNext(n, code int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.failNext, s.failCode = n, code
}

// DropNext makes the server keep the next n messages and then cut the connection before
// answering, as a crash or a network cut right after the data would: the sender cannot
// know the message arrived.
func (s *Server) DropNext(n int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.dropNext = n
}

// RejectRecipient makes RCPT TO addr answer 550 "no such user".
func (s *Server) RejectRecipient(addr string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.bad[strings.ToLower(addr)] = true
}

// RequireAuth makes the server accept mail only after AUTH PLAIN with user and password.
func (s *Server) RequireAuth(user, password string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.user, s.password = user, password
}

// Received returns every message accepted, duplicates included.
func (s *Server) Received() []Received {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Received(nil), s.received...)
}

// Mailbox returns what a recipient whose mail system drops repeated Message-IDs sees: the
// first copy of each message.
func (s *Server) Mailbox() []Received {
	seen := map[string]bool{}
	var out []Received
	for _, r := range s.Received() {
		if r.MessageID != "" && seen[r.MessageID] {
			continue
		}
		seen[r.MessageID] = true
		out = append(out, r)
	}
	return out
}

// WaitReceived waits until at least n messages (duplicates included) were accepted or
// timeout passes, and returns them.
func (s *Server) WaitReceived(n int, timeout time.Duration) []Received {
	deadline := time.After(timeout)
	for {
		s.mu.Lock()
		got, changed := len(s.received), s.changed
		s.mu.Unlock()
		if got >= n {
			return s.Received()
		}
		select {
		case <-changed:
		case <-deadline:
			return s.Received()
		}
	}
}

func (s *Server) accept(r Received) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.received = append(s.received, r)
	close(s.changed)
	s.changed = make(chan struct{})
}

// verdict consumes one scheduled failure, if any.
func (s *Server) verdict() (code int, drop bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.failNext > 0 {
		s.failNext--
		return s.failCode, false
	}
	if s.dropNext > 0 {
		s.dropNext--
		return 0, true
	}
	return 0, false
}

func messageID(data []byte) string {
	m, err := mail.ReadMessage(bytes.NewReader(data))
	if err != nil {
		return ""
	}
	return strings.Trim(m.Header.Get("Message-ID"), "<> ")
}

// plainServer checks AUTH PLAIN against the configured account.
func (s *Server) plainServer(authed *bool) sasl.Server {
	return sasl.NewPlainServer(func(_, user, password string) error {
		s.mu.Lock()
		defer s.mu.Unlock()
		if user != s.user || password != s.password {
			return gosmtp.ErrAuthFailed
		}
		*authed = true
		return nil
	})
}
