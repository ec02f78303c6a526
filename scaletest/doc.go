// Package scaletest holds tests that build the real motcua binary and run it as separate
// processes: killed in the middle of a load and restarted on the same database, or run as
// several instances on one PostgreSQL database with a real SMTP server. They check the
// claims of the "Running at scale" section of the README. The package has no code of its
// own outside tests.
package scaletest
