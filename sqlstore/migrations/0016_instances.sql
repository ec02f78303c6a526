-- The instances serving on this database, each as it last said it was alive (Heartbeat):
-- which build it runs and where, so that an operator sees the fleet during a rolling
-- upgrade; so that each instance knows how many share the per-client lookup limit; and
-- how many connections to the server they may open together (max_conns, 0 on SQLite).
-- A clean stop removes its row; a killed instance's row stops being refreshed and is
-- purged after a day. Times are Unix milliseconds.
CREATE TABLE instances (
    id          TEXT PRIMARY KEY,
    host        TEXT NOT NULL,
    pid         INTEGER NOT NULL,
    addr        TEXT NOT NULL,
    revision    TEXT NOT NULL,
    migration   TEXT NOT NULL,
    max_conns   INTEGER NOT NULL,
    started_at  BIGINT NOT NULL,
    seen_at     BIGINT NOT NULL
);
