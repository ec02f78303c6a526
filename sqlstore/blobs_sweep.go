package sqlstore

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// SweepReport counts what a sweep of the object store found and did.
type SweepReport struct {
	Objects    int   // objects listed under documents/
	Referenced int   // kept: a document row points at them
	Young      int   // kept: put after the cut-off, their upload may still be committing
	Removed    int   // unreferenced and older than the cut-off: deleted (or, in a dry run, would be)
	Bytes      int64 // the removed objects' size
}

// sweepChunk is how many candidates one sweep transaction checks and deletes. The
// transaction holds back new document rows while it runs, so it stays short: its deletes
// must end within sweepChunkTime, well inside the time an SQLite writer of another process
// waits for the lock (busy_timeout, 10 s), or the sweep stops with an error.
const (
	sweepChunk     = 50
	sweepChunkTime = 5 * time.Second
)

// SweepDocuments deletes from the object store the objects no document row points at and
// that were last put before cutoff. Such objects are left by uploads whose transaction
// failed after their content was put. Documents are never deleted, so an object once
// referenced stays referenced.
//
// Each chunk of candidates is checked and deleted inside a write transaction that holds
// back new document rows (PostgreSQL: a SHARE lock on dossier_documents; SQLite: the
// writer). An upload whose content was put before the chunk began and whose row commits
// after it therefore finds its object gone when it checks after committing, and puts it
// again (AddDocument); an upload that commits first is seen as a reference. The cut-off
// only spares young uploads that churn; correctness does not depend on it.
func (db *DB) SweepDocuments(ctx context.Context, cutoff time.Time, dryRun bool) (SweepReport, error) {
	var rep SweepReport
	if db.blobs == nil {
		return rep, errNoObjectStore
	}
	sizes := map[string]int64{}
	var chunk []string
	flush := func() error {
		if len(chunk) == 0 {
			return nil
		}
		removed, err := db.sweepChunk(ctx, chunk, dryRun)
		if err != nil {
			return err
		}
		rep.Referenced += len(chunk) - len(removed)
		for _, sha := range removed {
			rep.Removed++
			rep.Bytes += sizes[sha]
		}
		chunk = chunk[:0]
		clear(sizes)
		return nil
	}
	err := db.blobs.List(ctx, documentPrefix, func(key string, size int64, modified time.Time) error {
		rep.Objects++
		sha := strings.TrimPrefix(key, documentPrefix)
		if !modified.Before(cutoff) {
			rep.Young++
			return nil
		}
		chunk = append(chunk, sha)
		sizes[sha] = size
		if len(chunk) == sweepChunk {
			return flush()
		}
		return nil
	})
	if err == nil {
		err = flush()
	}
	return rep, err
}

// sweepChunk deletes those of shas no document row points at and says which they were.
func (db *DB) sweepChunk(ctx context.Context, shas []string, dryRun bool) ([]string, error) {
	var removed []string
	err := db.InTx(ctx, func(tx *Tx) error {
		removed = removed[:0]
		if db.Engine == Postgres {
			if _, err := tx.Exec(ctx, `LOCK TABLE dossier_documents IN SHARE MODE`); err != nil {
				return err
			}
		}
		referenced, err := referencedObjects(ctx, tx, shas)
		if err != nil {
			return err
		}
		limit := sweepChunkTime
		if db.sweepChunkTime > 0 { // a test's
			limit = db.sweepChunkTime
		}
		dctx, cancel := context.WithTimeout(ctx, limit)
		defer cancel()
		for _, sha := range shas {
			if referenced[sha] {
				continue
			}
			if !dryRun {
				if err := db.blobs.Delete(dctx, documentKey(sha)); err != nil {
					return fmt.Errorf("sqlstore: sweep: %w", err)
				}
			}
			removed = append(removed, sha)
		}
		return nil
	})
	return removed, err
}

// referencedObjects tells which of shas some document row keeps in the object store.
func referencedObjects(ctx context.Context, tx *Tx, shas []string) (map[string]bool, error) {
	args := make([]any, len(shas))
	for i, sha := range shas {
		args[i] = sha
	}
	marks := strings.TrimSuffix(strings.Repeat("?, ", len(shas)), ", ")
	rows, err := tx.Query(ctx, `SELECT DISTINCT sha256 FROM dossier_documents
		WHERE content_in_store AND sha256 IN (`+marks+`)`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	referenced := map[string]bool{}
	for rows.Next() {
		var sha string
		if err := rows.Scan(&sha); err != nil {
			return nil, err
		}
		referenced[sha] = true
	}
	return referenced, rows.Err()
}
