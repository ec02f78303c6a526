-- Messages given up on, counted by topic for /metrics (OutboxBacklog) without reading the
-- whole outbox, which keeps every message ever sent.
CREATE INDEX outbox_failed ON outbox(topic) WHERE failed_at IS NOT NULL;
