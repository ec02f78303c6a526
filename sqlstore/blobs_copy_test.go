package sqlstore_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/motcua/motcua/catalog"
	"github.com/motcua/motcua/s3blob/s3blobtest"
	"github.com/motcua/motcua/sqlstore"
	"github.com/motcua/motcua/sqlstore/sqlstoretest"
)

// TestExportImportDocuments: the contents in the object store go to a folder and back into
// an empty bucket, a second export copies only what is new, and a changed or missing file
// is refused by name while the others are still put.
func TestExportImportDocuments(t *testing.T) {
	sqlstoretest.EachDB(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		dir := filepath.Join(t.TempDir(), "documents")
		blobs, _ := s3blobtest.Open(t)
		if has, err := db.HasStoredDocuments(ctx); err != nil || has {
			t.Fatalf("before any upload: %v %v", has, err)
		}
		if _, err := db.ExportDocuments(ctx, dir); err == nil {
			t.Fatal("exported with no object store")
		}
		id := create(t, db, newDraft(t, catalog.ChannelCounter, 0, ""), 1)
		inRow := addDocument(t, db, id, "cu.pdf", []byte("%PDF-1.4 kept in its row\n"))
		db.UseBlobs(blobs)
		a := addDocument(t, db, id, "don.pdf", scan)
		addDocument(t, db, id, "don-lan-2.pdf", scan) // the same content twice is one object
		if has, err := db.HasStoredDocuments(ctx); err != nil || !has {
			t.Fatalf("after an upload to the store: %v %v", has, err)
		}

		rep, err := db.ExportDocuments(ctx, dir)
		if err != nil || rep != (sqlstore.CopyReport{Documents: 1, Copied: 1, Bytes: int64(len(scan))}) {
			t.Fatalf("export: %+v %v", rep, err)
		}
		if got, err := os.ReadFile(filepath.Join(dir, a.SHA256)); err != nil || !bytes.Equal(got, scan) {
			t.Fatalf("exported file: %q %v", got, err)
		}
		licence := []byte("%PDF-1.4 giấy phép kinh doanh\n")
		b := addDocument(t, db, id, "giay-phep.pdf", licence)
		rep, err = db.ExportDocuments(ctx, dir)
		if err != nil || rep != (sqlstore.CopyReport{Documents: 2, Copied: 1, Present: 1, Bytes: int64(len(licence))}) {
			t.Fatalf("second export: %+v %v", rep, err)
		}
		if entries, _ := os.ReadDir(dir); len(entries) != 2 {
			t.Fatalf("folder holds %d entries, want the 2 contents and nothing else", len(entries))
		}

		// A new, empty bucket: the import puts both back and the documents read again.
		empty, _ := s3blobtest.Open(t)
		db.UseBlobs(empty)
		rep, err = db.ImportDocuments(ctx, dir)
		if err != nil || rep != (sqlstore.CopyReport{Documents: 2, Copied: 2, Bytes: int64(len(scan) + len(licence))}) {
			t.Fatalf("import: %+v %v", rep, err)
		}
		for doc, want := range map[int64][]byte{a.ID: scan, b.ID: licence, inRow.ID: []byte("%PDF-1.4 kept in its row\n")} {
			if _, content, err := db.Document(ctx, id, doc); err != nil || !bytes.Equal(content, want) {
				t.Fatalf("document %d after import: %q %v", doc, content, err)
			}
		}
		if rep, err = db.ImportDocuments(ctx, dir); err != nil || rep.Present != 2 || rep.Copied != 0 {
			t.Fatalf("import again: %+v %v", rep, err)
		}

		// Into another empty bucket from a folder with one file changed and one missing.
		db.UseBlobs(nil)
		again, _ := s3blobtest.Open(t)
		db.UseBlobs(again)
		if err := os.WriteFile(filepath.Join(dir, a.SHA256), []byte("%PDF-1.4 forged\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		c := addDocument(t, db, id, "bo-sung.pdf", []byte("%PDF-1.4 never exported\n"))
		if err := again.Delete(ctx, "documents/"+c.SHA256); err != nil {
			t.Fatal(err)
		}
		rep, err = db.ImportDocuments(ctx, dir)
		if !errors.Is(err, sqlstore.ErrDocumentChanged) || !strings.Contains(err.Error(), a.SHA256) ||
			!strings.Contains(err.Error(), c.SHA256+" is missing") || rep.Copied != 1 {
			t.Fatalf("import of a changed and a missing file: %+v %v", rep, err)
		}
		if ok, _ := again.Exists(ctx, "documents/"+a.SHA256); ok {
			t.Fatal("a changed file was put")
		}
		if _, content, err := db.Document(ctx, id, b.ID); err != nil || !bytes.Equal(content, licence) {
			t.Fatalf("the sound file was not put: %q %v", content, err)
		}

		// A row whose SHA-256 is not one names no file: the export stops before writing.
		if err := db.ExecForTest(ctx, `UPDATE dossier_documents SET sha256 = '../../escape' WHERE id = ?`, c.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := db.ExportDocuments(ctx, dir); err == nil || !strings.Contains(err.Error(), `records "../../escape" as its SHA-256`) {
			t.Fatalf("export of a row with a path for a SHA-256: %v", err)
		}
		if _, err := os.Stat(filepath.Join(dir, "..", "..", "escape")); !errors.Is(err, os.ErrNotExist) {
			t.Fatalf("a file was written outside the folder: %v", err)
		}
	})
}
