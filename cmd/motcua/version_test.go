package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/motcua/motcua"
	"github.com/motcua/motcua/sqlstore"
)

// TestVersion names the build and the newest migration it carries for each engine.
func TestVersion(t *testing.T) {
	var out bytes.Buffer
	if err := run([]string{"version"}, &out); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(out.String(), "motcua "+motcua.Build().String()) {
		t.Fatalf("version:\n%s", out.String())
	}
	for _, engine := range []sqlstore.Engine{sqlstore.SQLite, sqlstore.Postgres} {
		migs, _ := sqlstore.Migrations(engine)
		if !strings.Contains(out.String(), "("+string(engine)+"): "+migs[len(migs)-1].String()+"\n") {
			t.Fatalf("version does not name %s's newest migration:\n%s", engine, out.String())
		}
	}
}
