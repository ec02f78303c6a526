-- A draft is listed to its owner alone (dossiers_owner) and found by no other list, and a
-- dossier has no open step before it is received and no receipt before that. The indexes
-- below leave out the rows their lists can never return, so each write of a dossier row
-- updates fewer of them: of the secondary indexes a draft now enters only its owner's and
-- the unique ones.
--
-- A query picks a partial index only when its WHERE says what the index's WHERE says, and
-- neither engine reads that from a bound parameter: the lists write "status <> 0" and
-- "step_unit <> ''" as they stand here (dossiers_list.go). A comparison on received_at
-- implies "received_at IS NOT NULL" to both.
DROP INDEX dossiers_status;
CREATE INDEX dossiers_status ON dossiers(status, id) WHERE status <> 0;
DROP INDEX dossiers_step;
CREATE INDEX dossiers_step ON dossiers(step_unit, id) WHERE step_unit <> '';
DROP INDEX dossiers_received;
CREATE INDEX dossiers_received ON dossiers(receiving_unit, received_at, id) WHERE received_at IS NOT NULL;
DROP INDEX dossiers_applicant_id;
CREATE INDEX dossiers_applicant_id ON dossiers(applicant_id_number) WHERE status <> 0;
DROP INDEX dossiers_applicant_phone;
CREATE INDEX dossiers_applicant_phone ON dossiers(applicant_phone) WHERE status <> 0;
