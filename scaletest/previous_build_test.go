package scaletest

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// upgradeFrom names the build an upgrade test starts from (any git revision); by default
// it is the build just before the newest migration was added.
const upgradeFrom = "MOTCUA_TEST_UPGRADE_FROM"

var previous struct {
	once      sync.Once
	bin, rev  string
	skip, err string
}

// previousBuild builds motcua as it was before the newest migration, from this checkout's
// git history, once for the whole package, and returns the binary and its revision. The
// test is skipped where there is no history to build from (an export without .git, or a
// shallow clone).
func previousBuild(t *testing.T) (bin, rev string) {
	t.Helper()
	previous.once.Do(func() {
		previous.bin, previous.rev, previous.skip, previous.err = buildPrevious()
	})
	if previous.skip != "" {
		t.Skip(previous.skip)
	}
	if previous.err != "" {
		t.Fatal(previous.err)
	}
	return previous.bin, previous.rev
}

func buildPrevious() (bin, rev, skip, failure string) {
	git := func(args ...string) (string, error) {
		out, err := exec.Command("git", args...).Output()
		return strings.TrimSpace(string(out)), err
	}
	root, err := git("rev-parse", "--show-toplevel")
	if err != nil {
		return "", "", "no git history to build the previous build from", ""
	}
	from := os.Getenv(upgradeFrom)
	if from == "" {
		added, err := git("-C", root, "log", "-1", "--diff-filter=A", "--format=%H", "--", "sqlstore/migrations")
		if err != nil || added == "" {
			return "", "", "git history does not show when the newest migration was added", ""
		}
		from = added + "^"
	}
	if rev, err = git("-C", root, "rev-parse", "--short", from+"^{commit}"); err != nil {
		return "", "", "git history does not hold " + from + " (a shallow clone?)", ""
	}
	dir, err := os.MkdirTemp(filepath.Dir(binary), "previous-")
	if err != nil {
		return "", "", "", err.Error()
	}
	extract := exec.Command("sh", "-c", `git -C "$1" archive "$2" | tar -x -C "$3"`, "sh", root, rev, dir)
	if out, err := extract.CombinedOutput(); err != nil {
		return "", "", "", "extracting " + rev + ": " + err.Error() + "\n" + string(out)
	}
	bin = filepath.Join(dir, "motcua-"+rev)
	build := exec.Command("go", "build", "-o", bin, "./cmd/motcua")
	build.Dir = dir
	build.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=readonly")
	if out, err := build.CombinedOutput(); err != nil {
		return "", "", "", "building " + rev + ": " + err.Error() + "\n" + string(out)
	}
	return bin, rev, "", ""
}
