package sqlstore

import (
	"context"
	"database/sql"
	"log/slog"
	"sync"
	"time"
)

// checkpointEvery is how often the log is copied back.
const checkpointEvery = 250 * time.Millisecond

// writerCheckpointPages is the log size (64 MiB of 4 KiB pages) past which the writer
// checkpoints after its commit, for a log the checkpointer could not get started over.
const writerCheckpointPages = 16384

// checkpointer copies SQLite's write-ahead log back into the database file on a
// connection of its own. SQLite would otherwise do it inside the commit that crosses its
// threshold, with two fsyncs, while every write waiting for the one writer waits too.
// Here the writer only appends to the log; the copy and its fsyncs run beside it (a
// PASSIVE checkpoint takes no lock a writer or a reader needs), every checkpointEvery,
// whatever path wrote (grouped transactions, migrations, bulk loads). A tick with nothing
// to copy costs one small query and no fsync. Durability does not change: with
// synchronous=NORMAL the log is made durable by the checkpoint, as before.
//
// A checkpoint beside a writer that never pauses copies what was there when it began
// while the writer appends more, and SQLite starts the log over only when a write
// begins with all of it copied. So the writer keeps SQLite's own checkpoint as a safety
// net, at writerCheckpointPages instead of the default 1,000: past that size, a commit
// copies the few frames left itself, as stock SQLite does at every 1,000.
type checkpointer struct {
	conn *sql.DB
	quit chan struct{}
	done sync.WaitGroup
	once sync.Once
}

func newCheckpointer(conn *sql.DB, every time.Duration) *checkpointer {
	c := &checkpointer{conn: conn, quit: make(chan struct{})}
	c.done.Add(1)
	go c.loop(every)
	return c
}

func (c *checkpointer) loop(every time.Duration) {
	defer c.done.Done()
	tick := time.NewTicker(every)
	defer tick.Stop()
	for {
		select {
		case <-tick.C:
		case <-c.quit:
			return
		}
		if err := c.checkpoint(context.Background()); err != nil {
			slog.Warn("sqlstore: checkpoint failed; the next tick retries", "err", err)
		}
	}
}

// checkpoint copies every log frame no reader still needs into the database file.
func (c *checkpointer) checkpoint(ctx context.Context) error {
	var busy, logFrames, copied int
	return c.conn.QueryRowContext(ctx, `PRAGMA wal_checkpoint(PASSIVE)`).Scan(&busy, &logFrames, &copied)
}

// close stops the loop. The last connection to close checkpoints what is left.
func (c *checkpointer) close() error {
	c.once.Do(func() { close(c.quit) })
	c.done.Wait()
	return c.conn.Close()
}
