-- Officers belong to a unit, applicants to none: the forward form lists a unit's staff
-- without reading every applicant's account.
CREATE INDEX accounts_staff ON accounts(unit_code, username) WHERE unit_code IS NOT NULL;
