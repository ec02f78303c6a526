package sqlstore

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/motcua/motcua"
)

// Document is a file attached to a dossier: a scan of one of the procedure's required
// papers (its slot), a supplement, or the result.
type Document struct {
	ID          int64     `json:"id"`
	DossierID   int64     `json:"dossier_id"`
	Slot        int       `json:"slot"` // index in the procedure's document list; -1 for other papers
	SlotName    string    `json:"slot_name,omitempty"`
	Filename    string    `json:"filename"`
	ContentType string    `json:"content_type"` // as sniffed from the content, never as declared
	Size        int64     `json:"size"`
	SHA256      string    `json:"sha256"`
	UploadedAt  time.Time `json:"uploaded_at"`
	UploadedBy  int64     `json:"uploaded_by"`
}

// AddDocument stores content as a document of its dossier; Size and SHA256 are computed
// here from the bytes actually stored. With an object store (UseBlobs) the content goes
// there and the row keeps none.
func (db *DB) AddDocument(ctx context.Context, doc Document, content []byte) (Document, error) {
	doc, _, err := db.AddDocumentOnce(ctx, doc, "", content)
	return doc, err
}

// AddDocumentOnce is AddDocument with an idempotency key (none when ""): an upload sent
// again with the key its uploader gave before, to the same dossier, adds nothing and gets
// the first upload's document back with repeated set. The same key with other content is
// refused, naming the key. A repeat also makes sure the content is in the object store, so
// a retry mends an upload whose answer was lost after its commit.
func (db *DB) AddDocumentOnce(ctx context.Context, doc Document, key string, content []byte) (_ Document, repeated bool, _ error) {
	sum := sha256.Sum256(content)
	doc.SHA256, doc.Size = hex.EncodeToString(sum[:]), int64(len(content))
	doc.UploadedAt = doc.UploadedAt.Truncate(time.Millisecond)
	inStore := db.blobs != nil
	stored := content
	if inStore {
		// The object is put before the transaction, so a committed row finds its content.
		// If the transaction then fails, the object is left unreferenced until a sweep
		// removes it (SweepDocuments).
		if err := db.putDocument(ctx, doc, content); err != nil {
			return doc, false, err
		}
		stored = []byte{}
	}
	var rowInStore bool // where the returned row keeps its content
	asked := doc
	err := db.InTx(ctx, func(tx *Tx) error {
		doc, repeated, rowInStore = asked, false, inStore // a try after a conflict starts afresh
		var n int
		if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM dossiers WHERE id = ?`, doc.DossierID).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return errNoDossier()
		}
		err := tx.QueryRow(ctx, `INSERT INTO dossier_documents (dossier_id, slot, slot_name, filename, content_type,
			size, sha256, content, content_in_store, uploaded_at, uploaded_by, idempotency_key)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (dossier_id, uploaded_by, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
			RETURNING id`,
			doc.DossierID, doc.Slot, doc.SlotName, doc.Filename, doc.ContentType, doc.Size, doc.SHA256, stored,
			inStore, doc.UploadedAt.UnixMilli(), doc.UploadedBy, nullText(key)).Scan(&doc.ID)
		if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		// Uploaded before with this key: that row is committed, so a read finds it.
		if doc, err = scanDocument(tx.QueryRow(ctx, `SELECT `+documentColumns+`, content_in_store FROM dossier_documents
			WHERE dossier_id = ? AND uploaded_by = ? AND idempotency_key = ?`, asked.DossierID, asked.UploadedBy, key),
			&rowInStore); err != nil {
			return err
		}
		if doc.SHA256 != asked.SHA256 {
			return motcua.Invalid("idempotency_key", "khóa chống trùng này đã dùng cho một tệp khác",
				"this idempotency key was used for another file")
		}
		repeated = true
		return nil
	})
	if err == nil && inStore && rowInStore {
		// Committed: make sure a sweep did not take the content away meanwhile.
		err = db.keepDocument(ctx, doc, content)
	}
	return doc, repeated, err
}

const documentColumns = `id, dossier_id, slot, slot_name, filename, content_type, size, sha256, uploaded_at, uploaded_by`

func scanDocument(row interface{ Scan(...any) error }, extra ...any) (Document, error) {
	var d Document
	var at int64
	err := row.Scan(append([]any{&d.ID, &d.DossierID, &d.Slot, &d.SlotName, &d.Filename, &d.ContentType,
		&d.Size, &d.SHA256, &at, &d.UploadedBy}, extra...)...)
	if errors.Is(err, sql.ErrNoRows) {
		return d, motcua.NotFound("không có tệp này", "no such document")
	}
	d.UploadedAt = time.UnixMilli(at)
	return d, err
}

// Documents lists a dossier's documents in upload order, without their content.
func (db *DB) Documents(ctx context.Context, dossierID int64) ([]Document, error) {
	return scanDocuments(db.query(ctx, documentsQuery, dossierID))
}

// documentsQuery lists one dossier's documents, without content.
const documentsQuery = `SELECT ` + documentColumns + ` FROM dossier_documents WHERE dossier_id = ? ORDER BY id`

// scanDocuments reads the rows of documentsQuery.
func scanDocuments(rows *sql.Rows, err error) ([]Document, error) {
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	return scanDocumentRows(rows)
}

// documentsRead reads dossier id's documents into docs within a pipelined send.
func documentsRead(id int64, docs *[]Document) pipelinedRead {
	return pipelinedRead{documentsQuery, []any{id}, func(br pgx.BatchResults) error {
		rows, err := br.Query()
		if err != nil {
			return err
		}
		defer rows.Close()
		*docs, err = scanDocumentRows(rows)
		return err
	}}
}

// scanDocumentRows reads the rows of documentsQuery from the database/sql or the pgx
// driver.
func scanDocumentRows(rows interface {
	Next() bool
	Scan(...any) error
	Err() error
}) ([]Document, error) {
	var out []Document
	for rows.Next() {
		d, err := scanDocument(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// Document returns one document of a dossier with its content, from the row or, when the
// row says so, from the object store.
func (db *DB) Document(ctx context.Context, dossierID, id int64) (Document, []byte, error) {
	var content []byte
	var inStore bool
	d, err := scanDocument(db.queryRow(ctx, `SELECT `+documentColumns+`, content, content_in_store
		FROM dossier_documents WHERE dossier_id = ? AND id = ?`, dossierID, id), &content, &inStore)
	if err != nil || !inStore {
		return d, content, err
	}
	content, err = db.storedDocument(ctx, d)
	return d, content, err
}
