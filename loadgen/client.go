package loadgen

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"time"
)

// Client talks JSON to one server.
type Client struct {
	Base string // e.g. http://127.0.0.1:8080
	HTTP *http.Client
}

// NewClient returns a client with a connection pool sized for conns concurrent requests,
// so a load run measures the server rather than TCP handshakes.
func NewClient(base string, conns int) *Client {
	tr := &http.Transport{
		DialContext:         (&net.Dialer{Timeout: 5 * time.Second}).DialContext,
		MaxIdleConns:        conns * 2,
		MaxIdleConnsPerHost: conns * 2,
		IdleConnTimeout:     30 * time.Second,
	}
	return &Client{Base: base, HTTP: &http.Client{Transport: tr, Timeout: 30 * time.Second}}
}

// Response is a finished request.
type Response struct {
	Status int
	Header http.Header
	Body   []byte
}

// Decode reads the body as JSON into v.
func (r Response) Decode(v any) error {
	if err := json.Unmarshal(r.Body, v); err != nil {
		return fmt.Errorf("decode %d %.200s: %w", r.Status, r.Body, err)
	}
	return nil
}

// Do sends one request with an optional bearer token and JSON body (nil for none).
func (c *Client) Do(ctx context.Context, method, path, token string, body any) (Response, error) {
	var rd io.Reader
	if body != nil {
		raw, err := json.Marshal(body)
		if err != nil {
			return Response{}, err
		}
		rd = bytes.NewReader(raw)
	}
	req, err := http.NewRequestWithContext(ctx, method, c.Base+path, rd)
	if err != nil {
		return Response{}, err
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	if rd != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	return c.Send(req)
}

// Send sends a request built by the caller, such as a multipart upload.
func (c *Client) Send(req *http.Request) (Response, error) {
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return Response{}, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return Response{}, err
	}
	return Response{resp.StatusCode, resp.Header, b}, nil
}

// Expect sends a request and fails unless the server answers want.
func (c *Client) Expect(ctx context.Context, want int, method, path, token string, body any) (Response, error) {
	r, err := c.Do(ctx, method, path, token, body)
	if err != nil {
		return r, fmt.Errorf("%s %s: %w", method, path, err)
	}
	if r.Status != want {
		return r, fmt.Errorf("%s %s: %d %.300s, want %d", method, path, r.Status, r.Body, want)
	}
	return r, nil
}

// Token signs in through POST /api/v1/auth/token and returns the bearer token.
func (c *Client) Token(ctx context.Context, username, password string) (string, error) {
	r, err := c.Expect(ctx, http.StatusOK, "POST", "/api/v1/auth/token", "",
		map[string]string{"username": username, "password": password})
	if err != nil {
		return "", err
	}
	var out struct{ Token string }
	if err := r.Decode(&out); err != nil {
		return "", err
	}
	return out.Token, nil
}

// WaitReady polls /readyz until the server answers 200 or the timeout passes.
func (c *Client) WaitReady(ctx context.Context, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	for {
		r, err := c.Do(ctx, "GET", "/readyz", "", nil)
		if err == nil && r.Status == http.StatusOK {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("server at %s not ready after %s: %v", c.Base, timeout, err)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(50 * time.Millisecond):
		}
	}
}
