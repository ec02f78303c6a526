package web

import (
	"context"
	"time"
)

// clockTolerance is how far an instance's clock may be from the database server's before
// it warns. Sessions' expiry, the tracking guard's lock-out and the instances' liveness
// compare times one instance wrote with another's clock; machines kept by NTP agree to
// within milliseconds, and two seconds apart is already a clock left to drift.
const clockTolerance = 2 * time.Second

// measureSkew reads the database server's clock and records how far this machine's was
// from it: this machine's time halfway through the reading less the server's, to within
// half the round trip. It warns, once until it changes, while that is over clockTolerance.
func (s *Server) measureSkew(ctx context.Context) error {
	f := s.fleet
	before := f.wall()
	server, err := s.db.Clock(ctx)
	if err != nil {
		return err
	}
	after := f.wall()
	skew := before.Add(after.Sub(before) / 2).Sub(server).Round(time.Millisecond)
	f.self.ClockSkew = skew
	f.skew.Store(int64(skew))
	switch off := clockOff(skew); {
	case off && !f.clockOff:
		s.log.Warn("this machine's clock differs from the database server's: keep the clocks synchronised (NTP)",
			"skew", skew.String())
	case !off && f.clockOff:
		s.log.Info("this machine's clock agrees with the database server's again", "skew", skew.String())
	}
	f.clockOff = clockOff(skew)
	return nil
}

// clockOff tells whether skew is past clockTolerance either way.
func clockOff(skew time.Duration) bool { return skew > clockTolerance || skew < -clockTolerance }
