package notify

import (
	"bytes"
	"context"
	"log/slog"
	"strings"
	"testing"
	"time"
)

func TestLogSenderKeepsBodyAndAddressOut(t *testing.T) {
	var buf bytes.Buffer
	m, _ := Compose(sampleEmail(KindReceived), testFrom)
	m = m.Stamp("k", time.Now())
	if err := (LogSender{Log: slog.New(slog.NewTextHandler(&buf, nil))}).Send(context.Background(), m); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if strings.Contains(out, "track?code") || strings.Contains(out, "an.nguyen@") {
		t.Errorf("log leaks the body or the address: %s", out)
	}
	if !strings.Contains(out, m.ID) || !strings.Contains(out, "an***@example.vn") {
		t.Errorf("log lacks the message ID or masked recipient: %s", out)
	}
}
