package main

import (
	"os"
	"runtime/debug"
)

// serverGCPercent is the collector's target for the long-running commands (serve, bench):
// the server's live heap is small (tens of MiB even over a million dossiers), so letting it
// grow four times before a collection costs little memory and saves most of the
// collector's CPU under load. GOGC and GOMEMLIMIT, when set, still decide.
const serverGCPercent = 400

func tuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(serverGCPercent)
	}
}
