-- With an object store configured, a document's content lives there under its SHA-256 and
-- the row keeps an empty content. Rows written before keep their content in the row.
ALTER TABLE dossier_documents ADD COLUMN content_in_store BOOLEAN NOT NULL DEFAULT FALSE;
