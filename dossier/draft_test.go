package dossier

import (
	"testing"
	"time"

	"github.com/motcua/motcua/calendar"
	"github.com/motcua/motcua/catalog"
)

func TestNewDraftPinsTheVersion(t *testing.T) {
	d := newDraft(t, catalog.ChannelOnline, owner.AccountID, at(2026, 11, 23, 8, 0))
	if d.Status != Draft || d.VersionNumber != 1 || d.StatutoryTime != calendar.Days(10) || len(d.Plan) != 6 ||
		d.Applicant.Phone != "0912345678" || d.ReplyWithin != calendar.Days(15) {
		t.Fatalf("draft %+v", d)
	}
	p := tobaccoLicence()
	p.Versions[0].InternalSteps[1].NormHours = 1
	if d.Plan[1].NormHours != 40 {
		t.Fatalf("the plan is shared with the catalog")
	}
}

func TestNewDraftRefusesBadInput(t *testing.T) {
	now := at(2026, 11, 23, 8, 0)
	in := DraftInput{Procedure: tobaccoLicence(), Channel: catalog.ChannelPostal, ApplicantType: catalog.StateAgency,
		Applicant: Applicant{Name: "Sở X", Phone: "0912345678"}}
	_, err := NewDraft(in, now)
	wantField(t, err, "channel") // the first of the joined errors
	if err == nil || len(err.(interface{ Unwrap() []error }).Unwrap()) < 3 {
		t.Fatalf("want channel, applicant type and organisation errors together: %v", err)
	}

	abolished := tobaccoLicence()
	from := calendar.D(2026, 7, 1)
	abolished.AbolishedFrom = &from
	_, err = NewDraft(DraftInput{Procedure: abolished, Channel: catalog.ChannelOnline, ApplicantType: catalog.Citizen,
		Applicant: citizenApplicant()}, now)
	wantField(t, err, "procedure")

	future := tobaccoLicence()
	future.Versions[0].PublishedAt = new(time.Time)
	*future.Versions[0].PublishedAt = now.Add(time.Hour)
	_, err = NewDraft(DraftInput{Procedure: future, Channel: catalog.ChannelOnline, ApplicantType: catalog.Citizen,
		Applicant: citizenApplicant()}, now)
	wantField(t, err, "procedure")
}

// A version published part way into a second is in force for a filing later in that same
// second, though the dossier keeps whole seconds.
func TestNewDraftTakesAVersionPublishedThisSecond(t *testing.T) {
	p := tobaccoLicence()
	published := at(2026, 11, 23, 8, 0).Add(700 * time.Millisecond)
	p.Versions[0].PublishedAt = &published
	d, err := NewDraft(DraftInput{Procedure: p, Channel: catalog.ChannelOnline, ApplicantType: catalog.Citizen,
		Applicant: citizenApplicant(), OwnerAccountID: owner.AccountID}, published.Add(200*time.Millisecond))
	if err != nil {
		t.Fatalf("filed 0.2 s after publication: %v", err)
	}
	if d.VersionNumber != 1 || !d.CreatedAt.Equal(at(2026, 11, 23, 8, 0)) {
		t.Fatalf("version %d, created %v", d.VersionNumber, d.CreatedAt)
	}
}
