package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/motcua/motcua"
)

// TestServeRefusesBadSettings: a trusted-proxies list that is not addresses, or too few
// database connections, stops serve before it opens the database, naming the setting.
func TestServeRefusesBadSettings(t *testing.T) {
	for _, c := range []struct{ flag, value, field string }{
		{"--trusted-proxies", "10.0.0.0/8,proxy.internal", "trusted-proxies"},
		{"--db-max-conns", "2", "db-max-conns"},
	} {
		db := filepath.Join(t.TempDir(), "motcua.db")
		var out bytes.Buffer
		err := run([]string{"serve", "--db", db, "--addr", "127.0.0.1:0", c.flag, c.value}, &out)
		var me *motcua.Error
		if !errors.As(err, &me) || me.Field != c.field {
			t.Fatalf("serve %s %s: %v, want a refusal naming %s", c.flag, c.value, err, c.field)
		}
		if _, err := os.Stat(db); !os.IsNotExist(err) {
			t.Fatalf("%s: the database was opened: %v", c.flag, err)
		}
	}
}
