package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
)

func TestBackupAndRestoreRoundTrip(t *testing.T) {
	dir := t.TempDir()
	live := filepath.Join(dir, "live.db")
	backup := filepath.Join(dir, "backup.db")
	restored := filepath.Join(dir, "restored.db")
	csv := filepath.Join("..", "..", "demo", "sct-procedures.csv")
	var out bytes.Buffer
	if err := run([]string{"import", "--db", live, csv}, &out); err != nil {
		t.Fatal(err)
	}
	if err := run([]string{"backup", "--db", live, backup}, &out); err != nil {
		t.Fatal(err)
	}
	if err := run([]string{"restore", "--db", live, backup}, &out); err == nil {
		t.Fatal("restore over an existing database without --force")
	}
	if err := run([]string{"restore", "--db", restored, filepath.Join(dir, "missing.db")}, &out); err == nil {
		t.Fatal("restore from a missing file")
	}
	if err := run([]string{"restore", "--db", restored, backup}, &out); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	if err := run([]string{"export", "--db", restored}, &out); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(out.String(), `"code":`); n < 41 {
		t.Fatalf("restored catalog has %d codes, want 41", n)
	}
}
