package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/motcua/motcua"
)

// CopiedTable is one table a copy wrote, with its rows.
type CopiedTable struct {
	Name string
	Rows int64
}

// CopyInto copies every row of this SQLite database into dst, a PostgreSQL database at the
// same migration with no rows yet: the path of a province that outgrows one machine. The
// source is read in one snapshot and dst written in one transaction, so dst holds either
// the whole copy or nothing. Tables go parents first; each table's row count is checked
// before the commit, dst's id sequences continue after the copied ids, and its statistics
// are taken afresh.
func (db *DB) CopyInto(ctx context.Context, dst *DB) ([]CopiedTable, error) {
	if db.Engine != SQLite || dst.Engine != Postgres {
		return nil, errors.New("sqlstore: a copy goes from an SQLite file to PostgreSQL")
	}
	if err := sameMigrations(ctx, db, dst); err != nil {
		return nil, err
	}
	src, err := db.read.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, err
	}
	defer src.Rollback()
	tables, err := copyOrder(ctx, src)
	if err != nil {
		return nil, err
	}
	tx, err := dst.write.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	out := make([]CopiedTable, 0, len(tables))
	for _, t := range tables {
		n, err := dst.copyTable(ctx, src, tx, t)
		if err != nil {
			return nil, fmt.Errorf("sqlstore: copy %s: %w", t.name, err)
		}
		out = append(out, CopiedTable{t.name, n})
	}
	if err := restartIdentities(ctx, tx); err != nil {
		return nil, err
	}
	if err := tx.Commit(); err != nil {
		return nil, err
	}
	// The new tables are full, and the planner should know it before the first request.
	return out, dst.Analyze(ctx)
}

// sameMigrations refuses a copy between databases of different migrations, including a
// database a newer build migrated: this build would not know all of its tables.
func sameMigrations(ctx context.Context, a, b *DB) error {
	for _, db := range []*DB{a, b} {
		if st, err := db.MigrationStatus(ctx); err != nil {
			return err
		} else if len(st.Pending) > 0 {
			return fmt.Errorf("sqlstore: the %s database lacks migration %s", db.Engine, st.Pending[0])
		} else if len(st.Newer) > 0 {
			return fmt.Errorf("sqlstore: the %s database has migration %s, newer than this build: copy it with the build that applied it",
				db.Engine, st.Newer[0])
		}
	}
	return nil
}

// copiedTable is a source table: its columns, and the column that refers to its own rows
// (units.parent_code), if any, with the column it refers to.
type copiedTable struct {
	name          string
	columns       []string
	parent, refer string
}

// copyOrder lists the source's tables, each after the tables it refers to.
func copyOrder(ctx context.Context, src *sql.Tx) ([]copiedTable, error) {
	// The instances are the processes serving the source; none serves the copy yet.
	names, err := texts(ctx, src, `SELECT name FROM sqlite_master WHERE type = 'table'
		AND name NOT LIKE 'sqlite_%' AND name NOT IN ('schema_migrations', 'instances') ORDER BY name`)
	if err != nil {
		return nil, err
	}
	byName := map[string]*copiedTable{}
	needs := map[string][]string{}
	for _, name := range names {
		t := &copiedTable{name: name}
		if t.columns, err = texts(ctx, src, `SELECT name FROM pragma_table_info(?) ORDER BY cid`, name); err != nil {
			return nil, err
		}
		rows, err := src.QueryContext(ctx, `SELECT "table", "from", "to" FROM pragma_foreign_key_list(?)`, name)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var parent, from, to string
			if err := rows.Scan(&parent, &from, &to); err != nil {
				rows.Close()
				return nil, err
			}
			if parent == name {
				t.parent, t.refer = from, to
			} else {
				needs[name] = append(needs[name], parent)
			}
		}
		rows.Close()
		byName[name] = t
	}
	var out []copiedTable
	done := map[string]bool{}
	var visit func(name string, path []string) error
	visit = func(name string, path []string) error {
		if done[name] {
			return nil
		}
		if slices.Contains(path, name) {
			return fmt.Errorf("sqlstore: tables refer to each other in a circle: %v", append(path, name))
		}
		for _, p := range needs[name] {
			if err := visit(p, append(path, name)); err != nil {
				return err
			}
		}
		done[name] = true
		out = append(out, *byName[name])
		return nil
	}
	for _, name := range names {
		if err := visit(name, nil); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// copyTable writes one table's rows into tx in batches, after checking the table is empty
// there, and checks the count it ends with.
func (dst *DB) copyTable(ctx context.Context, src *sql.Tx, tx *sql.Tx, t copiedTable) (int64, error) {
	var taken bool
	if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM `+t.name+`)`).Scan(&taken); err != nil {
		return 0, err
	}
	if taken {
		return 0, motcua.Invalid("to", "cơ sở dữ liệu đích đã có dữ liệu (bảng "+t.name+"); cần một cơ sở dữ liệu mới",
			"the target database already holds data (table "+t.name+"); a new one is needed")
	}
	kinds, err := columnKinds(ctx, tx, t.name)
	if err != nil {
		return 0, err
	}
	for _, c := range t.columns {
		if kinds[c] == "" {
			return 0, fmt.Errorf("PostgreSQL has no column %s.%s", t.name, c)
		}
	}
	per := max(1, min(500, 60000/len(t.columns)))
	cols := strings.Join(t.columns, ", ")
	batch := make([]any, 0, per*len(t.columns))
	var read int64
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		n := len(batch) / len(t.columns)
		q := `INSERT INTO ` + t.name + ` (` + cols + `) VALUES ` + valuesList(n, len(t.columns))
		_, err := tx.ExecContext(ctx, dst.bind(q), batch...)
		batch = batch[:0]
		return err
	}
	err = eachRow(ctx, src, t, func(r []any) error {
		for i, v := range r {
			batch = append(batch, convertValue(v, kinds[t.columns[i]]))
		}
		read++
		if len(batch) == cap(batch) {
			return flush()
		}
		return nil
	})
	if err == nil {
		err = flush()
	}
	if err != nil {
		return 0, err
	}
	var n int64
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM `+t.name).Scan(&n); err != nil {
		return 0, err
	}
	if n != read {
		return 0, fmt.Errorf("%d rows read, %d written", read, n)
	}
	return n, nil
}

// eachRow hands fn the rows of a source table one by one, as they are read; a table whose
// rows refer to each other (the units, a few hundred) is read whole and comes parents
// first.
func eachRow(ctx context.Context, src *sql.Tx, t copiedTable, fn func([]any) error) error {
	rows, err := src.QueryContext(ctx, `SELECT `+strings.Join(t.columns, ", ")+` FROM `+t.name+` ORDER BY rowid`)
	if err != nil {
		return err
	}
	defer rows.Close()
	var held [][]any
	for rows.Next() {
		r := make([]any, len(t.columns))
		ptrs := make([]any, len(r))
		for i := range r {
			ptrs[i] = &r[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return err
		}
		if t.parent != "" {
			held = append(held, r)
		} else if err := fn(r); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	for _, r := range parentsFirst(held, slices.Index(t.columns, t.parent), slices.Index(t.columns, t.refer)) {
		if err := fn(r); err != nil {
			return err
		}
	}
	return nil
}

// parentsFirst orders rows so that each comes after the row its column parent names in
// column key.
func parentsFirst(rows [][]any, parent, key int) [][]any {
	placed := map[any]bool{}
	out := make([][]any, 0, len(rows))
	for len(rows) > 0 {
		var rest [][]any
		for _, r := range rows {
			if p := r[parent]; p == nil || p == "" || placed[fmt.Sprint(p)] {
				out = append(out, r)
				placed[fmt.Sprint(r[key])] = true
			} else {
				rest = append(rest, r)
			}
		}
		if len(rest) == len(rows) { // parents missing: the database's own check will say so
			return append(out, rest...)
		}
		rows = rest
	}
	return out
}

// columnKinds maps a PostgreSQL table's columns to their data types.
func columnKinds(ctx context.Context, tx *sql.Tx, table string) (map[string]string, error) {
	rows, err := tx.QueryContext(ctx, `SELECT column_name, data_type FROM information_schema.columns
		WHERE table_schema = current_schema() AND table_name = $1`, table)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	kinds := map[string]string{}
	for rows.Next() {
		var name, kind string
		if err := rows.Scan(&name, &kind); err != nil {
			return nil, err
		}
		kinds[name] = kind
	}
	return kinds, rows.Err()
}

// convertValue turns a value as SQLite stores it into one of the PostgreSQL column's type:
// SQLite keeps booleans as integers and may give text as bytes.
func convertValue(v any, kind string) any {
	switch kind {
	case "boolean":
		if n, ok := v.(int64); ok {
			return n != 0
		}
	case "bytea":
		if s, ok := v.(string); ok {
			return []byte(s)
		}
	case "text", "character varying":
		if b, ok := v.([]byte); ok {
			return string(b)
		}
	}
	return v
}

// restartIdentities moves each identity column's sequence past the largest id copied.
func restartIdentities(ctx context.Context, tx *sql.Tx) error {
	rows, err := tx.QueryContext(ctx, `SELECT table_name, column_name FROM information_schema.columns
		WHERE table_schema = current_schema() AND is_identity = 'YES'`)
	if err != nil {
		return err
	}
	var pairs [][2]string
	for rows.Next() {
		var t, c string
		if err := rows.Scan(&t, &c); err != nil {
			rows.Close()
			return err
		}
		pairs = append(pairs, [2]string{t, c})
	}
	rows.Close()
	for _, p := range pairs {
		if _, err := tx.ExecContext(ctx, `SELECT setval(pg_get_serial_sequence($1, $2), COALESCE(MAX(`+p[1]+`), 0) + 1, false)
			FROM `+p[0], p[0], p[1]); err != nil {
			return fmt.Errorf("sqlstore: restart the ids of %s: %w", p[0], err)
		}
	}
	return nil
}

// texts reads one text column of every row q returns.
func texts(ctx context.Context, src *sql.Tx, q string, args ...any) ([]string, error) {
	return scanTexts(src.QueryContext(ctx, q, args...))
}

// scanTexts reads one text column of every row.
func scanTexts(rows *sql.Rows, err error) ([]string, error) {
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}
