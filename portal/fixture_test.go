package portal

import (
	"testing"
	"time"

	"github.com/motcua/motcua/calendar"
	"github.com/motcua/motcua/catalog"
	"github.com/motcua/motcua/dossier"
	"github.com/motcua/motcua/org"
)

// flatClock counts every hour as working time and a working day as eight hours: enough
// for the dossier rules to run, with no calendar to reason about in these tests.
type flatClock struct{}

func (flatClock) Due(start time.Time, s calendar.Span) time.Time {
	hours := s.Value
	switch s.Unit {
	case calendar.WorkingDays:
		hours *= 8
	case calendar.CalendarDays:
		hours *= 24
	}
	return start.Add(time.Duration(hours * float64(time.Hour))).Truncate(time.Second)
}

func (flatClock) WorkingBetween(from, to time.Time) time.Duration {
	if !to.After(from) {
		return 0
	}
	return to.Sub(from)
}

func vn(y int, m time.Month, d, hh, mm int) time.Time {
	return time.Date(y, m, d, hh, mm, 0, 0, calendar.Vietnam)
}

const fileHash = "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae"

var (
	applicant  = dossier.Actor{AccountID: 100, Name: "Nguyễn Thị Hoa", Role: org.RoleCitizen}
	officer    = dossier.Actor{AccountID: 1, Name: "Trần Văn Nam", Role: org.RoleOfficer, UnitCode: "MC"}
	specialist = dossier.Actor{AccountID: 2, Name: "Lê Thị Mai", Role: org.RoleSpecialist, UnitCode: "QLTM"}
	head       = dossier.Actor{AccountID: 3, Name: "Phạm Văn Đức", Role: org.RoleHead, UnitCode: "QLTM"}
	leader     = dossier.Actor{AccountID: 4, Name: "Hoàng Thị Lan", Role: org.RoleLeader, UnitCode: "BGD"}
	clerk      = dossier.Actor{AccountID: 5, Name: "Vũ Văn Tùng", Role: org.RoleClerk, UnitCode: "VP"}
)

// alcoholLicence is a sample procedure: a retail alcohol licence, 10 working days online,
// 1,200,000 đ, a six-step internal process.
func alcoholLicence() *catalog.Procedure {
	published := vn(2026, time.January, 5, 8, 0)
	return &catalog.Procedure{
		Code: "2.000633.000.00.00.H26",
		Versions: []catalog.Version{{
			Number: 1, Status: catalog.Published, PublishedAt: &published,
			Name:  "Cấp Giấy phép bán lẻ sản phẩm rượu",
			Field: catalog.Field{Code: "LUUTHONG", Name: "Lưu thông hàng hóa trong nước"},
			Channels: []catalog.ChannelTerms{
				{Channel: catalog.ChannelCounter, Time: calendar.Days(10)},
				{Channel: catalog.ChannelOnline, Time: calendar.Days(10), Fees: []catalog.Fee{
					{Name: "Phí thẩm định", Amount: 1200000, EffectiveFrom: calendar.D(2020, 1, 1)}}},
				{Channel: catalog.ChannelPostal, Time: calendar.Days(10)},
			},
			ApplicantTypes: []catalog.ApplicantType{catalog.Citizen, catalog.Business},
			Result:         catalog.Result{Name: "Giấy phép bán lẻ sản phẩm rượu", Validity: "05 năm"},
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

func context1() DossierContext {
	return DossierContext{
		Field:      catalog.Field{Code: "LUUTHONG", Name: "Lưu thông hàng hóa trong nước"},
		AgencyName: "Sở Công Thương",
		UnitNames:  map[string]string{"MC": "Bộ phận Một cửa", "QLTM": "Phòng Quản lý thương mại"},
		People:     map[int64]string{specialist.AccountID: specialist.Name},
		Documents: []SubmittedFile{{TepDinhKemId: fileHash, TenTepDinhKem: "Đơn đề nghị cấp giấy phép.pdf",
			DuongDanTaiTepTin: "https://motcua.example.vn/files/" + fileHash, DuocSoHoa: Yes, IsDeleted: No}},
		IdentityVerified: true,
		PaidOnline:       true,
	}
}

// story records a dossier's life for the tests: every event, and the dossier as it stood
// right after each one.
type story struct {
	t      *testing.T
	d      *dossier.Dossier
	events []dossier.Event
	after  []dossier.Dossier
}

func (s *story) do(at time.Time, c dossier.Command) dossier.Event {
	s.t.Helper()
	ev, err := s.d.Apply(c, at, flatClock{})
	if err != nil {
		s.t.Fatalf("%s by %s: %v", c.Action, c.Actor.Role, err)
	}
	s.events = append(s.events, ev)
	s.after = append(s.after, *s.d)
	return ev
}

func act(a dossier.Action, by dossier.Actor) dossier.Command {
	return dossier.Command{Action: a, Actor: by}
}

// filedOnline drafts and submits a dossier online on Monday 23/11/2026 and receives it
// at 10:00.
func filedOnline(t *testing.T) *story {
	t.Helper()
	d, err := dossier.NewDraft(dossier.DraftInput{Procedure: alcoholLicence(), Channel: catalog.ChannelOnline,
		ApplicantType: catalog.Citizen, OwnerAccountID: applicant.AccountID,
		Applicant: dossier.Applicant{Name: "Nguyễn Thị Hoa", IDNumber: "001190012345", Phone: "0912345678",
			Email: "hoa.nguyen@example.vn", Address: "5 Lê Lợi, Hà Nội"},
		Summary: "Xin cấp giấy phép bán lẻ rượu"}, vn(2026, 11, 23, 8, 30))
	if err != nil {
		t.Fatalf("NewDraft: %v", err)
	}
	s := &story{t: t, d: d}
	submit := act(dossier.Submit, applicant)
	submit.Code = dossier.FormatCode("000.00.12.H26", calendar.D(2026, 11, 23), 7)
	s.do(vn(2026, 11, 23, 9, 0), submit)
	s.do(vn(2026, 11, 23, 10, 0), act(dossier.Receive, officer))
	return s
}

// returned takes a filed dossier through a supplement, payment and approval to the
// returned result.
func returned(t *testing.T) *story {
	s := filedOnline(t)
	s.do(vn(2026, 11, 23, 14, 0), act(dossier.Forward, officer))
	ask := act(dossier.RequestSupplement, specialist)
	ask.Missing = []string{"Bản sao hợp đồng thuê địa điểm"}
	s.do(vn(2026, 11, 24, 9, 0), ask)
	answer := act(dossier.SupplementAction, applicant)
	answer.Attachments = []string{fileHash}
	s.do(vn(2026, 11, 25, 9, 0), answer)
	s.do(vn(2026, 11, 25, 10, 0), act(dossier.RequestPayment, specialist))
	pay := act(dossier.Pay, applicant)
	pay.Method, pay.Reference = "trực tuyến", "PAY-0001"
	s.do(vn(2026, 11, 25, 11, 0), pay)
	s.do(vn(2026, 11, 26, 9, 0), act(dossier.Forward, specialist))
	s.do(vn(2026, 11, 26, 14, 0), act(dossier.Forward, head))
	s.do(vn(2026, 11, 27, 9, 0), act(dossier.Approve, leader))
	s.do(vn(2026, 11, 27, 10, 0), act(dossier.Forward, leader))
	issue := act(dossier.IssueResult, clerk)
	issue.ResultNumber = "45/GP-SCT"
	s.do(vn(2026, 11, 27, 14, 0), issue)
	s.do(vn(2026, 11, 28, 8, 30), act(dossier.ReturnResult, officer))
	return s
}
