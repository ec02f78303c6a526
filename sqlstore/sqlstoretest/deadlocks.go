package sqlstoretest

import (
	"database/sql"
	"strconv"
	"testing"
)

// Deadlocks makes the PostgreSQL schema dsn names end the next n transactions that write a
// dossier event as the server ends one side of a deadlock (SQLSTATE 40P01), with a trigger
// on dossier_events; a later call replaces the count. tries tells how many such
// transactions were tried since: a sequence counts them, because a sequence is not rolled
// back with the transaction that used it.
func Deadlocks(t testing.TB, dsn string, n int) (tries func() int) {
	t.Helper()
	raw, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { raw.Close() })
	for _, q := range []string{
		`DROP TRIGGER IF EXISTS test_deadlocks ON dossier_events`,
		`DROP SEQUENCE IF EXISTS test_event_tries`,
		`CREATE SEQUENCE test_event_tries`,
		`CREATE OR REPLACE FUNCTION test_deadlocks() RETURNS trigger LANGUAGE plpgsql AS $$
		BEGIN
			IF nextval('test_event_tries') <= TG_ARGV[0]::int THEN
				RAISE EXCEPTION 'deadlock made by the test' USING ERRCODE = '40P01';
			END IF;
			RETURN NEW;
		END $$`,
		`CREATE TRIGGER test_deadlocks BEFORE INSERT ON dossier_events FOR EACH ROW
		EXECUTE FUNCTION test_deadlocks('` + strconv.Itoa(n) + `')`,
	} {
		if _, err := raw.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	return func() int {
		t.Helper()
		var called bool
		var last int
		if err := raw.QueryRow(`SELECT is_called, last_value FROM test_event_tries`).Scan(&called, &last); err != nil {
			t.Fatal(err)
		}
		if !called {
			return 0
		}
		return last
	}
}
