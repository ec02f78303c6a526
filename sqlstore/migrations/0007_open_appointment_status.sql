-- The deadline queues (due soon, overdue) walk the open dossiers by appointment and skip
-- those waiting for the applicant. With the status in the index the skipping needs no row:
-- a unit's queue fetches only the dossiers it lists.
DROP INDEX dossiers_open_appointment;
CREATE INDEX dossiers_open_appointment ON dossiers(appointment_at, id, status)
    WHERE finished_at IS NULL AND appointment_at IS NOT NULL;
