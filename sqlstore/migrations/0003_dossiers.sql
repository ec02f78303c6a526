-- Dossiers (hồ sơ). The whole dossier is kept as JSON in body; the columns beside it are
-- what lookups, the officers' queues and keyset paging filter and sort on. Times are Unix
-- milliseconds.
CREATE TABLE dossiers (
    id                  {{ID}},
    code                TEXT UNIQUE,
    status              INTEGER NOT NULL,
    procedure_code      TEXT NOT NULL,
    procedure_name      TEXT NOT NULL DEFAULT '',
    version_number      INTEGER NOT NULL,
    channel             INTEGER NOT NULL,
    owner_account_id    BIGINT REFERENCES accounts(id),
    -- created_by scopes the idempotency key: the applicant, or the officer at the counter.
    created_by          BIGINT NOT NULL,
    idempotency_key     TEXT,
    receiving_unit      TEXT NOT NULL DEFAULT '',
    -- The open internal step; step_unit is '' when no step is open.
    step_unit           TEXT NOT NULL DEFAULT '',
    step_role           TEXT NOT NULL DEFAULT '',
    step_assignee_id    BIGINT NOT NULL DEFAULT 0,
    applicant_name      TEXT NOT NULL DEFAULT '',
    applicant_id_number TEXT NOT NULL DEFAULT '',
    applicant_phone     TEXT NOT NULL DEFAULT '',
    submitted_at        BIGINT,
    received_at         BIGINT,
    appointment_at      BIGINT,
    finished_at         BIGINT,
    last_seq            INTEGER NOT NULL DEFAULT 0,
    created_at          BIGINT NOT NULL,
    updated_at          BIGINT NOT NULL,
    body                TEXT NOT NULL,
    UNIQUE (created_by, idempotency_key)
);
CREATE INDEX dossiers_status ON dossiers(status, id);
CREATE INDEX dossiers_owner ON dossiers(owner_account_id, id);
CREATE INDEX dossiers_step ON dossiers(step_unit, id);
CREATE INDEX dossiers_received ON dossiers(receiving_unit, received_at, id);
CREATE INDEX dossiers_open_appointment ON dossiers(appointment_at, id)
    WHERE finished_at IS NULL AND appointment_at IS NOT NULL;
CREATE INDEX dossiers_applicant_id ON dossiers(applicant_id_number);
CREATE INDEX dossiers_applicant_phone ON dossiers(applicant_phone);

-- Every unit that received or held a step of a dossier: the divisions see those.
CREATE TABLE dossier_units (
    unit_code   TEXT NOT NULL,
    dossier_id  BIGINT NOT NULL REFERENCES dossiers(id),
    PRIMARY KEY (unit_code, dossier_id)
);

-- The tamper-evident history; body is the whole event with its hash.
CREATE TABLE dossier_events (
    dossier_id   BIGINT NOT NULL REFERENCES dossiers(id),
    seq          INTEGER NOT NULL,
    at           BIGINT NOT NULL,
    actor_id     BIGINT NOT NULL,
    action       TEXT NOT NULL,
    from_status  INTEGER NOT NULL,
    to_status    INTEGER NOT NULL,
    hash         TEXT NOT NULL,
    body         TEXT NOT NULL,
    PRIMARY KEY (dossier_id, seq)
);

CREATE TABLE dossier_documents (
    id            {{ID}},
    dossier_id    BIGINT NOT NULL REFERENCES dossiers(id),
    slot          INTEGER NOT NULL,
    slot_name     TEXT NOT NULL DEFAULT '',
    filename      TEXT NOT NULL,
    content_type  TEXT NOT NULL,
    size          BIGINT NOT NULL,
    sha256        TEXT NOT NULL,
    content       {{BLOB}} NOT NULL,
    uploaded_at   BIGINT NOT NULL,
    uploaded_by   BIGINT NOT NULL
);
CREATE INDEX dossier_documents_dossier ON dossier_documents(dossier_id, id);

-- Daily code sequence per receiving unit; incremented in the receipt's own transaction,
-- so a rolled-back receipt gives its number back and the day's numbers have no gap.
CREATE TABLE code_sequences (
    unit   TEXT NOT NULL,
    day    TEXT NOT NULL,
    last   INTEGER NOT NULL,
    PRIMARY KEY (unit, day)
);
