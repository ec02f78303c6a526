package web

import (
	"time"

	"github.com/motcua/motcua/report"
	"github.com/motcua/motcua/sqlstore"
)

// dashFigure is one line of the figures: a label, the value as the reader's language
// writes it, the list of dossiers behind it when there is one, and how it was counted.
type dashFigure struct {
	Key    string // the JSON name of the figure, for tests and styling
	Label  string
	Value  string
	Href   string
	Detail string
	Sub    bool // a part of the line above
}

// dashFigureGroup is one box of figures.
type dashFigureGroup struct {
	Title string
	Rows  []dashFigure
}

// figureGroups lays out every figure of the summary, each count linked to its dossiers.
func figureGroups(l lang, s report.Summary, p dashParams, day time.Duration) []dashFigureGroup {
	count := func(key, vi, en string, n int, which string, sub bool) dashFigure {
		f := dashFigure{Key: key, Label: l.S(vi, en), Value: fmtInt(l, n), Sub: sub}
		if which != "" {
			f.Href = p.drill(which)
		}
		return f
	}
	rate := func(key, vi, en string, r report.Rate, howVI, howEN string) dashFigure {
		f := dashFigure{Key: key, Label: l.S(vi, en), Value: fmtRate(l, r), Detail: l.S(howVI, howEN)}
		if r.Defined {
			f.Detail = fmtRatio(l, r) + " — " + f.Detail
		}
		return f
	}
	avg := "—"
	if s.Resolved > 0 {
		avg = fmtDays(l, s.AvgUsed, day)
	}
	return []dashFigureGroup{
		{l.S("Tiếp nhận", "Intake"), []dashFigure{
			count("received", "Tiếp nhận trong kỳ", "Received in the period", s.Received, sqlstore.DrillReceived, false),
			count("received_online", "Trực tuyến", "Online", s.ReceivedOnline, "", true),
			count("received_counter", "Trực tiếp", "At the counter", s.ReceivedCounter, "", true),
			count("received_postal", "Qua bưu chính công ích", "By post", s.ReceivedPostal, "", true),
			count("carried_over", "Kỳ trước chuyển sang", "Carried over", s.CarriedOver, sqlstore.DrillCarriedOver, false),
			count("to_process", "Tổng số phải giải quyết", "Dossiers to process", s.ToProcess, "", false),
		}},
		{l.S("Đã giải quyết", "Resolved"), []dashFigure{
			count("resolved", "Đã giải quyết", "Resolved", s.Resolved, sqlstore.DrillResolved, false),
			count("resolved_early", "Trước hạn", "Early", s.ResolvedEarly, sqlstore.DrillResolvedEarly, true),
			count("resolved_on_time", "Đúng hạn", "On time", s.ResolvedOnTime, sqlstore.DrillResolvedOnTime, true),
			count("resolved_late", "Quá hạn", "Late", s.ResolvedLate, sqlstore.DrillResolvedLate, true),
		}},
		{l.S("Đang giải quyết (cuối kỳ)", "In progress (at the end)"), []dashFigure{
			count("in_progress", "Đang giải quyết", "In progress", s.InProgress, sqlstore.DrillInProgress, false),
			count("in_progress_on_time", "Trong hạn", "On time", s.InProgressOnTime, "", true),
			count("in_progress_late", "Quá hạn", "Late", s.InProgressLate, sqlstore.DrillLateOpen, true),
		}},
		{l.S("Rút, dừng, từ chối", "Withdrawn, stopped, refused"), []dashFigure{
			count("withdrawn", "Rút hồ sơ (sau tiếp nhận)", "Withdrawn after receipt", s.Withdrawn, sqlstore.DrillWithdrawn, false),
			count("stopped", "Dừng xử lý", "Stopped", s.Stopped, sqlstore.DrillStopped, false),
			count("refused", "Từ chối tiếp nhận", "Refused at receipt", s.Refused, sqlstore.DrillRefused, false),
			count("withdrawn_unreceived", "Rút trước khi tiếp nhận", "Withdrawn before receipt", s.WithdrawnUnreceived,
				sqlstore.DrillWithdrawnUnreceived, false),
		}},
		{l.S("Tỷ lệ", "Rates"), []dashFigure{
			rate("on_time_rate", "Tỷ lệ đúng hạn (công bố)", "On-time rate (published)", s.OnTimeRate,
				"100 % trừ tỷ lệ quá hạn trên tổng số phải giải quyết", "100 % minus the late share of the dossiers to process"),
			rate("resolved_on_time_rate", "Giải quyết trước và đúng hạn", "Resolved early or on time", s.ResolvedOnTimeRate,
				"trên số đã giải quyết", "of those resolved"),
			rate("early_rate", "Giải quyết trước hạn", "Resolved early", s.EarlyRate, "trên số đã giải quyết", "of those resolved"),
			rate("online_share", "Nộp trực tuyến", "Filed online", s.OnlineShare, "trên số tiếp nhận", "of those received"),
			rate("paid_online_share", "Thanh toán trực tuyến", "Paid online", s.PaidOnlineShare,
				"trên số hồ sơ có phí, lệ phí", "of the dossiers with fees"),
			rate("satisfaction", "Hài lòng", "Satisfied", s.Satisfaction, "đánh giá 4–5 điểm trên số lượt đánh giá",
				"ratings of 4–5 of all ratings"),
		}},
		{l.S("Thời gian và danh mục", "Time and catalog"), []dashFigure{
			{Key: "avg_used", Label: l.S("Thời gian giải quyết bình quân (ngày làm việc)", "Average working time (working days)"),
				Value: avg, Detail: l.S("quy định bình quân ", "statutory average ") + fmtDays(l, s.AvgStatutory, day) +
					l.S("; thời gian chờ bổ sung (không tính) ", "; waiting on the applicant (not counted) ") + fmtDays(l, s.AvgPaused, day)},
			{Key: "time_saved", Label: l.S("Tiết kiệm thời gian", "Time saved"), Value: fmtRate(l, s.TimeSaved),
				Detail: l.S("1 − thời gian dùng / thời gian quy định", "1 − time used / statutory time")},
			{Key: "avg_score", Label: l.S("Điểm đánh giá bình quân", "Average rating"), Value: scoreText(l, s),
				Detail: fmtInt(l, s.Rated) + l.S(" lượt đánh giá", " ratings")},
			{Key: "procedures", Label: l.S("TTHC đang công bố", "Procedures published"), Value: fmtInt(l, s.Catalog.Procedures),
				Detail: l.S("toàn trình ", "fully online ") + fmtInt(l, s.Catalog.OnlineFull) + l.S(", một phần ", ", partly online ") +
					fmtInt(l, s.Catalog.OnlinePartial)},
			{Key: "fields", Label: l.S("Lĩnh vực", "Fields"), Value: fmtInt(l, s.Catalog.Fields)},
		}},
	}
}

func scoreText(l lang, s report.Summary) string {
	if s.Rated == 0 {
		return "—"
	}
	return fmtDec(l, s.AvgScore) + " / 5"
}
