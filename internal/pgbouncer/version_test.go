package pgbouncer

import (
	"os"
	"path/filepath"
	"testing"
)

// KeepsPrepared reads the version PgBouncer prints, here from stand-in programs that print
// what 1.18, 1.21 and 2.0 print, and refuses what is not PgBouncer's.
func TestKeepsPrepared(t *testing.T) {
	for version, want := range map[string]bool{"1.18.0": false, "1.20.1": false, "1.21.0": true, "1.24.1": true, "2.0.0": true} {
		bin := filepath.Join(t.TempDir(), "pgbouncer")
		script := "#!/bin/sh\nprintf 'PgBouncer " + version + "\\nlibevent 2.1.12-stable\\n'\n"
		if err := os.WriteFile(bin, []byte(script), 0o755); err != nil {
			t.Fatal(err)
		}
		if got, err := KeepsPrepared(bin); err != nil || got != want {
			t.Errorf("PgBouncer %s: KeepsPrepared = %v, %v; want %v", version, got, err, want)
		}
	}
	other := filepath.Join(t.TempDir(), "other")
	if err := os.WriteFile(other, []byte("#!/bin/sh\necho 'something else 1.0'\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	if _, err := KeepsPrepared(other); err == nil {
		t.Error("a program that is not PgBouncer was taken for one")
	}
	if bin := Binary(); bin != "" {
		if _, err := KeepsPrepared(bin); err != nil {
			t.Errorf("the installed PgBouncer: %v", err)
		}
	}
}
