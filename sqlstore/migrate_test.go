package sqlstore

import "testing"

// A migration named for one engine is that engine's alone; the shared ones are both's.
func TestMigrationsForEachEngine(t *testing.T) {
	numbers := map[Engine]map[int]string{}
	for _, e := range []Engine{SQLite, Postgres} {
		migs, err := loadMigrations(e)
		if err != nil {
			t.Fatal(err)
		}
		numbers[e] = map[int]string{}
		for i, m := range migs {
			if i > 0 && m.version <= migs[i-1].version {
				t.Errorf("%s: migration %d after %d", e, m.version, migs[i-1].version)
			}
			numbers[e][m.version] = m.name
		}
	}
	if numbers[Postgres][11] != "lean_dossier_rows" {
		t.Errorf("PostgreSQL's migration 11 is %q", numbers[Postgres][11])
	}
	if name, ok := numbers[SQLite][11]; ok {
		t.Errorf("SQLite applies PostgreSQL's migration 11 (%q)", name)
	}
	if numbers[SQLite][10] != "partial_dossier_indexes" || numbers[Postgres][10] != "partial_dossier_indexes" {
		t.Errorf("the shared migration 10 is not both engines': %q, %q", numbers[SQLite][10], numbers[Postgres][10])
	}
}
