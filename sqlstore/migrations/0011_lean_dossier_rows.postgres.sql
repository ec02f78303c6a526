-- A dossier row is written three times on its way in (draft, submission, receipt), and
-- PostgreSQL writes every version into every index whose condition it meets, nulls
-- included. No dossier has a code before its receipt, and one filed without an idempotency
-- key (bulk imports, API clients that send none) needs no entry under it, so those two
-- unique indexes leave such rows out. (SQLite keeps its table constraints: changing them
-- means rebuilding the table.)
ALTER TABLE dossiers DROP CONSTRAINT dossiers_code_key;
CREATE UNIQUE INDEX dossiers_code ON dossiers(code) WHERE code IS NOT NULL;
ALTER TABLE dossiers DROP CONSTRAINT dossiers_created_by_idempotency_key_key;
CREATE UNIQUE INDEX dossiers_idempotency ON dossiers(created_by, idempotency_key) WHERE idempotency_key IS NOT NULL;

-- No query looks inside the stored texts, so ANALYZE need not sample and sort them.
ALTER TABLE dossiers ALTER COLUMN body SET STATISTICS 0;
ALTER TABLE dossiers ALTER COLUMN report_fact SET STATISTICS 0;
