package web

import (
	"encoding/json"
	"strconv"
	"strings"
	"time"

	"github.com/motcua/motcua/calendar"
	"github.com/motcua/motcua/catalog"
	"github.com/motcua/motcua/dossier"
	"github.com/motcua/motcua/org"
)

// officeEvent is one entry of the timeline as the officer reads it.
type officeEvent struct {
	dossier.Event
	UnitName string
	Details  []officeEventDetail
	// Broken marks the first event whose link in the hash chain does not hold.
	Broken bool
}

type officeEventDetail struct{ Label, Value string }

// officeDetailLabels name the specifics an event records, in the order the timeline shows
// them. Keys not listed (the step's own deadline, the old code) stay in the raw history.
var officeDetailLabels = []struct{ key, vi, en string }{
	{"code", "Mã hồ sơ", "Code"},
	{"reason", "Lý do", "Reason"},
	{"missing", "Giấy tờ cần bổ sung", "Missing papers"},
	{"unit", "Chuyển đến", "Sent to"},
	{"assignee", "Người xử lý", "Assignee"},
	{"appointment", "Ngày hẹn trả", "Appointment"},
	{"previous_appointment", "Ngày hẹn trước đó", "Previous appointment"},
	{"reply_by", "Hạn bổ sung", "Reply by"},
	{"paused", "Thời gian tạm dừng", "Time paused"},
	{"amount", "Số tiền", "Amount"},
	{"method", "Hình thức", "Method"},
	{"reference", "Số biên lai / giao dịch", "Receipt / transaction"},
	{"result_number", "Số kết quả", "Result number"},
	{"result_date", "Ngày ban hành", "Issued on"},
	{"result_valid_until", "Hiệu lực đến", "Valid until"},
	{"return_channel", "Hình thức trả", "Returned"},
	{"notice", "Số thông báo", "Notice number"},
	{"applicant_fault", "Do người nộp", "Applicant's fault"},
	{"score", "Điểm đánh giá", "Rating"},
	{"comment", "Nhận xét", "Comment"},
}

func officeEvents(l lang, events []dossier.Event, units map[string]org.Unit, firstBad int) []officeEvent {
	out := make([]officeEvent, len(events))
	for i, e := range events {
		v := officeEvent{Event: e, UnitName: officeUnitLabel(units, e.UnitCode), Broken: e.Seq == firstBad && firstBad > 0}
		for _, d := range officeDetailLabels {
			raw, ok := e.Data[d.key]
			if !ok || raw == "" || d.key == "applicant_fault" && raw != "true" {
				continue
			}
			v.Details = append(v.Details, officeEventDetail{l.S(d.vi, d.en), officeDetailValue(l, d.key, raw, units)})
		}
		out[i] = v
	}
	return out
}

// officeDetailValue prints one recorded value: times in Vietnam, lists joined, codes named.
func officeDetailValue(l lang, key, raw string, units map[string]org.Unit) string {
	switch key {
	case "missing":
		var items []string
		if json.Unmarshal([]byte(raw), &items) == nil {
			return strings.Join(items, "; ")
		}
	case "unit":
		return officeUnitLabel(units, raw)
	case "applicant_fault":
		return l.S("có", "yes")
	case "amount":
		if n, err := strconv.ParseInt(raw, 10, 64); err == nil {
			return catalog.FormatVND(n)
		}
	case "return_channel":
		if n, err := strconv.Atoi(raw); err == nil {
			c := catalog.Channel(n)
			return l.S(c.Label(), c.LabelEn())
		}
	case "paused":
		if d, err := time.ParseDuration(raw); err == nil {
			return officeWorkingText(l, d)
		}
	}
	if t, err := time.Parse(time.RFC3339Nano, raw); err == nil {
		return t.In(calendar.Vietnam).Format("15:04 02/01/2006")
	}
	return raw
}

// officeWorkingText prints working time in hours and minutes.
func officeWorkingText(l lang, d time.Duration) string {
	d = d.Round(time.Minute)
	h, m := int(d/time.Hour), int(d%time.Hour/time.Minute)
	switch {
	case h == 0:
		return strconv.Itoa(m) + l.S(" phút", " min")
	case m == 0:
		return strconv.Itoa(h) + l.S(" giờ", " h")
	}
	return strconv.Itoa(h) + l.S(" giờ ", " h ") + strconv.Itoa(m) + l.S(" phút", " min")
}

// officeOutcome is the per-dossier evaluation of Circular 01/2018 with the units named.
type officeOutcome struct {
	dossier.Evaluation
	Units []officeUnitScore
}

type officeUnitScore struct {
	dossier.UnitEvaluation
	Name string
}

func officeOutcomeOf(e dossier.Evaluation, units map[string]org.Unit) *officeOutcome {
	v := &officeOutcome{Evaluation: e}
	for _, u := range e.Units {
		v.Units = append(v.Units, officeUnitScore{u, officeUnitLabel(units, u.UnitCode)})
	}
	return v
}
