package web

import (
	"strconv"
	"time"

	"github.com/motcua/motcua/dossier"
	"github.com/motcua/motcua/org"
)

// officeFormLink is a printed form that applies to the dossier.
type officeFormLink struct {
	Number, VI, EN, URL string
}

func officeFormLinks(d *dossier.Dossier) []officeFormLink {
	var out []officeFormLink
	add := func(ok bool, n, vi, en string) {
		if ok {
			out = append(out, officeFormLink{n, vi, en, "/api/v1/dossiers/" + strconv.FormatInt(d.ID, 10) + "/forms/" + n})
		}
	}
	received := !d.ReceivedAt.IsZero()
	add(received, "01", "Giấy tiếp nhận hồ sơ và hẹn trả kết quả", "Receipt and appointment slip")
	add(len(d.Supplements) > 0 || d.Guidance != nil, "02", "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ", "Request to complete the dossier")
	add(d.Closure != nil && d.Closure.Action == dossier.Refuse, "03", "Phiếu từ chối tiếp nhận", "Refusal of receipt")
	add(d.Apology != nil, "04", "Phiếu xin lỗi và hẹn lại ngày trả kết quả", "Apology and new appointment")
	add(d.Closure != nil && d.Closure.Action == dossier.Stop, "05", "Thông báo dừng xử lý", "Notice of stopping")
	add(received, "06", "Phiếu kiểm soát quá trình giải quyết", "Control sheet")
	return out
}

// officeStep is a row of the control sheet.
type officeStep struct {
	dossier.Step
	No       int
	UnitName string
	Late     bool
}

func officeSteps(d *dossier.Dossier, units map[string]org.Unit, now time.Time) []officeStep {
	out := make([]officeStep, len(d.Steps))
	for i, st := range d.Steps {
		out[i] = officeStep{Step: st, No: i + 1, UnitName: officeUnitLabel(units, st.UnitCode), Late: st.Overdue(now)}
	}
	return out
}

func officeUnitLabel(units map[string]org.Unit, code string) string {
	if u, ok := units[code]; ok {
		return u.Name
	}
	return code
}
