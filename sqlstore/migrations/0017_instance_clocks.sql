-- How far each instance's clock was from the database server's, in milliseconds (its
-- clock less the server's), as the heartbeat before its last measured it. Sessions, the
-- tracking guard and the list of instances compare times one instance wrote with
-- another's clock, so an administrator must see a machine whose clock drifted. Builds
-- before this one write no value: 0.
ALTER TABLE instances ADD COLUMN clock_skew_ms BIGINT NOT NULL DEFAULT 0;
