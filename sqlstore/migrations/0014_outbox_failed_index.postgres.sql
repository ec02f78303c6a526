-- no-transaction
-- Messages given up on, counted by topic for /metrics (OutboxBacklog) without reading the
-- whole outbox, which keeps every message ever sent. Built without holding back the
-- moves that queue messages meanwhile.
DROP INDEX CONCURRENTLY IF EXISTS outbox_failed;
CREATE INDEX CONCURRENTLY outbox_failed ON outbox(topic) WHERE failed_at IS NOT NULL;
