package main

import (
	"bytes"
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/motcua/motcua"
	"github.com/motcua/motcua/catalog"
	"github.com/motcua/motcua/dossier"
	"github.com/motcua/motcua/s3blob"
	"github.com/motcua/motcua/s3blob/s3blobtest"
	"github.com/motcua/motcua/sqlstore"
)

var certificate = []byte("%PDF-1.4\nGiấy chứng nhận đủ điều kiện kinh doanh\n%%EOF\n")

// storeFlags points a command at the test's object store; the keys come from the environment.
func storeFlags(t *testing.T, cfg s3blob.Config) []string {
	t.Setenv("MOTCUA_S3_ACCESS_KEY", cfg.AccessKey)
	t.Setenv("MOTCUA_S3_SECRET_KEY", cfg.SecretKey)
	return []string{"--s3-endpoint", cfg.Endpoint, "--s3-bucket", cfg.Bucket, "--s3-insecure"}
}

// fileDocument makes a database with one dossier whose attachment is in the object store.
func fileDocument(t *testing.T, dsn string, cfg s3blob.Config) (dossierID, docID int64) {
	t.Helper()
	ctx := context.Background()
	csv := filepath.Join("..", "..", "demo", "sct-procedures.csv")
	if err := run([]string{"import", "--db", dsn, csv}, new(bytes.Buffer)); err != nil {
		t.Fatal(err)
	}
	db, err := sqlstore.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := useObjectStore(ctx, db, cfg, newLogger(new(bytes.Buffer), "warn")); err != nil {
		t.Fatal(err)
	}
	procs, err := db.Procedures(ctx)
	if err != nil || len(procs) == 0 {
		t.Fatalf("procedures: %d %v", len(procs), err)
	}
	d, err := dossier.NewDraft(dossier.DraftInput{Procedure: &procs[0], Channel: catalog.ChannelCounter,
		ApplicantType: catalog.Citizen, Applicant: dossier.Applicant{Name: "Trần Thị Bình", IDNumber: "001190054321",
			Phone: "0912345678"}}, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if dossierID, _, err = db.CreateDossierDraft(ctx, d, 1); err != nil {
		t.Fatal(err)
	}
	doc, err := db.AddDocument(ctx, sqlstore.Document{DossierID: dossierID, Filename: "giay-chung-nhan.pdf",
		ContentType: "application/pdf", UploadedAt: time.Now(), UploadedBy: 1}, certificate)
	if err != nil {
		t.Fatal(err)
	}
	return dossierID, doc.ID
}

// TestBackupWithDocuments: a backup of a database whose attachments are in the object store
// is refused unless it says what to do with them; with --documents the restore into an
// empty bucket brings them back.
func TestBackupWithDocuments(t *testing.T) {
	dir := t.TempDir()
	live, backup, restored := filepath.Join(dir, "live.db"), filepath.Join(dir, "backup.db"), filepath.Join(dir, "restored.db")
	docs := filepath.Join(dir, "documents")
	_, cfg := s3blobtest.Start(t)
	flags := storeFlags(t, cfg)
	dossierID, docID := fileDocument(t, live, cfg)
	var out bytes.Buffer

	err := run([]string{"backup", "--db", live, backup}, &out)
	var e *motcua.Error
	if !errors.As(err, &e) || e.Field != "documents" {
		t.Fatalf("backup leaving the attachments out: %v", err)
	}
	if err := run([]string{"restore", "--db", restored, backup}, &out); err == nil {
		t.Fatal("the refused backup wrote a file")
	}
	if err := run(append([]string{"backup", "--db", live, "--documents", docs, "--skip-documents"}, flags...), &out); err == nil {
		t.Fatal("--documents with --skip-documents")
	}
	if err := run([]string{"backup", "--db", live, "--documents", docs, "--s3-endpoint", "", backup}, &out); !errors.As(err, &e) || e.Field != "s3-endpoint" {
		t.Fatalf("backup with --documents and no object store: %v", err)
	}
	if err := run([]string{"restore", "--db", restored, backup}, &out); err == nil {
		t.Fatal("the backup refused for want of an object store wrote a file")
	}
	if err := run(append([]string{"backup", "--db", live, "--documents", docs}, append(flags, backup)...), &out); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "attachments: 1; chép ra / exported to "+docs+": 1") {
		t.Fatalf("backup output: %s", out.String())
	}

	// Restore into a new bucket: the attachment is put back from the folder.
	_, fresh := s3blobtest.Start(t)
	flags = storeFlags(t, fresh)
	if err := run(append([]string{"restore", "--db", restored, "--documents", docs}, append(flags, backup)...), &out); err != nil {
		t.Fatal(err)
	}
	err = withObjectStore(context.Background(), restored, fresh, func(db *sqlstore.DB) error {
		_, content, err := db.Document(context.Background(), dossierID, docID)
		if err == nil && !bytes.Equal(content, certificate) {
			err = errors.New("wrong content")
		}
		return err
	})
	if err != nil {
		t.Fatalf("restored attachment: %v", err)
	}
}

// TestDocumentsSweepCommand: the sweep needs an object store, refuses a cut-off under a
// minute, and spares what was put within the cut-off. (Removal itself is tested in sqlstore,
// where the bucket's clock can be moved.)
func TestDocumentsSweepCommand(t *testing.T) {
	dir := t.TempDir()
	live := filepath.Join(dir, "live.db")
	_, cfg := s3blobtest.Start(t)
	flags := storeFlags(t, cfg)
	fileDocument(t, live, cfg)
	var out bytes.Buffer
	var e *motcua.Error
	if err := run([]string{"documents", "sweep", "--db", live, "--s3-endpoint", ""}, &out); !errors.As(err, &e) || e.Field != "s3-endpoint" {
		t.Fatalf("sweep without a store: %v", err)
	}
	if err := run(append([]string{"documents", "sweep", "--db", live, "--older-than", "1s"}, flags...), &out); !errors.As(err, &e) || e.Field != "older-than" {
		t.Fatalf("sweep with a cut-off of a second: %v", err)
	}
	store, err := s3blob.Open(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := store.Put(context.Background(), "documents/0000orphan", []byte("x"), "text/plain"); err != nil {
		t.Fatal(err)
	}
	// Everything in this bucket was put just now: a cut-off of a minute spares it all.
	out.Reset()
	if err := run(append([]string{"documents", "sweep", "--db", live, "--older-than", "1m"}, flags...), &out); err != nil ||
		!strings.Contains(out.String(), "2 đối tượng / objects: 0 có hồ sơ trỏ tới / referenced, 2 mới / recent") {
		t.Fatalf("sweep: %v %s", err, out.String())
	}
	if ok, _ := store.Exists(context.Background(), "documents/0000orphan"); !ok {
		t.Fatal("a recent object was removed")
	}
}
