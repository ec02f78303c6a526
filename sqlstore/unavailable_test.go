package sqlstore_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"net"
	"testing"
	"time"

	"github.com/motcua/motcua/sqlstore"
	"github.com/motcua/motcua/sqlstore/sqlstoretest"
)

// TestUnavailable tells apart, on a real PostgreSQL, the errors of a database that cannot
// serve now from the errors of a request.
func TestUnavailable(t *testing.T) {
	dsn := sqlstoretest.PostgresDSN(t)
	ctx := context.Background()
	pool, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	if _, err := pool.Exec(`CREATE TABLE probe (n INT PRIMARY KEY)`); err != nil {
		t.Fatal(err)
	}
	readOnly := func() error {
		tx, err := pool.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
		if err != nil {
			return err
		}
		defer tx.Rollback()
		_, err = tx.Exec(`INSERT INTO probe VALUES (1)`)
		return err
	}
	terminated := func() error {
		conn, err := pool.Conn(ctx)
		if err != nil {
			return err
		}
		defer conn.Close()
		if _, err := conn.ExecContext(ctx, `SELECT pg_terminate_backend(pg_backend_pid())`); err != nil {
			return err
		}
		_, err = conn.ExecContext(ctx, `SELECT 1`)
		return err
	}
	refused := func() error {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			return err
		}
		addr := ln.Addr().String()
		ln.Close()
		down, err := sql.Open("pgx", "postgres://postgres@"+addr+"/postgres?sslmode=disable&connect_timeout=2")
		if err != nil {
			return err
		}
		defer down.Close()
		return down.Ping()
	}
	duplicate := func() error {
		pool.Exec(`INSERT INTO probe VALUES (2)`)
		_, err := pool.Exec(`INSERT INTO probe VALUES (2)`)
		return err
	}
	syntax := func() error {
		_, err := pool.Exec(`SELEC 1`)
		return err
	}
	// Two transactions lock rows 10 and 11 in opposite orders: the server ends one.
	deadlock := func() error {
		pool.Exec(`INSERT INTO probe VALUES (10), (11)`)
		errs := make(chan error, 2)
		locked := make(chan struct{}, 2)
		for _, order := range [][2]int{{10, 11}, {11, 10}} {
			go func() {
				errs <- func() error {
					tx, err := pool.BeginTx(ctx, nil)
					if err != nil {
						return err
					}
					defer tx.Rollback()
					if _, err := tx.Exec(`SELECT n FROM probe WHERE n = $1 FOR UPDATE`, order[0]); err != nil {
						return err
					}
					locked <- struct{}{}
					for len(locked) < 2 { // both hold their first row
						time.Sleep(time.Millisecond)
					}
					_, err = tx.Exec(`SELECT n FROM probe WHERE n = $1 FOR UPDATE`, order[1])
					return err
				}()
			}()
		}
		return errors.Join(<-errs, <-errs)
	}
	// A repeatable-read transaction writes a row another changed since its snapshot.
	serialization := func() error {
		pool.Exec(`INSERT INTO probe VALUES (12)`)
		tx, err := pool.BeginTx(ctx, &sql.TxOptions{Isolation: sql.LevelRepeatableRead})
		if err != nil {
			return err
		}
		defer tx.Rollback()
		if _, err := tx.Exec(`SELECT n FROM probe WHERE n = 12`); err != nil {
			return err
		}
		if _, err := pool.Exec(`UPDATE probe SET n = 13 WHERE n = 12`); err != nil {
			return err
		}
		_, err = tx.Exec(`UPDATE probe SET n = 14 WHERE n = 12`)
		return err
	}
	// With the row locked by another transaction, a write waits: past lock_timeout, past
	// statement_timeout, past its own deadline, or until its client gives up.
	pool.Exec(`INSERT INTO probe VALUES (3)`)
	holder, err := pool.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Rollback()
	if _, err := holder.Exec(`SELECT n FROM probe WHERE n = 3 FOR UPDATE`); err != nil {
		t.Fatal(err)
	}
	waitFor := func(setting string, ctx context.Context) func() error {
		return func() error {
			tx, err := pool.BeginTx(ctx, nil)
			if err != nil {
				return err
			}
			defer tx.Rollback()
			if setting != "" {
				if _, err := tx.Exec(`SET LOCAL ` + setting); err != nil {
					return err
				}
			}
			_, err = tx.Exec(`UPDATE probe SET n = 4 WHERE n = 3`)
			return err
		}
	}
	deadline, stop := context.WithTimeout(ctx, 200*time.Millisecond)
	defer stop()
	gaveUp, giveUp := context.WithCancel(ctx)
	time.AfterFunc(200*time.Millisecond, giveUp)
	for _, c := range []struct {
		name        string
		do          func() error
		unavailable bool
	}{
		{"a write on a read-only server", readOnly, true},
		{"a connection the server ended", terminated, true},
		{"a server that does not answer", refused, true},
		{"a duplicate key", duplicate, false},
		{"a syntax error", syntax, false},
		{"a deadlock", deadlock, true},
		{"a serialization failure", serialization, true},
		{"a wait past lock_timeout", waitFor("lock_timeout = 100", ctx), true},
		{"a wait past statement_timeout", waitFor("statement_timeout = 100", ctx), true},
		{"a wait past the request's deadline", waitFor("", deadline), true},
		{"a wait its client gave up", waitFor("", gaveUp), false},
	} {
		err := c.do()
		if err == nil {
			t.Fatalf("%s: no error", c.name)
		}
		if got := sqlstore.Unavailable(err); got != c.unavailable {
			t.Errorf("%s (%v): unavailable %v, want %v", c.name, err, got, c.unavailable)
		}
	}
	if sqlstore.Unavailable(nil) || sqlstore.Unavailable(errors.New("bad input")) {
		t.Fatal("nil or a plain error counted as unavailable")
	}
	// A server that dies in the middle of an answer (TestFailoverKeepsAnsweredDossiers
	// meets it for real).
	if !sqlstore.Unavailable(fmt.Errorf("receive: %w", io.ErrUnexpectedEOF)) {
		t.Fatal("a connection cut in the middle of an answer is not counted as unavailable")
	}
}
