package smtp_test

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/motcua/motcua/notify"
	"github.com/motcua/motcua/smtp"
	"github.com/motcua/motcua/smtp/smtptest"
)

func message(t *testing.T, to string) notify.Message {
	t.Helper()
	m, err := notify.Compose(notify.Email{To: to, Kind: notify.KindResultReady,
		DossierCode: "000.01.12.H26-261128-0001", Applicant: "Nguyễn Văn An"},
		"Sở Công Thương <noreply@sct.example.gov.vn>")
	if err != nil {
		t.Fatal(err)
	}
	return m.Stamp("dossier/1/"+to, time.Date(2026, 11, 28, 9, 0, 0, 0, time.UTC))
}

func plainSender(addr string) *smtp.Sender {
	return &smtp.Sender{Addr: addr, TLS: smtp.Plaintext, Timeout: 5 * time.Second, HelloName: "test.local"}
}

func sendErr(t *testing.T, err error) *notify.SendError {
	t.Helper()
	var se *notify.SendError
	if !errors.As(err, &se) {
		t.Fatalf("err = %v, want a *notify.SendError", err)
	}
	return se
}

func TestSendDelivers(t *testing.T) {
	srv := smtptest.Start(t)
	srv.RequireAuth("motcua", "s3cret")
	s := plainSender(srv.Addr)
	s.Username, s.Password = "motcua", "s3cret"
	s.From = "bounces@sct.example.gov.vn"
	m := message(t, "an@example.vn")
	if err := s.Send(context.Background(), m); err != nil {
		t.Fatal(err)
	}
	got := srv.Received()
	if len(got) != 1 || got[0].MessageID != m.ID || got[0].From != "bounces@sct.example.gov.vn" ||
		len(got[0].To) != 1 || got[0].To[0] != "an@example.vn" {
		t.Fatalf("received %+v", got)
	}
	if !strings.Contains(string(got[0].Data), "Content-Transfer-Encoding: quoted-printable") {
		t.Error("body not as rendered")
	}
}

func TestSendClassifiesFailures(t *testing.T) {
	srv := smtptest.Start(t)
	srv.RejectRecipient("ghost@example.vn")
	s := plainSender(srv.Addr)
	ctx := context.Background()

	if se := sendErr(t, s.Send(ctx, message(t, "ghost@example.vn"))); se.Temporary || se.Code != 550 {
		t.Errorf("unknown recipient: %+v", se)
	}
	srv.FailNext(1, 451)
	if se := sendErr(t, s.Send(ctx, message(t, "an@example.vn"))); !se.Temporary || se.Code != 451 {
		t.Errorf("451: %+v", se)
	}
	srv.FailNext(1, 554)
	if se := sendErr(t, s.Send(ctx, message(t, "an@example.vn"))); se.Temporary || se.Code != 554 {
		t.Errorf("554 at data: %+v", se)
	}
	srv.DropNext(1)
	if se := sendErr(t, s.Send(ctx, message(t, "an@example.vn"))); !se.Temporary {
		t.Errorf("dropped after data: %+v", se)
	}
	if len(srv.Received()) != 1 {
		t.Error("the dropped message should have reached the server")
	}

	// Problems of the account or the link concern every message: temporary, even a 5xx.
	srv.RequireAuth("motcua", "right")
	bad := plainSender(srv.Addr)
	bad.Username, bad.Password = "motcua", "wrong"
	if se := sendErr(t, bad.Send(ctx, message(t, "an@example.vn"))); !se.Temporary || se.Code != 535 {
		t.Errorf("bad password: %+v", se)
	}
	noAuth := plainSender(srv.Addr)
	if se := sendErr(t, noAuth.Send(ctx, message(t, "an@example.vn"))); !se.Temporary {
		t.Errorf("missing authentication: %+v", se)
	}
	tls := plainSender(srv.Addr)
	tls.TLS = smtp.STARTTLS
	if se := sendErr(t, tls.Send(ctx, message(t, "an@example.vn"))); !se.Temporary ||
		!strings.Contains(se.Error(), "STARTTLS") {
		t.Errorf("STARTTLS not offered: %+v", se)
	}
	if se := sendErr(t, s.Send(ctx, notify.Message{})); se.Temporary {
		t.Errorf("unrenderable message: %+v", se)
	}
}

func TestSendGivesUpOnSilentServer(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	go func() { // accept and say nothing
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			defer c.Close()
		}
	}()
	s := plainSender(l.Addr().String())
	s.Timeout = 200 * time.Millisecond
	start := time.Now()
	if se := sendErr(t, s.Send(context.Background(), message(t, "an@example.vn"))); !se.Temporary {
		t.Errorf("timeout: %+v", se)
	}
	if time.Since(start) > 2*time.Second {
		t.Error("Timeout not honoured")
	}
	ctx, cancel := context.WithCancel(context.Background())
	s.Timeout = time.Minute
	time.AfterFunc(100*time.Millisecond, cancel)
	start = time.Now()
	s.Send(ctx, message(t, "an@example.vn"))
	if time.Since(start) > 2*time.Second {
		t.Error("cancellation not honoured")
	}
}

func TestPasswordNeverPrinted(t *testing.T) {
	s := &smtp.Sender{Addr: "mail.example.vn:587", Username: "u", Password: "hunter2"}
	var b strings.Builder
	slog.New(slog.NewTextHandler(&b, nil)).Info("x", "smtp", s)
	for _, out := range []string{b.String(), fmt.Sprint(s), fmt.Sprintf("%v %s", s, s)} {
		if strings.Contains(out, "hunter2") {
			t.Errorf("password printed: %s", out)
		}
	}
}

func TestFromEnv(t *testing.T) {
	env := map[string]string{}
	get := func(k string) string { return env[k] }
	if s, err := smtp.FromEnv(get); s != nil || err != nil {
		t.Fatalf("unset: %v, %v", s, err)
	}
	env["MOTCUA_SMTP_ADDR"] = "mail.example.vn:465"
	env["MOTCUA_SMTP_TLS"] = "tls"
	env["MOTCUA_SMTP_USER"] = "u"
	env["MOTCUA_SMTP_PASSWORD"] = "p"
	env["MOTCUA_SMTP_TIMEOUT"] = "10s"
	s, err := smtp.FromEnv(get)
	if err != nil || s.TLS != smtp.ImplicitTLS || s.Timeout != 10*time.Second || s.Password != "p" {
		t.Fatalf("%+v, %v", s, err)
	}
	env["MOTCUA_SMTP_TLS"] = "maybe"
	if _, err := smtp.FromEnv(get); err == nil {
		t.Error("bad TLS mode accepted")
	}
}
