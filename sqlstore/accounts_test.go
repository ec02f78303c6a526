package sqlstore_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/motcua/motcua"
	"github.com/motcua/motcua/org"
	"github.com/motcua/motcua/sqlstore"
	"github.com/motcua/motcua/sqlstore/sqlstoretest"
)

var desk = org.Unit{Code: "MC", Identifier: "000.00.12.H26", Name: "Bộ phận Một cửa", Kind: org.UnitDesk}

func TestAccountsAndSessions(t *testing.T) {
	sqlstoretest.EachDB(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		if err := db.PutUnit(ctx, desk); err != nil {
			t.Fatal(err)
		}
		hash, _ := org.HashPassword("secret")
		id, err := db.CreateAccount(ctx, org.Account{Username: "TiepNhan", DisplayName: "Nguyễn Văn A",
			Role: org.RoleOfficer, UnitCode: "MC"}, hash)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.CreateAccount(ctx, org.Account{Username: "tiepnhan", Role: org.RoleOfficer, UnitCode: "MC"}, hash); !errors.Is(err, motcua.ErrConflict) {
			t.Fatalf("duplicate username: got %v, want conflict", err)
		}
		if _, err := db.CreateAccount(ctx, org.Account{Username: "x", Role: org.RoleSpecialist}, hash); !errors.Is(err, motcua.ErrInvalid) {
			t.Fatalf("staff without unit: got %v, want invalid", err)
		}
		a, gotHash, err := db.AccountByUsername(ctx, " TIEPNHAN ")
		if err != nil || a.ID != id || a.UnitCode != "MC" || !org.CheckPassword(gotHash, "secret") {
			t.Fatalf("lookup: %+v %v", a, err)
		}

		token, err := db.CreateSession(ctx, id, sqlstore.SessionBrowser, time.Hour)
		if err != nil {
			t.Fatal(err)
		}
		if got, err := db.SessionAccount(ctx, token, sqlstore.SessionBrowser); err != nil || got.ID != id {
			t.Fatalf("session: %+v %v", got, err)
		}
		if _, err := db.SessionAccount(ctx, token, sqlstore.SessionAPI); !errors.Is(err, motcua.ErrNotFound) {
			t.Fatalf("browser token used as API token: %v", err)
		}
		expired, _ := db.CreateSession(ctx, id, sqlstore.SessionAPI, -time.Second)
		if _, err := db.SessionAccount(ctx, expired, sqlstore.SessionAPI); !errors.Is(err, motcua.ErrNotFound) {
			t.Fatalf("expired token accepted: %v", err)
		}
		if err := db.DeleteSession(ctx, token); err != nil {
			t.Fatal(err)
		}
		if _, err := db.SessionAccount(ctx, token, sqlstore.SessionBrowser); err == nil {
			t.Fatal("deleted session still valid")
		}

		// Staff: accounts of a unit, enabled; applicants never.
		if _, err := db.CreateAccount(ctx, org.Account{Username: "congdan", DisplayName: "Lê Thị Bình",
			Role: org.RoleCitizen, IDNumber: "001090012345"}, hash); err != nil {
			t.Fatal(err)
		}
		gone, err := db.CreateAccount(ctx, org.Account{Username: "cu", DisplayName: "Cũ", Role: org.RoleOfficer, UnitCode: "MC"}, hash)
		if err != nil {
			t.Fatal(err)
		}
		if err := db.SetAccountDisabled(ctx, gone, true, org.Account{ID: id, Username: "tiepnhan"}); err != nil {
			t.Fatal(err)
		}
		staff, err := db.StaffAccounts(ctx)
		if err != nil || len(staff) != 1 || staff[0].ID != id {
			t.Fatalf("staff: %+v %v", staff, err)
		}
	})
}

func TestLoginDelay(t *testing.T) {
	sqlstoretest.EachDB(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		now := time.Now()
		for i := 0; i < 5; i++ {
			if d, _ := db.LoginDelay(ctx, "u:x", now); d != 0 {
				t.Fatalf("attempt %d delayed by %v", i, d)
			}
			db.RecordLogin(ctx, "u:x", false, now)
		}
		if d, _ := db.LoginDelay(ctx, "u:x", now); d <= 0 {
			t.Fatal("sixth attempt not delayed")
		}
		if d, _ := db.LoginDelay(ctx, "u:x", now.Add(2*time.Second)); d != 0 {
			t.Fatalf("delay did not pass: %v", d)
		}
		db.RecordLogin(ctx, "u:x", true, now)
		if d, _ := db.LoginDelay(ctx, "u:x", now); d != 0 {
			t.Fatal("success did not clear failures")
		}
	})
}
