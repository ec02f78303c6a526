// Package loadgen drives a running motcua server over HTTP the way many clients at once
// would, and summarises what it measured: throughput and latency percentiles. The
// scale tests and `motcua bench` share it, so both count the same things the same way.
package loadgen
