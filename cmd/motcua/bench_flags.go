package main

import "flag"

// benchFlags are the flags every `motcua bench` subcommand has. What -db accepts, what
// the CPU profile covers and how many clients make sense differ with what is measured, so
// each subcommand words and sets those itself.
type benchFlags struct {
	target  string // -db
	clients int
	asJSON  bool
	profile string // -cpuprofile
}

// newBenchFlags is the flag set of `motcua bench <name>` with the shared flags bound; the
// caller adds its own before parsing.
func newBenchFlags(name, dbUsage string, clients int, profileUsage string) (*flag.FlagSet, *benchFlags) {
	fs := flag.NewFlagSet("bench "+name, flag.ContinueOnError)
	bf := &benchFlags{}
	fs.StringVar(&bf.target, "db", "", dbUsage)
	fs.IntVar(&bf.clients, "clients", clients, "concurrent HTTP clients")
	fs.BoolVar(&bf.asJSON, "json", false, "print JSON")
	fs.StringVar(&bf.profile, "cpuprofile", "", profileUsage)
	return fs, bf
}
