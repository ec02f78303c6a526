package dossier

import (
	"errors"
	"testing"
	"time"

	"github.com/motcua/motcua"
	"github.com/motcua/motcua/calendar"
	"github.com/motcua/motcua/catalog"
	"github.com/motcua/motcua/org"
)

const deskID = "000.00.12.H26"

// tobaccoLicence is a sample retail tobacco licence procedure: 10 working days online,
// 300,000 đ until the end of 2026 and 600,000 đ after, a six-step internal process.
func tobaccoLicence() *catalog.Procedure {
	published := at(2026, time.January, 5, 8, 0)
	end2026 := calendar.D(2026, time.December, 31)
	return &catalog.Procedure{
		Code: "2.000181.000.00.00.H26",
		Versions: []catalog.Version{{
			Number: 1, Status: catalog.Published, PublishedAt: &published,
			Name: "Cấp Giấy phép bán lẻ sản phẩm thuốc lá",
			Channels: []catalog.ChannelTerms{
				{Channel: catalog.ChannelCounter, Time: calendar.Days(10)},
				{Channel: catalog.ChannelOnline, Time: calendar.Days(10), Fees: []catalog.Fee{
					{Name: "Phí thẩm định", Amount: 300000, EffectiveFrom: calendar.D(2020, 1, 1), EffectiveTo: &end2026},
					{Name: "Phí thẩm định", Amount: 600000, EffectiveFrom: calendar.D(2027, 1, 1)},
				}},
			},
			ApplicantTypes: []catalog.ApplicantType{catalog.Citizen, catalog.Business},
			Result:         catalog.Result{Name: "Giấy phép bán lẻ sản phẩm thuốc lá", Validity: "05 năm"},
			InternalSteps: []catalog.InternalStep{
				{Name: "Tiếp nhận hồ sơ", UnitCode: "MC", Role: string(org.RoleOfficer), NormHours: 4},
				{Name: "Thẩm định hồ sơ", UnitCode: "QLTM", Role: string(org.RoleSpecialist), NormHours: 40},
				{Name: "Xem xét, trình ký", UnitCode: "QLTM", Role: string(org.RoleHead), NormHours: 8},
				{Name: "Phê duyệt", UnitCode: "BGD", Role: string(org.RoleLeader), NormHours: 8},
				{Name: "Ban hành kết quả", UnitCode: "VP", Role: string(org.RoleClerk), NormHours: 4},
				{Name: "Trả kết quả", UnitCode: "MC", Role: string(org.RoleOfficer), NormHours: 4},
			},
			SupplementWithin: calendar.Days(3),
			ReplyWithin:      calendar.Days(15),
		}},
	}
}

var (
	owner      = Actor{AccountID: 100, Name: "Nguyễn Văn An", Role: org.RoleCitizen}
	stranger   = Actor{AccountID: 101, Name: "Đỗ Văn Khách", Role: org.RoleCitizen}
	officer    = Actor{AccountID: 1, Name: "Trần Thị Bình", Role: org.RoleOfficer, UnitCode: "MC"}
	specialist = Actor{AccountID: 2, Name: "Lê Văn Cường", Role: org.RoleSpecialist, UnitCode: "QLTM"}
	head       = Actor{AccountID: 3, Name: "Phạm Thị Dung", Role: org.RoleHead, UnitCode: "QLTM"}
	leader     = Actor{AccountID: 4, Name: "Hoàng Văn Em", Role: org.RoleLeader, UnitCode: "BGD"}
	clerk      = Actor{AccountID: 5, Name: "Vũ Thị Giang", Role: org.RoleClerk, UnitCode: "VP"}
)

func citizenApplicant() Applicant {
	return Applicant{Name: "Nguyễn Văn An", IDNumber: "001090012345", Phone: "+84 912 345 678",
		Email: "an.nguyen@example.vn", Address: "12 Hàng Bạc, Hoàn Kiếm, Hà Nội"}
}

func newDraft(t *testing.T, ch catalog.Channel, ownerID int64, now time.Time) *Dossier {
	t.Helper()
	d, err := NewDraft(DraftInput{Procedure: tobaccoLicence(), Channel: ch, ApplicantType: catalog.Citizen,
		Applicant: citizenApplicant(), Summary: "Xin cấp giấy phép bán lẻ thuốc lá", OwnerAccountID: ownerID}, now)
	if err != nil {
		t.Fatalf("NewDraft: %v", err)
	}
	return d
}

// step applies c and fails the test on error; events collects the history.
type history struct {
	t      *testing.T
	d      *Dossier
	events []Event
}

func (h *history) do(now time.Time, c Command) Event {
	h.t.Helper()
	ev, err := h.d.Apply(c, now, testClock{})
	if err != nil {
		h.t.Fatalf("%s by %s at %s: %v", c.Action, c.Actor.Role, now.Format(time.DateTime), err)
	}
	h.events = append(h.events, ev)
	if bad, err := VerifyHead(h.d, h.events); err != nil {
		h.t.Fatalf("chain broken at %d: %v", bad, err)
	}
	if err := h.d.CheckAppointment(testClock{}); err != nil {
		h.t.Fatalf("after %s: %v", c.Action, err)
	}
	return ev
}

// fails applies c and returns its error, failing the test if it succeeded or changed d.
func (h *history) fails(now time.Time, c Command) error {
	h.t.Helper()
	before := *h.d
	_, err := h.d.Apply(c, now, testClock{})
	if err == nil {
		h.t.Fatalf("%s by %s succeeded, want an error", c.Action, c.Actor.Role)
	}
	if h.d.LastSeq != before.LastSeq || h.d.Status != before.Status || h.d.UpdatedAt != before.UpdatedAt {
		h.t.Fatalf("%s failed but changed the dossier", c.Action)
	}
	return err
}

func cmd(a Action, by Actor) Command { return Command{Action: a, Actor: by} }

func wantKind(t *testing.T, err error, kind *motcua.Error) {
	t.Helper()
	if !errors.Is(err, kind) {
		t.Fatalf("error %v, want kind %s", err, kind.Kind)
	}
}

func wantField(t *testing.T, err error, field string) {
	t.Helper()
	var e *motcua.Error
	if !errors.As(err, &e) || e.Kind != motcua.KindInvalid || e.Field != field {
		t.Fatalf("error %v, want invalid field %q", err, field)
	}
}

func wantMove(t *testing.T, err error, allowed ...Action) *MoveError {
	t.Helper()
	var me *MoveError
	if !errors.As(err, &me) {
		t.Fatalf("error %v, want *MoveError", err)
	}
	if !errors.Is(err, motcua.ErrConflict) {
		t.Fatalf("MoveError does not match ErrConflict")
	}
	if allowed != nil && !equalActions(me.Allowed, allowed) {
		t.Fatalf("allowed %v, want %v", me.Allowed, allowed)
	}
	return me
}

func equalActions(a, b []Action) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

const sha = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
