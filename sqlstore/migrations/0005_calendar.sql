-- Official calendar decisions an administrator adds on top of the built-in holiday rules:
-- extra days off, make-up Saturdays, the placement of a holiday in a given year. A removed
-- decision keeps its row, marked with who removed it and when, so the record stays whole.
CREATE TABLE calendar_decisions (
    id               {{ID}},
    date             TEXT NOT NULL,
    kind             TEXT NOT NULL,
    name             TEXT NOT NULL,
    source           TEXT NOT NULL,
    rule             TEXT NOT NULL DEFAULT '',
    note             TEXT NOT NULL DEFAULT '',
    created_at       BIGINT NOT NULL,
    created_by       BIGINT,
    created_by_name  TEXT NOT NULL DEFAULT '',
    deleted_at       BIGINT,
    deleted_by       BIGINT,
    deleted_by_name  TEXT NOT NULL DEFAULT ''
);
-- One decision in force per day: two would contradict each other (a day off and a make-up
-- workday) or repeat each other.
CREATE UNIQUE INDEX calendar_decisions_day ON calendar_decisions(date) WHERE deleted_at IS NULL;
