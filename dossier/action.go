package dossier

// Action is a move on a dossier; the values are the last segment of the API path
// (POST /api/dossiers/{id}/request-supplement).
type Action string

const (
	Submit            Action = "submit"
	Receive           Action = "receive"
	Guide             Action = "guide"
	Refuse            Action = "refuse"
	Forward           Action = "forward"
	RequestSupplement Action = "request-supplement"
	SupplementAction  Action = "supplement"
	RequestPayment    Action = "request-payment"
	Pay               Action = "pay"
	Approve           Action = "approve"
	IssueResult       Action = "issue-result"
	ReturnResult      Action = "return-result"
	CorrectResult     Action = "correct-result"
	Withdraw          Action = "withdraw"
	Stop              Action = "stop"
	Apologize         Action = "apologize"
	Rate              Action = "rate"
)

var actionLabels = map[Action][2]string{
	Submit:            {"Nộp hồ sơ", "Submit"},
	Receive:           {"Tiếp nhận hồ sơ", "Receive"},
	Guide:             {"Hướng dẫn hoàn thiện hồ sơ", "Ask to complete"},
	Refuse:            {"Từ chối tiếp nhận", "Refuse"},
	Forward:           {"Chuyển xử lý", "Forward"},
	RequestSupplement: {"Yêu cầu bổ sung", "Request supplement"},
	SupplementAction:  {"Bổ sung hồ sơ", "Supplement"},
	RequestPayment:    {"Yêu cầu thực hiện nghĩa vụ tài chính", "Request payment"},
	Pay:               {"Thanh toán phí, lệ phí", "Pay"},
	Approve:           {"Phê duyệt", "Approve"},
	IssueResult:       {"Ban hành kết quả", "Issue result"},
	ReturnResult:      {"Trả kết quả", "Return result"},
	CorrectResult:     {"Đính chính kết quả", "Correct the result"},
	Withdraw:          {"Rút hồ sơ", "Withdraw"},
	Stop:              {"Dừng xử lý", "Stop processing"},
	Apologize:         {"Xin lỗi và hẹn lại ngày trả", "Apologise and reschedule"},
	Rate:              {"Đánh giá mức độ hài lòng", "Rate the service"},
}

// Label is the Vietnamese name of the action, as on buttons.
func (a Action) Label() string {
	if l, ok := actionLabels[a]; ok {
		return l[0]
	}
	return string(a)
}

// LabelEN is the English name of the action.
func (a Action) LabelEN() string {
	if l, ok := actionLabels[a]; ok {
		return l[1]
	}
	return string(a)
}

// Valid reports whether a is a known action.
func (a Action) Valid() bool { _, ok := actionLabels[a]; return ok }
