-- Messages to send (email, later other channels), written in the same transaction as the
-- change that causes them and sent by a worker that leases them. Times are Unix
-- milliseconds.
CREATE TABLE outbox (
    id               {{ID}},
    topic            TEXT NOT NULL,
    dedupe_key       TEXT NOT NULL UNIQUE,
    payload          TEXT NOT NULL,
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_attempt_at  BIGINT NOT NULL,
    locked_by        TEXT,
    locked_until     BIGINT,
    sent_at          BIGINT,
    failed_at        BIGINT,
    last_error       TEXT NOT NULL DEFAULT '',
    created_at       BIGINT NOT NULL
);
CREATE INDEX outbox_due ON outbox(topic, next_attempt_at, id)
    WHERE sent_at IS NULL AND failed_at IS NULL;
