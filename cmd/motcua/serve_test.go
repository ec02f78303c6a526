package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/motcua/motcua"
)

// TestServeRefusesBadProxies: a trusted-proxies list that is not addresses stops serve
// before it opens the database, naming the setting.
func TestServeRefusesBadProxies(t *testing.T) {
	db := filepath.Join(t.TempDir(), "motcua.db")
	var out bytes.Buffer
	err := run([]string{"serve", "--db", db, "--addr", "127.0.0.1:0", "--trusted-proxies", "10.0.0.0/8,proxy.internal"}, &out)
	var me *motcua.Error
	if !errors.As(err, &me) || me.Field != "trusted-proxies" {
		t.Fatalf("serve: %v, want a refusal naming trusted-proxies", err)
	}
	if _, err := os.Stat(db); !os.IsNotExist(err) {
		t.Fatalf("the database was opened: %v", err)
	}
}
