package org

import "testing"

func TestPasswordHashRoundTrip(t *testing.T) {
	h, err := HashPassword("demo-password")
	if err != nil {
		t.Fatal(err)
	}
	if !CheckPassword(h, "demo-password") {
		t.Fatal("correct password refused")
	}
	if CheckPassword(h, "demo-passworD") {
		t.Fatal("wrong password accepted")
	}
	h2, _ := HashPassword("demo-password")
	if h == h2 {
		t.Fatal("two hashes of one password are equal: salt missing")
	}
	for _, bad := range []string{"", "$argon2id$", "$argon2id$v=19$m=0,t=0,p=0$$", h[:len(h)-4]} {
		if CheckPassword(bad, "demo-password") {
			t.Fatalf("malformed hash %q accepted", bad)
		}
	}
}

func TestPermissions(t *testing.T) {
	cases := []struct {
		role Role
		perm Permission
		want bool
	}{
		{RoleCitizen, PermDossierFile, true},
		{RoleCitizen, PermCatalogEdit, false},
		{RoleCatalogAdmin, PermCatalogEdit, true},
		{RoleAdmin, PermCatalogEdit, false},
		{RoleAdmin, PermCalendarEdit, true},
		{RoleAdmin, PermSystemView, true},
		{RoleLeader, PermSystemView, false},
		{RoleLeader, PermDossierApprove, true},
		{RoleSpecialist, PermDossierApprove, false},
		{Role("root"), PermSignedIn, false},
		{Role(""), PermPublic, true},
	}
	for _, c := range cases {
		if got := c.role.Can(c.perm); got != c.want {
			t.Errorf("%s.Can(%s) = %v, want %v", c.role, c.perm, got, c.want)
		}
	}
}

func TestUnitValidate(t *testing.T) {
	good := Unit{Code: "MC", Identifier: "000.00.12.H26", Name: "Bộ phận Một cửa", Kind: UnitDesk}
	if err := good.Validate(); err != nil {
		t.Fatal(err)
	}
	bad := good
	bad.Identifier = "H26"
	if err := bad.Validate(); err == nil {
		t.Fatal("bad identifier accepted")
	}
}
