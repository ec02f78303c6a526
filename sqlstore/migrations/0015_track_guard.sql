-- Wrong secrets given for a dossier code in public tracking, by code, whichever instance
-- or address they came from (TrackFailed). A code with too many within the window is
-- refused for a while. Codes that match no dossier are counted too, so the refusal says
-- nothing about whether a code exists. Times are Unix milliseconds.
CREATE TABLE track_guard (
    code          TEXT PRIMARY KEY,
    failures      INTEGER NOT NULL,
    since         BIGINT NOT NULL,
    locked_until  BIGINT NOT NULL DEFAULT 0
);
