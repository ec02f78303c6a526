package sqlstore

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
)

// Blobs is an object store that can hold document content instead of the database, such
// as an S3-compatible bucket. Keys are content-addressed, so putting a key again with the
// same content must be harmless.
type Blobs interface {
	Put(ctx context.Context, key string, content []byte, contentType string) error
	Get(ctx context.Context, key string) ([]byte, error)
}

// ErrDocumentChanged reports that stored content no longer matches its recorded SHA-256.
var ErrDocumentChanged = errors.New("document content does not match its SHA-256")

// UseBlobs keeps the content of documents added from now on in b; the rows keep their
// metadata and SHA-256. Documents already in the database stay there and still read. Call
// it before the DB is shared, as the field is not guarded.
func (db *DB) UseBlobs(b Blobs) { db.blobs = b }

// documentKey is where a document's content lives in the object store: under its SHA-256,
// so the same file attached twice is stored once.
func documentKey(sha string) string { return "documents/" + sha }

// putDocument stores content under its key in the object store.
func (db *DB) putDocument(ctx context.Context, doc Document, content []byte) error {
	if err := db.blobs.Put(ctx, documentKey(doc.SHA256), content, doc.ContentType); err != nil {
		return fmt.Errorf("sqlstore: store document content: %w", err)
	}
	return nil
}

// storedDocument fetches a document's content from the object store and checks it against
// the SHA-256 the row recorded: wrong bytes are never served as the document.
func (db *DB) storedDocument(ctx context.Context, d Document) ([]byte, error) {
	if db.blobs == nil {
		return nil, fmt.Errorf("sqlstore: document %d is in the object store, but none is configured", d.ID)
	}
	content, err := db.blobs.Get(ctx, documentKey(d.SHA256))
	if err != nil {
		return nil, fmt.Errorf("sqlstore: fetch document %d: %w", d.ID, err)
	}
	sum := sha256.Sum256(content)
	if got := hex.EncodeToString(sum[:]); got != d.SHA256 {
		return nil, fmt.Errorf("sqlstore: document %d: %w: object store holds %s, row records %s",
			d.ID, ErrDocumentChanged, got, d.SHA256)
	}
	return content, nil
}
