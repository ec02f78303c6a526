package main

import (
	"context"
	"errors"
	"flag"
	"log/slog"
	"time"

	"github.com/motcua/motcua/sqlstore"
)

// dbWaitFlag is how long serve and migrate wait for a PostgreSQL server that does not
// answer yet.
func dbWaitFlag(fs *flag.FlagSet) *time.Duration {
	return fs.Duration("db-wait", envDuration("MOTCUA_DB_WAIT", 30*time.Second),
		"how long to wait at start for a PostgreSQL server that does not answer yet (starting, failing over, or a container started alongside), trying every second; 0 = do not wait (MOTCUA_DB_WAIT)")
}

// dbRetryEvery is how often openWaiting tries again.
const dbRetryEvery = time.Second

// openWaiting opens the database with open, trying again every second for up to wait while
// the PostgreSQL server does not answer (sqlstore.ErrNotAnswering). Any other failure, a
// refused password or a missing database, is returned at once. The wait is logged once.
func openWaiting(ctx context.Context, wait time.Duration, log *slog.Logger, open func() (*sqlstore.DB, error)) (*sqlstore.DB, error) {
	deadline := time.Now().Add(wait)
	for tries := 1; ; tries++ {
		db, err := open()
		if err == nil || !errors.Is(err, sqlstore.ErrNotAnswering) || !time.Now().Add(dbRetryEvery).Before(deadline) {
			if err == nil && tries > 1 {
				log.Info("the database answers", "tries", tries)
			}
			return db, err
		}
		if tries == 1 {
			log.Warn("the database does not answer yet: trying again every second", "for", wait.String(), "err", err)
		}
		select {
		case <-ctx.Done():
			return nil, err
		case <-time.After(dbRetryEvery):
		}
	}
}
