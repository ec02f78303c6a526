-- The procedure catalog. A version's full content is kept as canonical JSON; the columns
-- beside it are what lists and joins need.
CREATE TABLE procedures (
    code            TEXT PRIMARY KEY,
    abolished_from  TEXT,
    abolished_by    TEXT NOT NULL DEFAULT '',
    updated_at      BIGINT NOT NULL
);

CREATE TABLE procedure_versions (
    procedure_code  TEXT NOT NULL REFERENCES procedures(code),
    number          INTEGER NOT NULL,
    status          TEXT NOT NULL,
    name            TEXT NOT NULL,
    field_name      TEXT NOT NULL,
    published_at    BIGINT,
    body            TEXT NOT NULL,
    PRIMARY KEY (procedure_code, number)
);
CREATE INDEX procedure_versions_status ON procedure_versions(status);
