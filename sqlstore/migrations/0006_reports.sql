-- The leaders' figures (package report): additive counters on the day of their event,
-- kept per (day, unit, field, procedure) and rolled up per month with the same columns, so
-- a year reads its whole months from report_months and only its edge days from
-- report_days. Each move applies report.Diff(old fact, new fact) to both tables in its own
-- transaction. day is YYYYMMDD and month YYYYMM as integers, Vietnam calendar days.
--
-- late_started and late_ended answer "late in progress at E" from the same prefix sums
-- as the carried-over backlog: a dossier with a late_from counts late_started on the day
-- of late_from (a day still to come for an open dossier not yet late) and, once finished,
-- late_ended on its finishing day. Lateness lasts until the dossier finishes and late_from
-- comes before the finish, so the dossiers late in progress at midnight E are the sum of
-- late_started − late_ended over the days before E: O(months), grouped by any key, where
-- the indexed query over dossiers grows with every dossier ever resolved late.
CREATE TABLE report_days (
    day                   INTEGER NOT NULL,
    unit                  TEXT NOT NULL,
    field                 TEXT NOT NULL,
    procedure_code        TEXT NOT NULL,
    received              INTEGER NOT NULL DEFAULT 0,
    received_online       INTEGER NOT NULL DEFAULT 0,
    received_postal       INTEGER NOT NULL DEFAULT 0,
    offered_online        INTEGER NOT NULL DEFAULT 0,
    filed_online          INTEGER NOT NULL DEFAULT 0,
    with_fee              INTEGER NOT NULL DEFAULT 0,
    paid_online           INTEGER NOT NULL DEFAULT 0,
    synced                INTEGER NOT NULL DEFAULT 0,
    resolved_early        INTEGER NOT NULL DEFAULT 0,
    resolved_on_time      INTEGER NOT NULL DEFAULT 0,
    resolved_late         INTEGER NOT NULL DEFAULT 0,
    electronic_result     INTEGER NOT NULL DEFAULT 0,
    used_seconds          BIGINT NOT NULL DEFAULT 0,
    paused_seconds        BIGINT NOT NULL DEFAULT 0,
    statutory_seconds     BIGINT NOT NULL DEFAULT 0,
    withdrawn             INTEGER NOT NULL DEFAULT 0,
    stopped               INTEGER NOT NULL DEFAULT 0,
    refused               INTEGER NOT NULL DEFAULT 0,
    withdrawn_unreceived  INTEGER NOT NULL DEFAULT 0,
    rated                 INTEGER NOT NULL DEFAULT 0,
    satisfied             INTEGER NOT NULL DEFAULT 0,
    score_sum             INTEGER NOT NULL DEFAULT 0,
    late_started          INTEGER NOT NULL DEFAULT 0,
    late_ended            INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (day, unit, field, procedure_code)
);

CREATE TABLE report_months (
    month                 INTEGER NOT NULL,
    unit                  TEXT NOT NULL,
    field                 TEXT NOT NULL,
    procedure_code        TEXT NOT NULL,
    received              INTEGER NOT NULL DEFAULT 0,
    received_online       INTEGER NOT NULL DEFAULT 0,
    received_postal       INTEGER NOT NULL DEFAULT 0,
    offered_online        INTEGER NOT NULL DEFAULT 0,
    filed_online          INTEGER NOT NULL DEFAULT 0,
    with_fee              INTEGER NOT NULL DEFAULT 0,
    paid_online           INTEGER NOT NULL DEFAULT 0,
    synced                INTEGER NOT NULL DEFAULT 0,
    resolved_early        INTEGER NOT NULL DEFAULT 0,
    resolved_on_time      INTEGER NOT NULL DEFAULT 0,
    resolved_late         INTEGER NOT NULL DEFAULT 0,
    electronic_result     INTEGER NOT NULL DEFAULT 0,
    used_seconds          BIGINT NOT NULL DEFAULT 0,
    paused_seconds        BIGINT NOT NULL DEFAULT 0,
    statutory_seconds     BIGINT NOT NULL DEFAULT 0,
    withdrawn             INTEGER NOT NULL DEFAULT 0,
    stopped               INTEGER NOT NULL DEFAULT 0,
    refused               INTEGER NOT NULL DEFAULT 0,
    withdrawn_unreceived  INTEGER NOT NULL DEFAULT 0,
    rated                 INTEGER NOT NULL DEFAULT 0,
    satisfied             INTEGER NOT NULL DEFAULT 0,
    score_sum             INTEGER NOT NULL DEFAULT 0,
    late_started          INTEGER NOT NULL DEFAULT 0,
    late_ended            INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (month, unit, field, procedure_code)
);

-- Internal steps finished per day, and how many of them after their own deadline: where
-- dossiers wait (report.StepLateness).
CREATE TABLE report_steps (
    day       INTEGER NOT NULL,
    unit      TEXT NOT NULL,
    name      TEXT NOT NULL,
    finished  INTEGER NOT NULL DEFAULT 0,
    late      INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (day, unit, name)
);

-- The dossier's current fact (report.Fact as JSON) is what its counters hold now: the next
-- move subtracts exactly that, whatever changed since (the calendar, the catalog). The
-- columns beside it are what the backlog and drill-down queries filter on. report_class
-- is the fact's class, a resolved one split by timing (resolved_early, resolved_on_time,
-- resolved_late). synced_at is when the national portal first accepted the dossier.
ALTER TABLE dossiers ADD COLUMN report_fact TEXT;
ALTER TABLE dossiers ADD COLUMN report_class TEXT NOT NULL DEFAULT '';
ALTER TABLE dossiers ADD COLUMN report_unit TEXT NOT NULL DEFAULT '';
ALTER TABLE dossiers ADD COLUMN report_field TEXT NOT NULL DEFAULT '';
ALTER TABLE dossiers ADD COLUMN late_from BIGINT;
ALTER TABLE dossiers ADD COLUMN synced_at BIGINT;

-- The dossiers late in progress at an instant E, for the drill-down list: late_from < E
-- AND received_at < E AND (finished_at IS NULL OR finished_at >= E), from this index alone.
CREATE INDEX dossiers_late_from ON dossiers(late_from, received_at, finished_at, report_unit, report_field, procedure_code)
    WHERE late_from IS NOT NULL;
CREATE INDEX dossiers_synced ON dossiers(synced_at) WHERE synced_at IS NOT NULL;
CREATE INDEX dossiers_unreported ON dossiers(id) WHERE report_fact IS NULL AND status <> 0;
