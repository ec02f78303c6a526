package catalog

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/motcua/motcua/calendar"
	"github.com/motcua/motcua/org"
	"github.com/motcua/motcua/textfold"
)

// DemoEnrich fills the empty parts of every draft and published version with plausible
// sample content — documents, steps, result, number of sets, supplement and reply limits
// and an internal process that fits the statutory time — so a demonstration catalog can
// take dossiers. Every part it fills is listed in Version.Sample, so pages can mark it as
// sample data and never as an official record. Parts already present are left alone.
func DemoEnrich(p *Procedure) {
	for i := range p.Versions {
		if v := &p.Versions[i]; v.Status != Superseded {
			enrich(v)
		}
	}
}

func enrich(v *Version) {
	if len(v.Documents) == 0 {
		v.Documents = sampleDocuments(v.Name)
		v.markSample(PartDocuments)
	}
	if len(v.Steps) == 0 {
		v.Steps = []string{
			"Tổ chức, cá nhân nộp hồ sơ trực tiếp, qua dịch vụ bưu chính công ích hoặc trực tuyến",
			"Bộ phận Một cửa kiểm tra, tiếp nhận hồ sơ và hẹn ngày trả kết quả",
			"Phòng chuyên môn thẩm định hồ sơ, trình Lãnh đạo Sở phê duyệt",
			"Trả kết quả cho tổ chức, cá nhân",
		}
		v.markSample(PartSteps)
	}
	if textfold.Fold(v.Result.Name) == "" {
		v.Result = Result{Name: resultOf(v.Name)}
		v.markSample(PartResult)
	}
	if v.Sets == 0 {
		v.Sets = 1
		v.markSample(PartSets)
	}
	// 3 and 15 working days are the common real values.
	if v.SupplementWithin == (calendar.Span{}) {
		v.SupplementWithin = calendar.Days(3)
		v.markSample(PartSupplementWithin)
	}
	if v.ReplyWithin == (calendar.Span{}) {
		v.ReplyWithin = calendar.Days(15)
		v.markSample(PartReplyWithin)
	}
	if len(v.InternalSteps) == 0 {
		if steps := sampleProcess(v.Channels); steps != nil {
			v.InternalSteps = steps
			v.markSample(PartInternalSteps)
		}
	}
}

func sampleDocuments(name string) []Document {
	f := " " + textfold.Fold(name) + " "
	switch {
	case strings.Contains(f, " cap lai "):
		return []Document{
			{Name: "Đơn đề nghị cấp lại (theo mẫu)", Originals: 1, Template: "Mẫu đơn đề nghị cấp lại"},
			{Name: "Bản sao giấy phép, giấy chứng nhận đã được cấp (nếu còn)", Copies: 1, Optional: true},
		}
	case strings.Contains(f, " dieu chinh ") || strings.Contains(f, " sua doi "):
		return []Document{
			{Name: "Đơn đề nghị sửa đổi, bổ sung, điều chỉnh (theo mẫu)", Originals: 1, Template: "Mẫu đơn đề nghị sửa đổi"},
			{Name: "Bản sao giấy phép, giấy chứng nhận đã được cấp", Copies: 1},
			{Name: "Tài liệu chứng minh nội dung thay đổi", Copies: 1},
		}
	}
	return []Document{
		{Name: "Đơn đề nghị (theo mẫu)", Originals: 1, Template: "Mẫu đơn đề nghị"},
		{Name: "Bản sao Giấy chứng nhận đăng ký doanh nghiệp hoặc giấy tờ tương đương", Copies: 1},
		{Name: "Tài liệu chứng minh đáp ứng điều kiện theo quy định", Copies: 1},
	}
}

// resultOf guesses the result from a name such as "Cấp lại Giấy phép X" → "Giấy phép X".
func resultOf(name string) string {
	for _, verb := range []string{"Cấp sửa đổi, bổ sung ", "Cấp điều chỉnh ", "Cấp lại ", "Cấp mới ", "Cấp "} {
		if rest, ok := strings.CutPrefix(name, verb); ok && rest != "" {
			r, n := utf8.DecodeRuneInString(rest)
			return string(unicode.ToUpper(r)) + rest[n:]
		}
	}
	return "Văn bản giải quyết thủ tục hành chính"
}

// sampleProcess spreads 80 % of the shortest channel's working hours over the usual
// one-stop process (the department aims to finish 20–30 % faster than the law allows).
// Hours are in quarters, and appraisal takes what the other steps leave.
func sampleProcess(channels []ChannelTerms) []InternalStep {
	limit := math.Inf(1)
	for _, c := range channels {
		limit = math.Min(limit, WorkingHours(c.Time))
	}
	target := quarter(limit * 0.8)
	if math.IsInf(limit, 1) || target < 2 {
		return nil
	}
	steps := []InternalStep{
		{Name: "Tiếp nhận hồ sơ", Role: string(org.RoleOfficer), NormHours: 0.05},
		{Name: "Thẩm định hồ sơ", Role: string(org.RoleSpecialist)},
		{Name: "Xem xét, trình ký", Role: string(org.RoleHead), NormHours: 0.15},
		{Name: "Phê duyệt", Role: string(org.RoleLeader), NormHours: 0.10},
		{Name: "Vào sổ, đóng dấu, trả kết quả", Role: string(org.RoleClerk), NormHours: 0.05},
	}
	rest := target
	for i := range steps {
		if steps[i].NormHours > 0 {
			steps[i].NormHours = math.Max(0.25, quarter(target*steps[i].NormHours))
			rest -= steps[i].NormHours
		}
	}
	steps[1].NormHours = rest
	return steps
}

func quarter(h float64) float64 { return math.Floor(h*4) / 4 }
