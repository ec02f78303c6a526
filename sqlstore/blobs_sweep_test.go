package sqlstore_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/motcua/motcua/catalog"
	"github.com/motcua/motcua/s3blob"
	"github.com/motcua/motcua/s3blob/s3blobtest"
	"github.com/motcua/motcua/sqlstore"
	"github.com/motcua/motcua/sqlstore/sqlstoretest"
)

// t0 is when the sweep tests' bucket clocks start.
var t0 = time.Date(2026, time.December, 7, 2, 0, 0, 0, time.UTC)

func keyOf(content []byte) string {
	sum := sha256.Sum256(content)
	return "documents/" + hex.EncodeToString(sum[:])
}

func inBucket(t *testing.T, s *s3blob.Store, key string) bool {
	t.Helper()
	ok, err := s.Exists(context.Background(), key)
	if err != nil {
		t.Fatal(err)
	}
	return ok
}

// TestSweepDocuments: a sweep removes the objects no row points at that were put before
// the cut-off, keeps referenced and younger ones, and a dry run only counts.
func TestSweepDocuments(t *testing.T) {
	sqlstoretest.EachDB(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		blobs, clock := s3blobtest.OpenWithClock(t, t0)
		if _, err := db.SweepDocuments(ctx, t0, false); err == nil {
			t.Fatal("swept with no object store")
		}
		db.UseBlobs(blobs)
		id := create(t, db, newDraft(t, catalog.ChannelCounter, 0, ""), 1)
		kept := addDocument(t, db, id, "don.pdf", scan)
		orphan := []byte("%PDF-1.4 an upload whose row never committed\n")
		if err := blobs.Put(ctx, keyOf(orphan), orphan, "application/pdf"); err != nil {
			t.Fatal(err)
		}
		clock.Advance(2 * time.Hour)
		young := []byte("%PDF-1.4 an upload still committing\n")
		if err := blobs.Put(ctx, keyOf(young), young, "application/pdf"); err != nil {
			t.Fatal(err)
		}
		cutoff := t0.Add(time.Hour)

		rep, err := db.SweepDocuments(ctx, cutoff, true)
		want := sqlstore.SweepReport{Objects: 3, Referenced: 1, Young: 1, Removed: 1, Bytes: int64(len(orphan))}
		if err != nil || rep != want {
			t.Fatalf("dry run: %+v %v, want %+v", rep, err, want)
		}
		if !inBucket(t, blobs, keyOf(orphan)) {
			t.Fatal("a dry run deleted the orphan")
		}

		if rep, err = db.SweepDocuments(ctx, cutoff, false); err != nil || rep != want {
			t.Fatalf("sweep: %+v %v, want %+v", rep, err, want)
		}
		if inBucket(t, blobs, keyOf(orphan)) || !inBucket(t, blobs, keyOf(young)) || !inBucket(t, blobs, "documents/"+kept.SHA256) {
			t.Fatal("the sweep removed the wrong objects")
		}
		if _, content, err := db.Document(ctx, id, kept.ID); err != nil || !bytes.Equal(content, scan) {
			t.Fatalf("kept document: %q %v", content, err)
		}
		// The young orphan goes once it is older than the cut-off.
		if rep, err = db.SweepDocuments(ctx, t0.Add(3*time.Hour), false); err != nil || rep.Removed != 1 || rep.Objects != 2 {
			t.Fatalf("second sweep: %+v %v", rep, err)
		}
	})
}

// pausedDelete is an object store whose deletes wait for the test: the sweep stops inside
// its transaction with its decision made.
type pausedDelete struct {
	*s3blob.Store
	deleting chan string
	release  chan struct{}
	puts     chan string
}

func (p *pausedDelete) Delete(ctx context.Context, key string) error {
	p.deleting <- key
	<-p.release
	return p.Store.Delete(ctx, key)
}

func (p *pausedDelete) Put(ctx context.Context, key string, content []byte, contentType string) error {
	err := p.Store.Put(ctx, key, content, contentType)
	select {
	case p.puts <- key:
	default:
	}
	return err
}

// TestSweepRacingUpload: the same file is uploaded again while a sweep has found its old
// orphaned copy unreferenced and is about to delete it. The upload's row waits for the
// sweep's transaction, finds its content gone once it commits, and puts it again: the
// document reads back.
func TestSweepRacingUpload(t *testing.T) {
	sqlstoretest.EachDB(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		store, clock := s3blobtest.OpenWithClock(t, t0)
		blobs := &pausedDelete{Store: store, deleting: make(chan string), release: make(chan struct{}), puts: make(chan string, 1)}
		db.UseBlobs(blobs)
		id := create(t, db, newDraft(t, catalog.ChannelCounter, 0, ""), 1)
		if err := store.Put(ctx, keyOf(scan), scan, "application/pdf"); err != nil { // an earlier upload that failed
			t.Fatal(err)
		}
		clock.Advance(2 * time.Hour)

		var wg sync.WaitGroup
		var sweepErr error
		wg.Go(func() { _, sweepErr = db.SweepDocuments(ctx, t0.Add(time.Hour), false) })
		var released sync.Once
		release := func() { released.Do(func() { close(blobs.release) }) }
		t.Cleanup(func() { release(); wg.Wait() }) // a failed test must not leave the sweep's transaction open
		if key := <-blobs.deleting; key != keyOf(scan) {
			t.Fatalf("sweep deletes %s", key)
		}
		type added struct {
			doc sqlstore.Document
			err error
		}
		upload := make(chan added, 1)
		go func() {
			doc, err := db.AddDocument(ctx, sqlstore.Document{DossierID: id, Filename: "don.pdf",
				ContentType: "application/pdf", UploadedAt: monday9, UploadedBy: 1}, scan)
			upload <- added{doc, err}
		}()
		<-blobs.puts // the upload's content is in the bucket; its row is next
		select {
		case a := <-upload:
			t.Fatalf("the upload committed while the sweep held its chunk: %+v %v", a.doc, a.err)
		case <-time.After(300 * time.Millisecond):
		}
		release()
		wg.Wait()
		if sweepErr != nil {
			t.Fatal(sweepErr)
		}
		a := <-upload
		if a.err != nil {
			t.Fatal(a.err)
		}
		if _, content, err := db.Document(ctx, id, a.doc.ID); err != nil || !bytes.Equal(content, scan) {
			t.Fatalf("document uploaded during the sweep: %q %v", content, err)
		}
	})
}

// stuckDelete is an object store whose deletes never finish on their own.
type stuckDelete struct{ *s3blob.Store }

func (s stuckDelete) Delete(ctx context.Context, key string) error {
	<-ctx.Done()
	return ctx.Err()
}

// TestSweepGivesUpOnASlowStore: deletes that outlast the chunk's time stop the sweep with
// an error instead of holding the lock on new attachments, and an upload goes through after.
func TestSweepGivesUpOnASlowStore(t *testing.T) {
	sqlstoretest.EachDB(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		db.SetSweepChunkTimeForTest(200 * time.Millisecond)
		store, clock := s3blobtest.OpenWithClock(t, t0)
		db.UseBlobs(stuckDelete{store})
		if err := store.Put(ctx, keyOf(scan), scan, "application/pdf"); err != nil {
			t.Fatal(err)
		}
		clock.Advance(2 * time.Hour)
		if _, err := db.SweepDocuments(ctx, t0.Add(time.Hour), false); !errors.Is(err, context.DeadlineExceeded) {
			t.Fatalf("sweep on a store that does not delete: %v", err)
		}
		id := create(t, db, newDraft(t, catalog.ChannelCounter, 0, ""), 1)
		addDocument(t, db, id, "don.pdf", scan)
	})
}
