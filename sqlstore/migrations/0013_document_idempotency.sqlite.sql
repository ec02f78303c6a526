-- An upload sent again with the same idempotency key (a retry after a lost answer, a form
-- posted twice) finds the document the first one stored instead of adding a second
-- (AddDocumentOnce). The key is the uploader's, within one dossier.
ALTER TABLE dossier_documents ADD COLUMN idempotency_key TEXT;
CREATE UNIQUE INDEX dossier_documents_idempotency ON dossier_documents(dossier_id, uploaded_by, idempotency_key)
	WHERE idempotency_key IS NOT NULL;
