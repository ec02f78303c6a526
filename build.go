package motcua

import (
	"runtime"
	"runtime/debug"
)

// BuildInfo names the running build, as the go command stamped it from version control.
type BuildInfo struct {
	Revision  string // the commit, shortened to 12 characters; "unknown" without version control
	Time      string // when that commit was made (RFC 3339), or ""
	Modified  bool   // built from a tree with uncommitted changes
	GoVersion string
}

// Build reads the running build's stamp.
func Build() BuildInfo {
	b := BuildInfo{Revision: "unknown", GoVersion: runtime.Version()}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return b
	}
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			b.Revision = s.Value[:min(12, len(s.Value))]
		case "vcs.time":
			b.Time = s.Value
		case "vcs.modified":
			b.Modified = s.Value == "true"
		}
	}
	return b
}

// String is the revision, marked when the tree had uncommitted changes.
func (b BuildInfo) String() string {
	if b.Modified {
		return b.Revision + "+modified"
	}
	return b.Revision
}
