package portal

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
)

// Client talks to the portal's integration endpoint.
//
// The login is not public. Vendor code POSTs {"username","password"} as JSON to a login
// path and reads {"error_code":0,"session":"…"}; every later call is a JSON POST to the
// service path whose body carries the session, the unit identifier ("madonvi") and the
// service's own fields. Both paths are configurable; the fake portal implements exactly
// this shape.
type Client struct {
	BaseURL, Username, Password string
	HTTP                        *http.Client // nil: http.DefaultClient (set a Timeout in production)

	LoginPath   string // default "/login"
	ServicePath string // default "/service"
	UnitID      string // madonvi: our unit identifier, sent when set
	Codes       *Codes // nil: DefaultCodes

	mu      sync.Mutex
	session string
}

// maxReply bounds how much of a reply is read; the portal's answers are small.
const maxReply = 1 << 20

// envelope is the body of a service call.
type envelope struct {
	Session    string `json:"session,omitempty"`
	UnitID     string `json:"madonvi,omitempty"`
	Service    string `json:"service"`
	IsUpdating *bool  `json:"isUpdating,omitempty"`
	Data       any    `json:"data"`
}

// Send calls service with data, logging in first when there is no session and once more
// when the portal says the session ended. isUpdating goes out only with DongBoHoSoMC.
// "Already exists" is success (Reply.Existed is set): a creation re-sent after a lost
// reply must not fail. An update of a dossier the portal does not know is sent again
// as a creation, so a dossier first seen on the portal at a later step still arrives.
// Every failure is an *Error with its Class.
func (c *Client) Send(ctx context.Context, service string, isUpdating bool, data any) (Reply, error) {
	env := envelope{UnitID: c.UnitID, Service: service, Data: data}
	if service == ServiceSyncDossier {
		env.IsUpdating = &isUpdating
	}
	for try := 0; ; try++ {
		session, err := c.ensureSession(ctx)
		if err != nil {
			return Reply{}, err
		}
		env.Session = session
		reply, out, err := c.call(ctx, service, c.path(c.ServicePath, "/service"), env)
		switch {
		case out == outcomeSession && try == 0:
			c.dropSession(session)
			continue
		case out == outcomeNotFound && env.IsUpdating != nil && *env.IsUpdating && try < 2:
			create := false
			env.IsUpdating = &create
			continue
		}
		return reply, err
	}
}

// Login opens a session. Send logs in by itself; call Login to check the settings at
// start-up. A refused login is temporary: credentials can be fixed without losing
// anything queued.
func (c *Client) Login(ctx context.Context) error {
	body := map[string]string{"username": c.Username, "password": c.Password}
	reply, _, err := c.call(ctx, "login", c.path(c.LoginPath, "/login"), body)
	if err == nil && reply.Session == "" {
		err = &Error{Service: "login", Code: reply.ErrorCode, Message: "no session in the reply"}
	}
	if err != nil {
		var e *Error
		if errors.As(err, &e) {
			e.Class = Temporary
		}
		return err
	}
	c.mu.Lock()
	c.session = reply.Session
	c.mu.Unlock()
	return nil
}

func (c *Client) ensureSession(ctx context.Context) (string, error) {
	c.mu.Lock()
	s := c.session
	c.mu.Unlock()
	if s != "" {
		return s, nil
	}
	if err := c.Login(ctx); err != nil {
		return "", err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.session, nil
}

// dropSession forgets a session the portal refused, unless another call already
// replaced it.
func (c *Client) dropSession(s string) {
	c.mu.Lock()
	if c.session == s {
		c.session = ""
	}
	c.mu.Unlock()
}

// call POSTs body and classifies the answer.
func (c *Client) call(ctx context.Context, service, path string, body any) (Reply, outcome, error) {
	fail := func(class Class, status int, r Reply, msg string, err error) (Reply, outcome, error) {
		out := outcomeTemporary
		if class == Permanent {
			out = outcomeInvalid
		}
		return r, out, &Error{Class: class, Service: service, Status: status, Code: r.ErrorCode, Message: msg, Err: err}
	}
	buf, err := json.Marshal(body)
	if err != nil {
		return fail(Permanent, 0, Reply{}, "cannot encode the request", err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, strings.TrimRight(c.BaseURL, "/")+path, bytes.NewReader(buf))
	if err != nil {
		return fail(Permanent, 0, Reply{}, "bad portal URL", err)
	}
	req.Header.Set("Content-Type", "application/json; charset=utf-8")
	req.Header.Set("Accept", "application/json")
	resp, err := c.httpClient().Do(req)
	if err != nil { // network, timeout, cancelled
		return fail(Temporary, 0, Reply{}, "", err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(io.LimitReader(resp.Body, maxReply))
	if err != nil {
		return fail(Temporary, resp.StatusCode, Reply{}, "reading the reply", err)
	}
	var r Reply
	parsed := json.Unmarshal(raw, &r) == nil && r.ErrorCode != ""
	st := resp.StatusCode
	switch {
	case st >= 500 || st == http.StatusTooManyRequests || st == http.StatusRequestTimeout:
		return fail(Temporary, st, r, r.Message, nil)
	case st == http.StatusUnauthorized || st == http.StatusForbidden:
		_, _, err := fail(Temporary, st, r, "session refused", nil)
		return r, outcomeSession, err
	case !parsed && st >= 200 && st < 300:
		return fail(Temporary, st, r, "unreadable reply: "+snippet(raw), nil)
	case !parsed:
		return fail(Permanent, st, r, snippet(raw), nil)
	}
	switch out := c.codes().classify(r); out {
	case outcomeOK:
		return r, out, nil
	case outcomeExists:
		r.Existed = true
		return r, out, nil
	case outcomeInvalid:
		return fail(Permanent, st, r, r.Message, nil)
	case outcomeSession:
		_, _, err := fail(Temporary, st, r, r.Message, nil)
		return r, out, err
	default: // not found, busy, unknown
		_, _, err := fail(Temporary, st, r, r.Message, nil)
		return r, out, err
	}
}

func (c *Client) httpClient() *http.Client {
	if c.HTTP != nil {
		return c.HTTP
	}
	return http.DefaultClient
}

func (c *Client) codes() Codes {
	if c.Codes != nil {
		return *c.Codes
	}
	return DefaultCodes
}

func (c *Client) path(p, def string) string {
	if p == "" {
		p = def
	}
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	return p
}

func snippet(b []byte) string {
	s := strings.TrimSpace(string(b))
	if len(s) > 200 {
		s = s[:200] + "…"
	}
	return fmt.Sprintf("%q", s)
}
