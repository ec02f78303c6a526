package sqlstore

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"time"
)

// Blobs is an object store that can hold document content instead of the database, such
// as an S3-compatible bucket. Keys are content-addressed, so putting a key again with the
// same content must be harmless.
type Blobs interface {
	Put(ctx context.Context, key string, content []byte, contentType string) error
	Get(ctx context.Context, key string) ([]byte, error)
	Exists(ctx context.Context, key string) (bool, error)
	// List calls fn for every object under prefix, with the time it was last put.
	List(ctx context.Context, prefix string, fn func(key string, size int64, modified time.Time) error) error
	// Delete removes key; a missing key is no error.
	Delete(ctx context.Context, key string) error
}

var errNoObjectStore = errors.New("sqlstore: no object store is configured")

// ErrDocumentChanged reports that stored content no longer matches its recorded SHA-256.
var ErrDocumentChanged = errors.New("document content does not match its SHA-256")

// UseBlobs keeps the content of documents added from now on in b; the rows keep their
// metadata and SHA-256. Documents already in the database stay there and still read. Call
// it before the DB is shared, as the field is not guarded.
func (db *DB) UseBlobs(b Blobs) { db.blobs = b }

// documentPrefix is where documents' content lives in the object store: under
// documentPrefix and its SHA-256, so the same file attached twice is stored once.
const documentPrefix = "documents/"

func documentKey(sha string) string { return documentPrefix + sha }

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
	content, err := db.storedContent(ctx, d.SHA256)
	if err != nil {
		return nil, fmt.Errorf("sqlstore: document %d: %w", d.ID, err)
	}
	return content, nil
}

// storedContent fetches the content stored under sha and checks it hashes to sha.
func (db *DB) storedContent(ctx context.Context, sha string) ([]byte, error) {
	content, err := db.blobs.Get(ctx, documentKey(sha))
	if err != nil {
		return nil, fmt.Errorf("fetch %s: %w", sha, err)
	}
	sum := sha256.Sum256(content)
	if got := hex.EncodeToString(sum[:]); got != sha {
		return nil, fmt.Errorf("%w: object store holds %s under %s", ErrDocumentChanged, got, sha)
	}
	return content, nil
}

// keepDocument makes sure a committed document's content is in the object store: a sweep
// that ran between the put and the commit may have taken the object away as unreferenced
// (see SweepDocuments), and then it is put again.
func (db *DB) keepDocument(ctx context.Context, doc Document, content []byte) error {
	ok, err := db.blobs.Exists(ctx, documentKey(doc.SHA256))
	if err != nil {
		return fmt.Errorf("sqlstore: check document content: %w", err)
	}
	if ok {
		return nil
	}
	return db.putDocument(ctx, doc, content)
}
