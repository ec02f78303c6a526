package sqlstoretest

import (
	"database/sql"
	"strconv"
	"testing"
)

// Deadlocks makes the PostgreSQL schema dsn names end the next n transactions that write a
// dossier event as the server ends one side of a deadlock (SQLSTATE 40P01); see
// DeadlocksOn.
func Deadlocks(t testing.TB, dsn string, n int) (tries func() int) {
	t.Helper()
	return DeadlocksOn(t, dsn, "dossier_events", n)
}

// DeadlocksOn makes the PostgreSQL schema dsn names end the next n statements that insert
// into, update or delete from table as the server ends one side of a deadlock (SQLSTATE
// 40P01), with a trigger on the table; a later call for the table replaces the count.
// tries tells how many such statements were tried since: a sequence counts them, because
// a sequence is not rolled back with the transaction that used it.
func DeadlocksOn(t testing.TB, dsn, table string, n int) (tries func() int) {
	t.Helper()
	raw, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { raw.Close() })
	trigger, counter := "test_deadlocks_"+table, "test_tries_"+table
	for _, q := range []string{
		`DROP TRIGGER IF EXISTS ` + trigger + ` ON ` + table,
		`DROP SEQUENCE IF EXISTS ` + counter,
		`CREATE SEQUENCE ` + counter,
		`CREATE OR REPLACE FUNCTION test_deadlocks() RETURNS trigger LANGUAGE plpgsql AS $$
		BEGIN
			IF nextval(TG_ARGV[0]) <= TG_ARGV[1]::int THEN
				RAISE EXCEPTION 'deadlock made by the test' USING ERRCODE = '40P01';
			END IF;
			RETURN NULL;
		END $$`,
		`CREATE TRIGGER ` + trigger + ` BEFORE INSERT OR UPDATE OR DELETE ON ` + table + `
		FOR EACH STATEMENT EXECUTE FUNCTION test_deadlocks('` + counter + `', '` + strconv.Itoa(n) + `')`,
	} {
		if _, err := raw.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	return func() int {
		t.Helper()
		var called bool
		var last int
		if err := raw.QueryRow(`SELECT is_called, last_value FROM `+counter).Scan(&called, &last); err != nil {
			t.Fatal(err)
		}
		if !called {
			return 0
		}
		return last
	}
}
