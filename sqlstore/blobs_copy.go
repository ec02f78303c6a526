package sqlstore

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// CopyReport counts what copying documents between the object store and a folder did.
type CopyReport struct {
	Documents int   // distinct contents the database keeps in the object store
	Copied    int   // written this time
	Present   int   // already there, left alone
	Bytes     int64 // written
}

// storedPage is how many contents storedHashes reads at a time.
const storedPage = 500

// storedHashes calls fn with the SHA-256 and content type of every distinct content kept
// in the object store, in SHA-256 order, reading a page at a time so no cursor stays open
// while fn works.
func (db *DB) storedHashes(ctx context.Context, fn func(sha, contentType string) error) error {
	after := ""
	for {
		rows, err := db.query(ctx, `SELECT sha256, MIN(content_type) FROM dossier_documents
			WHERE content_in_store AND sha256 > ? GROUP BY sha256 ORDER BY sha256 LIMIT ?`, after, storedPage)
		if err != nil {
			return err
		}
		var page [][2]string
		for rows.Next() {
			var p [2]string
			if err := rows.Scan(&p[0], &p[1]); err != nil {
				rows.Close()
				return err
			}
			page = append(page, p)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		for _, p := range page {
			// The SHA-256 names a file and a key: a row that holds anything else (written
			// by hand, say) must not name a path outside the folder.
			if _, err := hex.DecodeString(p[0]); err != nil || len(p[0]) != 2*sha256.Size {
				return fmt.Errorf("sqlstore: a document row records %q as its SHA-256", p[0])
			}
			if err := fn(p[0], p[1]); err != nil {
				return err
			}
		}
		if len(page) < storedPage {
			return nil
		}
		after = page[len(page)-1][0]
	}
}

// HasStoredDocuments reports whether any document's content is in the object store, so a
// database backup alone does not hold it.
func (db *DB) HasStoredDocuments(ctx context.Context) (bool, error) {
	var stored bool
	err := db.queryRow(ctx, `SELECT EXISTS (SELECT 1 FROM dossier_documents WHERE content_in_store)`).Scan(&stored)
	return stored, err
}

// ExportDocuments copies into dir, one file per content named by its SHA-256, every
// document content the database keeps in the object store. A file already in dir is left
// alone, so a folder shared by successive backups receives only what is new. Each content
// is checked against its SHA-256 before it is written, and written under a temporary
// name first, so dir never holds a partial or wrong file under a real name.
//
// Documents are never deleted and their content is put before their row commits, so
// exporting after the database's backup was taken copies everything that backup refers
// to (and perhaps a few newer ones).
func (db *DB) ExportDocuments(ctx context.Context, dir string) (CopyReport, error) {
	var rep CopyReport
	if db.blobs == nil {
		return rep, errNoObjectStore
	}
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return rep, err
	}
	err := db.storedHashes(ctx, func(sha, _ string) error {
		rep.Documents++
		path := filepath.Join(dir, sha)
		if _, err := os.Stat(path); err == nil {
			rep.Present++
			return nil
		}
		content, err := db.storedContent(ctx, sha)
		if err != nil {
			return fmt.Errorf("sqlstore: export: %w", err)
		}
		if err := writeFileAtomic(path, content); err != nil {
			return err
		}
		rep.Copied++
		rep.Bytes += int64(len(content))
		return nil
	})
	return rep, err
}

// ImportDocuments puts into the object store, from a folder ExportDocuments wrote, every
// content the database keeps there and the store lacks: after a restore into an empty or
// damaged bucket. A file whose bytes do not match its name's SHA-256 is refused, and a
// content missing from both is an error naming it; the others are still put.
func (db *DB) ImportDocuments(ctx context.Context, dir string) (CopyReport, error) {
	var rep CopyReport
	if db.blobs == nil {
		return rep, errNoObjectStore
	}
	var refused []error
	err := db.storedHashes(ctx, func(sha, contentType string) error {
		rep.Documents++
		ok, err := db.blobs.Exists(ctx, documentKey(sha))
		if err != nil {
			return err
		}
		if ok {
			rep.Present++
			return nil
		}
		content, err := os.ReadFile(filepath.Join(dir, sha))
		if errors.Is(err, fs.ErrNotExist) {
			refused = append(refused, fmt.Errorf("thiếu tệp %s / %s is missing", sha, sha))
			return nil
		}
		if err != nil {
			return err
		}
		if sum := sha256.Sum256(content); hex.EncodeToString(sum[:]) != sha {
			refused = append(refused, fmt.Errorf("tệp %s bị thay đổi / %s: %w", sha, sha, ErrDocumentChanged))
			return nil
		}
		if err := db.blobs.Put(ctx, documentKey(sha), content, contentType); err != nil {
			return err
		}
		rep.Copied++
		rep.Bytes += int64(len(content))
		return nil
	})
	if err != nil {
		return rep, err
	}
	return rep, errors.Join(refused...)
}

// writeFileAtomic writes content to path through a temporary file in the same folder.
func writeFileAtomic(path string, content []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".part-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(content); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
