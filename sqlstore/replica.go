package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"sync/atomic"
	"time"
)

// A PostgreSQL streaming replica can serve the reads that may be a little behind: those
// made with a context from MayLag (the leaders' figures, public tracking). Everything else,
// and every read while the replica is down or further behind than allowed, goes to the
// primary. The replica's lag is measured against the primary's WAL position: every check
// samples the primary's position, and the replica is as fresh as the newest sample its
// replay has passed, so the figure is exact to within one check's interval.

// MayLag marks ctx's reads as ones a replica may serve, up to the allowed lag behind.
func MayLag(ctx context.Context) context.Context { return context.WithValue(ctx, mayLagKey{}, true) }

type mayLagKey struct{}

// ReplicaStatus is what the last check found.
type ReplicaStatus struct {
	Configured bool          // a replica is in use
	Serving    bool          // reads that may lag go to it
	Lag        time.Duration // how far behind it was, to within a check's interval; -1 when not known
	Err        error         // why it does not serve, if it does not
}

// replica is the pool on a standby and what its monitor found last.
type replica struct {
	// pool is replaced once, before the replica first serves, should the standby turn out
	// to be reached through a pooler in transaction mode (see probe).
	pool atomic.Pointer[sql.DB]
	// url is the standby's, with the schema; modeSet tells that it says how statements
	// are sent. probed is set once the look for a pooler is done, pooled by what it found.
	url     *url.URL
	modeSet bool
	probed  bool
	pooled  atomic.Bool
	// mode is how statements are sent once probed (see DB.ExecMode).
	mode   atomic.Pointer[string]
	maxLag time.Duration
	every  time.Duration
	// timeout bounds one check: at least the interval, at least a second (a busy server
	// may take that long to answer two small queries), at most the allowed lag.
	timeout time.Duration
	status  atomic.Pointer[ReplicaStatus]
	// changed is told when the replica starts or stops serving (nil: no one is).
	changed func(ReplicaStatus)
	stop    chan struct{}
	done    chan struct{}
}

// walSample is the primary's WAL position at one moment.
type walSample struct {
	at  time.Time
	lsn int64
}

// UseReplica sends the reads marked with MayLag to the PostgreSQL standby at dsn while it
// is at most maxLag behind, checking every interval; changed, if not nil, is told each
// time it starts or stops serving them. A standby that cannot be reached is not an error:
// reads stay on the primary until it answers. Call it before the DB is shared; Close
// stops the checks.
func (db *DB) UseReplica(dsn string, maxLag, every time.Duration, changed func(ReplicaStatus)) error {
	if db.Engine != Postgres || !IsPostgresURL(dsn) {
		return errors.New("sqlstore: a replica needs PostgreSQL, for the primary and the replica alike")
	}
	if every <= 0 || maxLag < every {
		return fmt.Errorf("sqlstore: the replica's allowed lag (%s) must be at least its check interval (%s)", maxLag, every)
	}
	u, err := url.Parse(dsn)
	if err != nil {
		return fmt.Errorf("sqlstore: bad replica URL: %w", redact(err))
	}
	if q := u.Query(); db.schema != "" && q.Get("search_path") == "" {
		// The primary's URL chose the schema; the replica reads the same one.
		q.Set("search_path", db.schema)
		u.RawQuery = q.Encode()
	}
	pool, err := openPgx(u, false)
	if err != nil {
		return fmt.Errorf("sqlstore: replica: %w", err)
	}
	sizePool(pool, db.conns())
	r := &replica{url: u, modeSet: u.Query().Get(execModeParam) != "", maxLag: maxLag, every: every,
		timeout: min(max(every, time.Second), maxLag), changed: changed, stop: make(chan struct{}),
		done: make(chan struct{})}
	r.pool.Store(pool)
	r.status.Store(unknownLag(errors.New("not checked yet")))
	db.replica = r
	go r.monitor(db.read)
	return nil
}

// Replica reports the replica's state; Configured is false without one.
func (db *DB) Replica() ReplicaStatus {
	if db.replica == nil {
		return ReplicaStatus{}
	}
	return *db.replica.status.Load()
}

// reader is the pool ctx's reads go to.
func (db *DB) reader(ctx context.Context) *sql.DB {
	if r := db.replica; r != nil && ctx.Value(mayLagKey{}) != nil && r.status.Load().Serving {
		return r.pool.Load()
	}
	return db.read
}

// monitor checks the replica's lag until close, keeping the primary's positions of the
// last maxLag.
func (r *replica) monitor(primary *sql.DB) {
	defer close(r.done)
	var samples []walSample
	tick := time.NewTicker(r.every)
	defer tick.Stop()
	for {
		samples = r.check(primary, samples)
		select {
		case <-r.stop:
			return
		case <-tick.C:
		}
	}
}

// check samples the primary, asks the replica how far it has replayed and records the
// outcome; it answers the samples to keep.
func (r *replica) check(primary *sql.DB, samples []walSample) []walSample {
	defer r.tell(r.status.Load().Serving)
	ctx, cancel := context.WithTimeout(context.Background(), r.timeout)
	defer cancel()
	now := time.Now()
	var lsn int64
	if err := primary.QueryRowContext(ctx, `SELECT (pg_current_wal_lsn() - '0/0')::bigint`).Scan(&lsn); err != nil {
		r.status.Store(unknownLag(fmt.Errorf("primary's WAL position: %w", redact(err))))
		return samples
	}
	samples = append(samples, walSample{now, lsn})
	for len(samples) > 1 && now.Sub(samples[1].at) > r.maxLag {
		samples = samples[1:]
	}
	if !r.probed {
		if err := r.probe(ctx); err != nil {
			r.status.Store(unknownLag(fmt.Errorf("replica: looking for a pooler: %w", redact(err))))
			return samples
		}
	}
	var replayed sql.NullInt64
	err := r.pool.Load().QueryRowContext(ctx, `SELECT (pg_last_wal_replay_lsn() - '0/0')::bigint`).Scan(&replayed)
	switch {
	case err != nil:
		err = fmt.Errorf("replica: %w", redact(err))
	case !replayed.Valid:
		err = errors.New("replica: the server is not a standby")
	}
	if err != nil {
		r.status.Store(unknownLag(err))
		return samples
	}
	st := unknownLag(nil)
	for i := len(samples) - 1; i >= 0; i-- {
		if samples[i].lsn <= replayed.Int64 {
			st.Lag = now.Sub(samples[i].at)
			break
		}
	}
	switch {
	case st.Lag < 0:
		st.Err = fmt.Errorf("replica: behind the primary's position of %s ago", now.Sub(samples[0].at).Round(time.Millisecond))
	case st.Lag > r.maxLag:
		st.Err = fmt.Errorf("replica: %s behind, more than %s", st.Lag.Round(time.Millisecond), r.maxLag)
	default:
		st.Serving = true
	}
	r.status.Store(st)
	return samples
}

// probe looks, when the standby first answers, whether it is reached through a pooler in
// transaction mode, as Open does for the primary: the standby often has a pooler of its
// own, or none when the primary has one. If it is, the pool is opened again for the
// pooler: sending statements unprepared unless the pooler keeps them prepared or its URL
// says how, and letting them finish when their context ends (see openPgx). Nothing has
// read the replica before: it serves only from a check after this one.
func (r *replica) probe(ctx context.Context) error {
	old := r.pool.Load()
	pooled, err := transactionPooled(ctx, old)
	if err != nil {
		return err
	}
	if pooled {
		u := r.url
		if !r.modeSet {
			mode, err := pooledExecMode(ctx, old)
			if err != nil {
				return err
			}
			u = withExecMode(u, mode)
		}
		r.mode.Store(new(u.Query().Get(execModeParam)))
		pool, err := openPgx(u, true)
		if err != nil {
			return err
		}
		sizePool(pool, old.Stats().MaxOpenConnections)
		r.pool.Store(pool)
		old.Close()
	}
	r.pooled.Store(pooled)
	r.probed = true
	return nil
}

// ReplicaPooled reports whether the replica was found behind a pooler in transaction mode
// (false until it first answers); its statements then go unprepared unless the pooler
// keeps them prepared (poolerKeepsPrepared) or its URL says otherwise.
func (db *DB) ReplicaPooled() bool { return db.replica != nil && db.replica.pooled.Load() }

// ReplicaExecMode is how the driver sends statements to the replica, as ExecMode is for
// the primary: what its URL says, else what was chosen for the pooler found in front of
// it, else "" for the driver's default ("" too until it first answers, or with none).
func (db *DB) ReplicaExecMode() string {
	if db.replica == nil {
		return ""
	}
	if m := db.replica.mode.Load(); m != nil {
		return *m
	}
	return db.replica.url.Query().Get(execModeParam)
}

// unknownLag is the state of a replica whose lag is not known, for the reason err.
func unknownLag(err error) *ReplicaStatus {
	return &ReplicaStatus{Configured: true, Lag: -1, Err: err}
}

// tell reports the state just recorded to changed if serving differs from was.
func (r *replica) tell(was bool) {
	if st := r.status.Load(); r.changed != nil && st.Serving != was {
		r.changed(*st)
	}
}

// close stops the checks and closes the pool.
func (r *replica) close() error {
	close(r.stop)
	<-r.done
	return r.pool.Load().Close()
}

// ReplicaHorizon is how long after a commit a serving replica may still miss it. A replica
// serves while the newest primary position it has replayed was sampled at most maxLag
// before a check began, and a check's finding is used until the next one ends. The next
// begins at most an interval, or one check's time, after this one began, and takes at most
// a check's time, which is at least the interval. It is 0 without a replica.
func (db *DB) ReplicaHorizon() time.Duration {
	if db.replica == nil {
		return 0
	}
	return db.replica.maxLag + 2*db.replica.timeout
}
