package sqlstore_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"testing"

	"github.com/motcua/motcua"
	"github.com/motcua/motcua/catalog"
	"github.com/motcua/motcua/s3blob/s3blobtest"
	"github.com/motcua/motcua/sqlstore"
	"github.com/motcua/motcua/sqlstore/sqlstoretest"
)

var scan = []byte("%PDF-1.4\nĐơn đề nghị cấp giấy phép bán lẻ\n%%EOF\n")

func addDocument(t *testing.T, db *sqlstore.DB, dossierID int64, name string, content []byte) sqlstore.Document {
	t.Helper()
	doc, err := db.AddDocument(context.Background(), sqlstore.Document{DossierID: dossierID, Slot: 0,
		Filename: name, ContentType: "application/pdf", UploadedAt: monday9, UploadedBy: 1}, content)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// documentRow tells where a document's content is kept and how many bytes the row holds.
func documentRow(t *testing.T, db *sqlstore.DB, id int64) string {
	t.Helper()
	got, err := db.QueryForTest(context.Background(), `SELECT CASE WHEN content_in_store THEN 'store' ELSE 'row' END
		|| ' ' || CAST(LENGTH(content) AS TEXT) FROM dossier_documents WHERE id = ?`, id)
	if err != nil || len(got) != 1 {
		t.Fatalf("row of document %d: %v %v", id, got, err)
	}
	return got[0]
}

// TestDocumentsInDatabase: without an object store the content stays in the row.
func TestDocumentsInDatabase(t *testing.T) {
	sqlstoretest.EachDB(t, func(t *testing.T, db *sqlstore.DB) {
		id := create(t, db, newDraft(t, catalog.ChannelCounter, 0, ""), 1)
		doc := addDocument(t, db, id, "don.pdf", scan)
		if got := documentRow(t, db, doc.ID); got != fmt.Sprintf("row %d", len(scan)) {
			t.Fatalf("row: %s", got)
		}
		_, content, err := db.Document(context.Background(), id, doc.ID)
		if err != nil || !bytes.Equal(content, scan) {
			t.Fatalf("read: %q %v", content, err)
		}
	})
}

// TestDocumentsInObjectStore: with an object store the content goes to the bucket under
// its SHA-256, the row keeps none, and what comes back is checked against the row.
func TestDocumentsInObjectStore(t *testing.T) {
	sqlstoretest.EachDB(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		id := create(t, db, newDraft(t, catalog.ChannelCounter, 0, ""), 1)
		older := addDocument(t, db, id, "cu.pdf", []byte("%PDF-1.4 written before the store\n"))
		blobs, srv := s3blobtest.Open(t)
		db.UseBlobs(blobs)

		doc := addDocument(t, db, id, "don.pdf", scan)
		sum := sha256.Sum256(scan)
		if doc.SHA256 != hex.EncodeToString(sum[:]) || doc.Size != int64(len(scan)) {
			t.Fatalf("metadata: %+v", doc)
		}
		if got := documentRow(t, db, doc.ID); got != "store 0" {
			t.Fatalf("row: %s, want the content in the store only", got)
		}
		inBucket, err := blobs.Get(ctx, "documents/"+doc.SHA256)
		if err != nil || !bytes.Equal(inBucket, scan) {
			t.Fatalf("bucket: %q %v", inBucket, err)
		}
		got, content, err := db.Document(ctx, id, doc.ID)
		if err != nil || !bytes.Equal(content, scan) || got.Filename != "don.pdf" {
			t.Fatalf("read: %+v %q %v", got, content, err)
		}
		_, content, err = db.Document(ctx, id, older.ID)
		if err != nil || !bytes.Equal(content, []byte("%PDF-1.4 written before the store\n")) {
			t.Fatalf("older row: %q %v", content, err)
		}

		// Bytes changed behind the database's back are refused, never served.
		if err := blobs.Put(ctx, "documents/"+doc.SHA256, []byte("%PDF-1.4 forged\n"), "application/pdf"); err != nil {
			t.Fatal(err)
		}
		if _, content, err := db.Document(ctx, id, doc.ID); !errors.Is(err, sqlstore.ErrDocumentChanged) || content != nil {
			t.Fatalf("tampered object: %q %v", content, err)
		}

		// A row in the store with no store configured is a clear error.
		db.UseBlobs(nil)
		if _, _, err := db.Document(ctx, id, doc.ID); err == nil {
			t.Fatal("read a stored document with no object store")
		}
		db.UseBlobs(blobs)

		// When the store cannot take the content, no row is added.
		srv.Close()
		before := len(documents(t, db, id))
		if _, err := db.AddDocument(ctx, sqlstore.Document{DossierID: id, Filename: "sau.pdf",
			ContentType: "application/pdf", UploadedAt: monday9, UploadedBy: 1}, []byte("%PDF-1.4 later\n")); err == nil {
			t.Fatal("added a document while the object store was down")
		}
		if after := len(documents(t, db, id)); after != before {
			t.Fatalf("%d documents after a failed put, want %d", after, before)
		}
	})
}

func documents(t *testing.T, db *sqlstore.DB, dossierID int64) []sqlstore.Document {
	t.Helper()
	docs, err := db.Documents(context.Background(), dossierID)
	if err != nil {
		t.Fatal(err)
	}
	return docs
}

// TestDocumentIdempotencyKey: an upload sent again with its key adds no second row and
// gets the first one back; the same key with other bytes is refused naming the key; keys
// are the uploader's own, and uploads without a key are never merged.
func TestDocumentIdempotencyKey(t *testing.T) {
	sqlstoretest.EachDB(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		id := create(t, db, newDraft(t, catalog.ChannelCounter, 0, ""), 1)
		upload := func(by int64, key string, content []byte) (sqlstore.Document, bool, error) {
			return db.AddDocumentOnce(ctx, sqlstore.Document{DossierID: id, Slot: 0, Filename: "don.pdf",
				ContentType: "application/pdf", UploadedAt: monday9, UploadedBy: by}, key, content)
		}
		first, repeated, err := upload(1, "k-1", scan)
		if err != nil || repeated {
			t.Fatalf("first upload: %+v %v %v", first, repeated, err)
		}
		again, repeated, err := upload(1, "k-1", scan)
		if err != nil || !repeated || again.ID != first.ID || again.SHA256 != first.SHA256 || again.Filename != "don.pdf" {
			t.Fatalf("repeat: %+v repeated=%v %v, want document %d back", again, repeated, err, first.ID)
		}
		if n := len(documents(t, db, id)); n != 1 {
			t.Fatalf("%d documents after a repeated upload, want 1", n)
		}

		_, _, err = upload(1, "k-1", []byte("%PDF-1.4 another file\n"))
		var me *motcua.Error
		if !errors.As(err, &me) || me.Field != "idempotency_key" {
			t.Fatalf("same key, other content: %v, want an error naming idempotency_key", err)
		}
		if n := len(documents(t, db, id)); n != 1 {
			t.Fatalf("%d documents after a refused upload, want 1", n)
		}

		// Another uploader's key is another key; no key never matches.
		if other, repeated, err := upload(2, "k-1", scan); err != nil || repeated || other.ID == first.ID {
			t.Fatalf("other uploader: %+v %v %v", other, repeated, err)
		}
		for range 2 {
			if _, repeated, err := upload(1, "", scan); err != nil || repeated {
				t.Fatalf("no key: %v %v", repeated, err)
			}
		}
		if n := len(documents(t, db, id)); n != 4 {
			t.Fatalf("%d documents, want 4", n)
		}

		// The same upload sent four times at once is stored once.
		type answer struct {
			doc      sqlstore.Document
			repeated bool
			err      error
		}
		answers := make(chan answer, 4)
		for range 4 {
			go func() {
				doc, repeated, err := upload(1, "k-together", scan)
				answers <- answer{doc, repeated, err}
			}()
		}
		ids, fresh := map[int64]bool{}, 0
		for range 4 {
			a := <-answers
			if a.err != nil {
				t.Fatal(a.err)
			}
			ids[a.doc.ID] = true
			if !a.repeated {
				fresh++
			}
		}
		if len(ids) != 1 || fresh != 1 {
			t.Fatalf("four uploads at once: documents %v, %d stored as new; want one", ids, fresh)
		}
	})
}

// TestDocumentRetryMendsStore: an upload whose object went missing after its commit (the
// answer was lost, a sweep raced it) is mended by its retry with the same key.
func TestDocumentRetryMendsStore(t *testing.T) {
	sqlstoretest.EachDB(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		id := create(t, db, newDraft(t, catalog.ChannelCounter, 0, ""), 1)
		blobs, _ := s3blobtest.Open(t)
		db.UseBlobs(blobs)
		doc := sqlstore.Document{DossierID: id, Filename: "don.pdf", ContentType: "application/pdf",
			UploadedAt: monday9, UploadedBy: 1}
		first, _, err := db.AddDocumentOnce(ctx, doc, "retry-1", scan)
		if err != nil {
			t.Fatal(err)
		}
		if err := blobs.Delete(ctx, "documents/"+first.SHA256); err != nil {
			t.Fatal(err)
		}
		again, repeated, err := db.AddDocumentOnce(ctx, doc, "retry-1", scan)
		if err != nil || !repeated || again.ID != first.ID {
			t.Fatalf("retry: %+v %v %v", again, repeated, err)
		}
		if _, content, err := db.Document(ctx, id, first.ID); err != nil || !bytes.Equal(content, scan) {
			t.Fatalf("after the retry: %q %v", content, err)
		}
	})
}
