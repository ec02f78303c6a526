package web_test

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"testing"

	"github.com/motcua/motcua/s3blob/s3blobtest"
	"github.com/motcua/motcua/sqlstore/sqlstoretest"
	"github.com/motcua/motcua/web"
)

// TestDocumentsInObjectStore: with the object store on, an upload through the API lands in
// the bucket and downloads intact; bytes changed in the bucket are refused, not served.
func TestDocumentsInObjectStore(t *testing.T) {
	sqlstoretest.Engines(t, func(t *testing.T, dsn string) {
		e := newEnv(t, dsn, web.Config{})
		blobs, _ := s3blobtest.Open(t)
		e.db.UseBlobs(blobs)
		citizen := e.token("congdan")
		d := e.fileDraft(citizen, "")
		up := e.upload(citizen, d.ID, "0", "don-de-nghi.pdf", fakePDF)
		var doc struct {
			ID     int64
			SHA256 string `json:"sha256"`
		}
		up.json(t, &doc)
		if up.status != http.StatusCreated {
			t.Fatalf("upload: %d %s", up.status, up.body)
		}
		if inBucket, err := blobs.Get(context.Background(), "documents/"+doc.SHA256); err != nil || !bytes.Equal(inBucket, fakePDF) {
			t.Fatalf("bucket: %q %v", inBucket, err)
		}
		path := fmt.Sprintf("/api/v1/dossiers/%d/documents/%d", d.ID, doc.ID)
		if got := e.do("GET", path, citizen, nil); got.status != 200 || !bytes.Equal(got.body, fakePDF) {
			t.Fatalf("download: %d %q", got.status, got.body)
		}
		forged := []byte("%PDF-1.4 forged\n")
		if err := blobs.Put(context.Background(), "documents/"+doc.SHA256, forged, "application/pdf"); err != nil {
			t.Fatal(err)
		}
		if got := e.do("GET", path, citizen, nil); got.status != http.StatusInternalServerError || bytes.Contains(got.body, forged) {
			t.Fatalf("tampered download: %d %q", got.status, got.body)
		}
	})
}
