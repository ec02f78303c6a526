package sqlstore

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestWriterLeavesCheckpointsToTheCheckpointer writes far past SQLite's default checkpoint
// threshold (1,000 log pages), though below the writer's own, with the checkpointer
// stopped: the database file must not grow, as the writer leaves the copy to the
// checkpointer. Then a checkpointer is
// started and must copy every row into the database file on its own, and the data must
// read back whole after a reopen.
func TestWriterLeavesCheckpointsToTheCheckpointer(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "ckpt.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		if db != nil {
			db.Close()
		}
	}()
	if err := db.checkpoints.close(); err != nil {
		t.Fatal(err)
	}
	if _, err := db.exec(ctx, `CREATE TABLE scratch (n INTEGER PRIMARY KEY, pad TEXT NOT NULL)`); err != nil {
		t.Fatal(err)
	}
	before := fileSize(t, path)
	const rows = 1500
	pad := strings.Repeat("x", 3000) // about one page per row
	for i := range rows {
		if err := db.InTx(ctx, func(tx *Tx) error {
			_, err := tx.Exec(ctx, `INSERT INTO scratch (n, pad) VALUES (?, ?)`, i, pad)
			return err
		}); err != nil {
			t.Fatal(err)
		}
	}
	if got := fileSize(t, path); got > before {
		t.Fatalf("the database file grew from %d to %d bytes: the writer checkpointed", before, got)
	}
	if wal := fileSize(t, path+"-wal"); wal < rows*3000 {
		t.Fatalf("the log holds %d bytes after %d rows of 3,000 bytes", wal, rows)
	}

	conn, err := sql.Open("sqlite", db.sqliteDSN)
	if err != nil {
		t.Fatal(err)
	}
	conn.SetMaxOpenConns(1)
	db.checkpoints = newCheckpointer(conn, 10*time.Millisecond)
	deadline := time.Now().Add(10 * time.Second)
	for fileSize(t, path) < rows*3000 {
		if time.Now().After(deadline) {
			t.Fatalf("the checkpointer copied nothing: the database file is %d bytes", fileSize(t, path))
		}
		time.Sleep(20 * time.Millisecond)
	}

	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	db, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	var n int
	if err := db.read.QueryRowContext(ctx, `SELECT COUNT(*) FROM scratch WHERE length(pad) = 3000`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != rows {
		t.Fatalf("%d rows after reopening, want %d", n, rows)
	}
}

func fileSize(t *testing.T, path string) int64 {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return fi.Size()
}
