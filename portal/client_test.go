package portal

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// answering is a portal whose service endpoint always answers with status and body.
func answering(t *testing.T, status int, body string) *Client {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/login" {
			w.Write([]byte(`{"error_code":0,"message":"ok","session":"s1"}`))
			return
		}
		w.WriteHeader(status)
		w.Write([]byte(body))
	}))
	t.Cleanup(srv.Close)
	return &Client{BaseURL: srv.URL, HTTP: srv.Client()}
}

func TestPortalClientClassifiesAnswers(t *testing.T) {
	cases := []struct {
		name    string
		status  int
		body    string
		wantErr Class // 0: success
		existed bool
	}{
		{"ok as number", 200, `{"error_code":0,"message":"Thành công"}`, 0, false},
		{"ok as 00", 200, `{"error_code":"00","message":"Thành công"}`, 0, false},
		{"already exists", 200, `{"error_code":"-3","message":"Hồ sơ đã tồn tại"}`, 0, true},
		{"exists by message", 200, `{"error_code":"3","message":"Mã hồ sơ ĐÃ TỒN TẠI trên hệ thống"}`, 0, true},
		{"invalid payload", 200, `{"error_code":"-1","message":"Thiếu MaTTHC"}`, Permanent, false},
		{"busy", 200, `{"error_code":"-5","message":"Hệ thống bận"}`, Temporary, false},
		{"unknown code", 200, `{"error_code":"99","message":"?"}`, Temporary, false},
		{"server error", 502, `<html>Bad Gateway</html>`, Temporary, false},
		{"unavailable with code", 503, `{"error_code":"-1","message":"bảo trì"}`, Temporary, false},
		{"garbled 200", 200, `<html>proxy</html>`, Temporary, false},
		{"bad request", 400, `<html>Bad Request</html>`, Permanent, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			reply, err := answering(t, c.status, c.body).Send(context.Background(), ServiceSyncDossier, false, []int{})
			if c.wantErr == 0 {
				if err != nil || reply.Existed != c.existed {
					t.Fatalf("reply %+v, err %v; want success, existed=%v", reply, err, c.existed)
				}
				return
			}
			var e *Error
			if !errors.As(err, &e) || e.Class != c.wantErr {
				t.Fatalf("err %v, want class %v", err, c.wantErr)
			}
			if IsPermanent(err) != (c.wantErr == Permanent) {
				t.Fatalf("IsPermanent = %v", IsPermanent(err))
			}
		})
	}
}

func TestPortalClientNetworkErrorsAreTemporary(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	url := srv.URL
	srv.Close()
	_, err := (&Client{BaseURL: url}).Send(context.Background(), ServiceSyncDossier, false, []int{})
	if err == nil || IsPermanent(err) {
		t.Fatalf("closed server: %v", err)
	}

	slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/login" {
			w.Write([]byte(`{"error_code":0,"session":"s"}`))
			return
		}
		io.Copy(io.Discard, r.Body) // the server notices a gone client only once the body is read
		sleep(r.Context(), 5*time.Second)
	}))
	defer slow.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	_, err = (&Client{BaseURL: slow.URL}).Send(ctx, ServiceSyncDossier, false, []int{})
	var e *Error
	if !errors.As(err, &e) || e.Class != Temporary || !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("timeout: %v", err)
	}
}

func TestPortalClientLogsInAgainWhenTheSessionEnds(t *testing.T) {
	fake := NewFakeServer(FakeOptions{Username: "motcua", Password: "bí mật"})
	srv := httptest.NewServer(fake)
	defer srv.Close()
	c := &Client{BaseURL: srv.URL, Username: "motcua", Password: "bí mật", UnitID: "000.00.12.H26"}
	if _, err := c.Send(context.Background(), ServiceLookupDossier, false, nil); err == nil {
		t.Fatalf("lookup without mahoso accepted")
	}
	fake.ExpireSessions()
	s := filedOnline(t)
	data := []DossierRecord{DossierPayload(s.d, context1())}
	if _, err := c.Send(context.Background(), ServiceSyncDossier, false, data); err != nil {
		t.Fatalf("after expiry: %v", err)
	}
	if fake.Writes(s.d.Code) != 1 {
		t.Fatalf("writes %d", fake.Writes(s.d.Code))
	}

	wrong := &Client{BaseURL: srv.URL, Username: "motcua", Password: "sai"}
	err := wrong.Login(context.Background())
	if err == nil || IsPermanent(err) {
		t.Fatalf("bad password: %v (a refused login must stay temporary)", err)
	}
}

func TestPortalClientCreatesWhenAnUpdateFindsNothing(t *testing.T) {
	fake := NewFakeServer(FakeOptions{})
	srv := httptest.NewServer(fake)
	defer srv.Close()
	c := &Client{BaseURL: srv.URL}
	s := filedOnline(t)
	if _, err := c.Send(context.Background(), ServiceSyncDossier, true, []DossierRecord{DossierPayload(s.d, context1())}); err != nil {
		t.Fatalf("update of an unknown dossier: %v", err)
	}
	reqs := fake.Requests()
	if len(reqs) != 2 || reqs[0].ErrorCode != CodeNotFound || *reqs[1].IsUpdating || reqs[1].ErrorCode != CodeOK {
		t.Fatalf("requests %+v", reqs)
	}
	// A step for a dossier the portal does not have yet waits for it.
	_, err := c.Send(context.Background(), ServiceUpdateProgress, false,
		[]ProgressRecord{{MaHoSo: "H26-000000-0001", NguoiXuLy: "A", ThoiDiemXuLy: "20261201080000", NoiDungXuLy: "x", TrangThai: "4"}})
	if err == nil || IsPermanent(err) {
		t.Fatalf("step for unknown dossier: %v", err)
	}
}

func TestPortalClientFromEnv(t *testing.T) {
	env := map[string]string{}
	get := func(k string) string { return env[k] }
	if _, ok, err := ClientFromEnv(get); ok || err != nil {
		t.Fatalf("no URL: ok=%v err=%v", ok, err)
	}
	env[EnvURL], env[EnvUser], env[EnvPassword], env[EnvTimeout] = "https://dvc.example.vn/api", "u", "p", "5s"
	c, ok, err := ClientFromEnv(get)
	if !ok || err != nil || c.Username != "u" || c.Password != "p" || c.HTTP.Timeout != 5*time.Second {
		t.Fatalf("client %+v ok=%v err=%v", c, ok, err)
	}
	env[EnvURL] = "dvc.example.vn"
	if _, _, err := ClientFromEnv(get); err == nil || !strings.Contains(err.Error(), EnvURL) {
		t.Fatalf("bad URL: %v", err)
	}
}

func TestPortalReplyCodeReadsNumbersAndStrings(t *testing.T) {
	for in, want := range map[string]Code{`{"error_code":0}`: "0", `{"error_code":"00"}`: "00", `{"error_code":-3}`: "-3"} {
		var r Reply
		if err := json.Unmarshal([]byte(in), &r); err != nil || r.ErrorCode != want {
			t.Errorf("%s: %q, %v", in, r.ErrorCode, err)
		}
	}
}
