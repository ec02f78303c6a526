-- The object store's sweep and the attachment backup look documents up by SHA-256 among
-- those whose content is in the store (blobs_sweep.go, blobs_copy.go).
CREATE INDEX dossier_documents_stored ON dossier_documents(sha256) WHERE content_in_store;
