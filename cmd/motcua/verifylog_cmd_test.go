package main

import (
	"bytes"
	"context"
	"database/sql"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/motcua/motcua/calendar"
	"github.com/motcua/motcua/catalog"
	"github.com/motcua/motcua/dossier"
	"github.com/motcua/motcua/org"
	"github.com/motcua/motcua/sqlstore"
)

func TestVerifyLogNamesTheBrokenLink(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "m.db")
	db, err := sqlstore.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, time.March, 2, 9, 0, 0, 0, calendar.Vietnam)
	p := &catalog.Procedure{Code: "P1", Versions: []catalog.Version{{Number: 1, Status: catalog.Published,
		PublishedAt: &at, Name: "Thủ tục thử", Channels: []catalog.ChannelTerms{
			{Channel: catalog.ChannelCounter, Time: calendar.Days(5)}}}}}
	d, err := dossier.NewDraft(dossier.DraftInput{Procedure: p, Channel: catalog.ChannelCounter, ApplicantType: catalog.Citizen,
		Applicant: dossier.Applicant{Name: "An", IDNumber: "001090012345", Phone: "0912345678"}}, at)
	if err != nil {
		t.Fatal(err)
	}
	id, _, err := db.CreateDossierDraft(ctx, d, 1)
	if err != nil {
		t.Fatal(err)
	}
	officer := dossier.Actor{AccountID: 1, Name: "Lan", Role: org.RoleOfficer, UnitCode: "MC"}
	for i, c := range []dossier.Command{{Action: dossier.Receive, Code: "000.01.12.H26-260302-0001"}, {Action: dossier.Forward, ToUnit: "QLTM"}} {
		c.Actor = officer
		if _, _, err := db.ApplyDossier(ctx, id, func(d *dossier.Dossier, _ *sqlstore.DossierTx) (dossier.Event, error) {
			return d.Apply(c, at.Add(time.Duration(i)*time.Hour), calendar.Default())
		}); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()

	var out bytes.Buffer
	if err := runVerifyLog([]string{"--db", path}, &out); err != nil {
		t.Fatalf("intact history: %v\n%s", err, out.String())
	}
	raw, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec(`UPDATE dossier_events SET body = REPLACE(body, 'QLTM', 'QLCN') WHERE seq = 2`); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	out.Reset()
	err = runVerifyLog([]string{"--db", path}, &out)
	if err == nil || !strings.Contains(out.String(), "000.01.12.H26-260302-0001") || !strings.Contains(out.String(), "event 2") {
		t.Fatalf("tampered history: %v\n%s", err, out.String())
	}
}
