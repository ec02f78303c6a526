package report

import (
	"testing"
	"time"

	"github.com/motcua/motcua/calendar"
	"github.com/motcua/motcua/catalog"
	"github.com/motcua/motcua/dossier"
	"github.com/motcua/motcua/org"
)

// The histories run on the real calendar with Hà Nội office hours (08:00–12:00,
// 13:00–17:00, Monday to Friday). March and early April 2026 hold no holiday, so a working
// day is 8 h and the arithmetic in the comments can be checked by hand. 2 March 2026 is a
// Monday.
var clk = calendar.Default()

const deskID = "000.00.12.H26"

// at is a Vietnam wall-clock instant.
func at(m time.Month, d, hh, mm int) time.Time {
	return time.Date(2026, m, d, hh, mm, 0, 0, calendar.Vietnam)
}

// marketLicence is a sample procedure: 5 working days (40 h) on every channel, a fee of
// 100,000 đ online only, partly online, with a five-step internal process.
func marketLicence() *catalog.Procedure {
	published := at(time.January, 5, 8, 0)
	return &catalog.Procedure{
		Code: "1.000001.000.00.00.H26",
		Versions: []catalog.Version{{
			Number: 1, Status: catalog.Published, PublishedAt: &published,
			Name:        "Cấp Giấy phép kinh doanh mẫu",
			Field:       catalog.Field{Code: "TM", Name: "Thương mại"},
			Level:       catalog.LevelProvince,
			Agency:      "Sở Công Thương",
			OnlineLevel: catalog.OnlinePartial,
			Steps:       []string{"Nộp hồ sơ", "Thẩm định", "Trả kết quả"},
			Channels: []catalog.ChannelTerms{
				{Channel: catalog.ChannelCounter, Time: calendar.Days(5)},
				{Channel: catalog.ChannelOnline, Time: calendar.Days(5), Fees: []catalog.Fee{
					{Name: "Phí thẩm định", Amount: 100000, EffectiveFrom: calendar.D(2020, 1, 1)}}},
			},
			Documents:      []catalog.Document{{Name: "Đơn đề nghị", Originals: 1}},
			ApplicantTypes: []catalog.ApplicantType{catalog.Citizen},
			Result:         catalog.Result{Name: "Giấy phép kinh doanh mẫu"},
			LegalBasis:     []string{"Nghị định mẫu"},
			Decision:       "1/QĐ-UBND",
			InternalSteps: []catalog.InternalStep{
				{Name: "Tiếp nhận hồ sơ", UnitCode: "MC", Role: string(org.RoleOfficer), NormHours: 4},
				{Name: "Thẩm định hồ sơ", UnitCode: "QLTM", Role: string(org.RoleSpecialist), NormHours: 16},
				{Name: "Phê duyệt", UnitCode: "BGD", Role: string(org.RoleLeader), NormHours: 8},
				{Name: "Ban hành kết quả", UnitCode: "VP", Role: string(org.RoleClerk), NormHours: 4},
				{Name: "Trả kết quả", UnitCode: "MC", Role: string(org.RoleOfficer), NormHours: 4},
			},
		}},
	}
}

var (
	owner      = dossier.Actor{AccountID: 100, Name: "Nguyễn Văn An", Role: org.RoleCitizen}
	officer    = dossier.Actor{AccountID: 1, Name: "Trần Thị Bình", Role: org.RoleOfficer, UnitCode: "MC"}
	specialist = dossier.Actor{AccountID: 2, Name: "Lê Văn Cường", Role: org.RoleSpecialist, UnitCode: "QLTM"}
	head       = dossier.Actor{AccountID: 3, Name: "Phạm Thị Dung", Role: org.RoleHead, UnitCode: "QLTM"}
	leader     = dossier.Actor{AccountID: 4, Name: "Hoàng Văn Em", Role: org.RoleLeader, UnitCode: "BGD"}
	clerk      = dossier.Actor{AccountID: 5, Name: "Vũ Thị Giang", Role: org.RoleClerk, UnitCode: "VP"}
)

// story is one dossier's history, built by applying real commands.
type story struct {
	t testing.TB
	d *dossier.Dossier
}

var codeSeq int

// filed starts a dossier: online filings are submitted at now, counter filings wait for
// receive to file them. now is also the draft's creation time.
func filed(t testing.TB, ch catalog.Channel, now time.Time) *story {
	t.Helper()
	d, err := dossier.NewDraft(dossier.DraftInput{Procedure: marketLicence(), Channel: ch,
		ApplicantType: catalog.Citizen, OwnerAccountID: owner.AccountID, Summary: "Xin cấp giấy phép",
		Applicant: dossier.Applicant{Name: "Nguyễn Văn An", IDNumber: "001090012345",
			Phone: "+84 912 345 678", Address: "12 Hàng Bạc, Hoàn Kiếm, Hà Nội"}}, now)
	if err != nil {
		t.Fatalf("NewDraft: %v", err)
	}
	s := &story{t: t, d: d}
	if ch == catalog.ChannelOnline {
		s.do(now, dossier.Submit, owner, func(c *dossier.Command) { c.Code = s.nextCode(now) })
	}
	return s
}

// received files and receives a dossier at now.
func received(t testing.TB, ch catalog.Channel, now time.Time) *story {
	s := filed(t, ch, now)
	s.do(now, dossier.Receive, officer, func(c *dossier.Command) {
		if s.d.Code == "" {
			c.Code = s.nextCode(now)
		}
	})
	return s
}

func (s *story) nextCode(now time.Time) string {
	codeSeq++
	return dossier.FormatCode(deskID, calendar.DateOf(now), codeSeq)
}

func (s *story) do(now time.Time, a dossier.Action, by dossier.Actor, edit ...func(*dossier.Command)) {
	s.t.Helper()
	c := dossier.Command{Action: a, Actor: by}
	for _, e := range edit {
		e(&c)
	}
	if _, err := s.d.Apply(c, now, clk); err != nil {
		s.t.Fatalf("%s at %s: %v", a, now.Format(time.DateTime), err)
	}
}

// toSpecialist hands the received dossier from the desk to the appraisal step.
func (s *story) toSpecialist(now time.Time) { s.do(now, dossier.Forward, officer) }

// pay asks for the fee and records its payment half an hour later by method.
func (s *story) pay(now time.Time, method string) {
	s.do(now, dossier.RequestPayment, specialist)
	s.do(now.Add(30*time.Minute), dossier.Pay, owner, func(c *dossier.Command) { c.Method = method })
}

// finish takes the appraised dossier through approval within minutes of now and issues
// the result at issue.
func (s *story) finish(now, issue time.Time) {
	s.do(now, dossier.Forward, specialist)
	s.do(now.Add(time.Minute), dossier.Approve, leader)
	s.do(now.Add(2*time.Minute), dossier.Forward, leader)
	s.do(issue, dossier.IssueResult, clerk, func(c *dossier.Command) { c.ResultNumber = "1/GP-SCT" })
}

func (s *story) handBack(now time.Time) { s.do(now, dossier.ReturnResult, officer) }

func (s *story) rate(now time.Time, score int) {
	s.do(now, dossier.Rate, owner, func(c *dossier.Command) { c.Rating = &dossier.Rating{Score: score} })
}

// fact is the dossier's fact at now, described by its catalog version.
func (s *story) fact(now time.Time) Fact {
	f := FactOf(s.d, clk, now)
	f.Describe(marketLicence().Version(s.d.VersionNumber))
	return f
}

func hours(h float64) time.Duration { return time.Duration(h * float64(time.Hour)) }
