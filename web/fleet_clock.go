package web

import "time"

// clockTolerance is how far an instance's clock may be from the database server's before
// it warns. Sessions' expiry, the tracking guard's lock-out and the instances' liveness
// compare times one instance wrote with another's clock; machines kept by NTP agree to
// within milliseconds, and two seconds apart is already a clock left to drift.
const clockTolerance = 2 * time.Second

// noteSkew records how far this machine's clock was from the database server's, which
// read server between this machine's before and after: this machine's time halfway less
// the server's, to within half the round trip. The instance's row carries it from the
// next heartbeat on. It warns, once until it changes, while that is over clockTolerance.
func (s *Server) noteSkew(before, after, server time.Time) {
	f := s.fleet
	skew := before.Add(after.Sub(before) / 2).Sub(server).Round(time.Millisecond)
	f.self.ClockSkew = skew
	f.skew.Store(int64(skew))
	off := clockOff(skew)
	switch {
	case off && !f.clockOff:
		s.log.Warn("this machine's clock differs from the database server's: keep the clocks synchronised (NTP)",
			"skew", skew.String())
	case !off && f.clockOff:
		s.log.Info("this machine's clock agrees with the database server's again", "skew", skew.String())
	}
	f.clockOff = off
}

// clockOff tells whether skew is past clockTolerance either way.
func clockOff(skew time.Duration) bool { return skew > clockTolerance || skew < -clockTolerance }
