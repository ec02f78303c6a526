package portal

import (
	"fmt"
	"net/http"
	"net/url"
	"time"
)

// Environment variables that configure the portal client.
const (
	EnvURL         = "MOTCUA_PORTAL_URL"          // base URL; empty turns sync off
	EnvUser        = "MOTCUA_PORTAL_USER"         // integration account
	EnvPassword    = "MOTCUA_PORTAL_PASSWORD"     // its password
	EnvUnit        = "MOTCUA_PORTAL_UNIT"         // madonvi, our unit identifier
	EnvLoginPath   = "MOTCUA_PORTAL_LOGIN_PATH"   // default /login
	EnvServicePath = "MOTCUA_PORTAL_SERVICE_PATH" // default /service
	EnvTimeout     = "MOTCUA_PORTAL_TIMEOUT"      // per request, default 30s
)

// DefaultTimeout bounds one request to the portal.
const DefaultTimeout = 30 * time.Second

// ClientFromEnv builds a client from the MOTCUA_PORTAL_* variables read by getenv
// (os.Getenv). ok is false when MOTCUA_PORTAL_URL is empty: sync is off and messages stay
// queued.
func ClientFromEnv(getenv func(string) string) (c *Client, ok bool, err error) {
	base := getenv(EnvURL)
	if base == "" {
		return nil, false, nil
	}
	if u, err := url.Parse(base); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, false, fmt.Errorf("%s=%q is not an http(s) URL", EnvURL, base)
	}
	timeout := DefaultTimeout
	if s := getenv(EnvTimeout); s != "" {
		if timeout, err = time.ParseDuration(s); err != nil || timeout <= 0 {
			return nil, false, fmt.Errorf("%s=%q is not a positive duration", EnvTimeout, s)
		}
	}
	return &Client{
		BaseURL: base, Username: getenv(EnvUser), Password: getenv(EnvPassword),
		UnitID: getenv(EnvUnit), LoginPath: getenv(EnvLoginPath), ServicePath: getenv(EnvServicePath),
		HTTP: &http.Client{Timeout: timeout},
	}, true, nil
}
