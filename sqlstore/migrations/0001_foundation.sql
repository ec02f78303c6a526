-- Organisation, accounts, sessions and the audit trail.
CREATE TABLE units (
    code        TEXT PRIMARY KEY,
    identifier  TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    kind        TEXT NOT NULL,
    parent      TEXT REFERENCES units(code)
);

CREATE TABLE accounts (
    id            {{ID}},
    username      TEXT NOT NULL UNIQUE,
    display_name  TEXT NOT NULL,
    role          TEXT NOT NULL,
    unit_code     TEXT REFERENCES units(code),
    email         TEXT NOT NULL DEFAULT '',
    phone         TEXT NOT NULL DEFAULT '',
    id_number     TEXT NOT NULL DEFAULT '',
    password_hash TEXT NOT NULL,
    disabled      BOOLEAN NOT NULL DEFAULT FALSE,
    created_at    BIGINT NOT NULL
);

-- A session row serves a browser cookie or an API bearer token; only the token's hash is kept.
CREATE TABLE sessions (
    token_hash  TEXT PRIMARY KEY,
    account_id  BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    kind        TEXT NOT NULL,
    created_at  BIGINT NOT NULL,
    expires_at  BIGINT NOT NULL
);
CREATE INDEX sessions_account ON sessions(account_id);

-- Failed sign-ins per key (username or client address) slow down password guessing.
CREATE TABLE login_failures (
    key         TEXT PRIMARY KEY,
    failures    INTEGER NOT NULL,
    last_at     BIGINT NOT NULL
);

CREATE TABLE audit_log (
    id          {{ID}},
    at          BIGINT NOT NULL,
    account_id  BIGINT,
    username    TEXT NOT NULL DEFAULT '',
    action      TEXT NOT NULL,
    object      TEXT NOT NULL,
    detail      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_object ON audit_log(object, id);

-- Counters that several instances watch to know when to reload cached data.
CREATE TABLE revisions (
    name        TEXT PRIMARY KEY,
    value       BIGINT NOT NULL
);
