package demo

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/motcua/motcua/calendar"
	"github.com/motcua/motcua/catalog"
	"github.com/motcua/motcua/dossier"
	"github.com/motcua/motcua/org"
	"github.com/motcua/motcua/textfold"
)

// Wording the simulated staff and applicants write, as they would in real use.
var (
	refusals = []string{
		"Hồ sơ không thuộc thẩm quyền giải quyết của Sở Công Thương",
		"Thủ tục đề nghị không đúng với nội dung hồ sơ; đề nghị nộp theo thủ tục phù hợp",
		"Hồ sơ nộp trùng với hồ sơ đang được giải quyết",
	}
	stopReasons = []string{
		"Cơ sở không đáp ứng điều kiện về địa điểm theo quy định",
		"Người nộp không bổ sung hồ sơ trong thời hạn yêu cầu",
		"Kết quả kiểm tra thực tế không đạt yêu cầu",
	}
	withdrawReasons = []string{
		"Doanh nghiệp thay đổi kế hoạch kinh doanh",
		"Nộp nhầm thủ tục, sẽ nộp lại hồ sơ khác",
		"",
	}
	correctionReasons = []string{
		"Sai chính tả tên chủ cơ sở so với hồ sơ đề nghị",
		"Ghi sai địa chỉ trụ sở chính",
		"Ghi thiếu địa điểm kinh doanh đã được thẩm định",
	}
	apologyReasons = []string{
		"Hồ sơ cần kiểm tra thực tế tại cơ sở, lịch kiểm tra phải bố trí lại",
		"Cần lấy ý kiến của cơ quan liên quan, chưa nhận được văn bản trả lời",
		"Khối lượng hồ sơ tăng đột biến trong kỳ, chuyên viên thụ lý không kịp thẩm định",
	}
	ratingComments = []string{
		"Cán bộ hướng dẫn nhiệt tình, rõ ràng.",
		"Giải quyết nhanh hơn ngày hẹn.",
		"Thủ tục trực tuyến thuận tiện.",
		"Mong rút ngắn thời gian thẩm định.",
		"",
	}
)

// missingPapers names one or two of the version's required documents.
func missingPapers(r *rand.Rand, p *catalog.Procedure, d *dossier.Dossier) []string {
	v := p.Version(d.VersionNumber)
	if v == nil || len(v.Documents) == 0 {
		return []string{"Tài liệu chứng minh đáp ứng điều kiện theo quy định"}
	}
	first := r.IntN(len(v.Documents))
	out := []string{v.Documents[first].Name}
	if second := r.IntN(len(v.Documents)); second != first && r.IntN(3) == 0 {
		out = append(out, v.Documents[second].Name)
	}
	return out
}

// resultSymbol is the document type in a result number: GCN, GP or QĐ.
func resultSymbol(name string) string {
	f := textfold.Fold(name)
	switch {
	case strings.Contains(f, "giay chung nhan"):
		return "GCN"
	case strings.Contains(f, "giay phep"):
		return "GP"
	}
	return "QĐ"
}

// rating is mostly 4 or 5, lower when the dossier came back late.
func rating(r *rand.Rand, late bool) *dossier.Rating {
	score := 5
	switch x := r.IntN(100); {
	case late && x < 50, !late && x < 12:
		score = 3
	case late || x < 45:
		score = 4
	}
	crit := map[dossier.Criterion]int{}
	for _, c := range dossier.Criteria {
		crit[c] = min(5, max(3, score+r.IntN(3)-1))
	}
	return &dossier.Rating{Score: score, Criteria: crit, Comment: pick(r, ratingComments)}
}

// command builds the command for action a on c's dossier at now.
func (s *sim) command(c *simCase, a dossier.Action, now time.Time) dossier.Command {
	r, d := c.rng, c.d
	cmd := dossier.Command{Action: a}
	switch a {
	case dossier.Guide:
		cmd.Missing, cmd.ApplicantFault = missingPapers(r, c.proc, d), r.IntN(2) == 0
	case dossier.Refuse:
		cmd.Reason = pick(r, refusals)
	case dossier.Forward:
		cmd.ToUnit = s.nextUnit(d)
	case dossier.RequestSupplement:
		cmd.Missing, cmd.ApplicantFault = missingPapers(r, c.proc, d), r.IntN(3) > 0
	case dossier.SupplementAction:
		cmd.Note = "Đã bổ sung theo yêu cầu"
	case dossier.Pay:
		cmd.Amount, cmd.Method = d.Payment.Amount, "cash"
		cmd.Reference = fmt.Sprintf("BL%06d", r.IntN(1_000_000))
		if c.owner != nil {
			cmd.Method = pick(r, []string{"payment-platform", "payment-platform", "online", "transfer"})
			cmd.Reference = fmt.Sprintf("GD%010d", r.Int64N(10_000_000_000))
		}
	case dossier.Approve:
		cmd.Note = "Đồng ý"
	case dossier.IssueResult:
		s.resultSeq++
		cmd.ResultNumber = fmt.Sprintf("%d/%s-SCT", s.resultSeq, resultSymbol(d.ResultName))
	case dossier.CorrectResult:
		cmd.Reason, cmd.ResultNumber = pick(r, correctionReasons), d.Result.Number
	case dossier.Withdraw:
		cmd.Reason = pick(r, withdrawReasons)
	case dossier.Stop:
		s.noticeSeq++
		cmd.Reason, cmd.Notice = pick(r, stopReasons), fmt.Sprintf("%d/TB-SCT", s.noticeSeq)
		if d.Status == dossier.Waiting {
			cmd.Reason = stopReasons[1]
		}
	case dossier.Apologize:
		cmd.Reason = pick(r, apologyReasons)
		cmd.NewAppointment = s.clk.Due(d.AppointmentAt, calendar.Days(float64(2+r.IntN(4))))
	case dossier.Rate:
		cmd.Rating = rating(r, dossier.Outcome(d, s.clk, now).Timing == dossier.Late)
	}
	return cmd
}

// actor is who takes action a on c's dossier: the applicant's account for their own
// moves (the desk on behalf of a walk-in), the holder of the open step for the moves
// of the process.
func (s *sim) actor(c *simCase, a dossier.Action) org.Account {
	switch a {
	case dossier.Submit, dossier.Withdraw, dossier.Rate:
		return *c.owner
	case dossier.SupplementAction, dossier.Pay:
		if c.owner != nil {
			return *c.owner
		}
		return s.staff[org.RoleOfficer]
	case dossier.Receive, dossier.Guide, dossier.Refuse, dossier.ReturnResult:
		return s.staff[org.RoleOfficer]
	case dossier.RequestPayment, dossier.RequestSupplement:
		return s.staff[org.RoleSpecialist]
	case dossier.Stop, dossier.Apologize:
		return s.staff[org.RoleHead]
	case dossier.Approve:
		return s.staff[org.RoleLeader]
	case dossier.IssueResult, dossier.CorrectResult:
		return s.staff[org.RoleClerk]
	}
	// Forward: whoever holds the open step.
	if n := len(c.d.Steps); n > 0 {
		if acc, ok := s.staff[c.d.Steps[n-1].Role]; ok {
			return acc
		}
	}
	return s.staff[org.RoleOfficer]
}

// nextUnit is the unit of the plan's next step: the one it names, or the unit of the
// demo account holding that role.
func (s *sim) nextUnit(d *dossier.Dossier) string {
	if i := len(d.Steps); i < len(d.Plan) {
		if u := d.Plan[i].UnitCode; u != "" {
			return u
		}
		if acc, ok := s.staff[org.Role(d.Plan[i].Role)]; ok {
			return acc.UnitCode
		}
	}
	return s.staff[org.RoleSpecialist].UnitCode
}
