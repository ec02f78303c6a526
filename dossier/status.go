package dossier

import (
	"encoding/json"
	"fmt"

	"github.com/motcua/motcua"
)

// Status is the national portal's status code (TrangThaiHoSo); Draft is local only and
// never leaves the system.
type Status int

const (
	Draft      Status = 0
	Receiving  Status = 1  // Mới đăng ký
	New        Status = 2  // Được tiếp nhận
	Denied     Status = 3  // Không được tiếp nhận
	Processing Status = 4  // Đang xử lý
	Waiting    Status = 5  // Yêu cầu bổ sung giấy tờ
	Paying     Status = 6  // Yêu cầu thực hiện nghĩa vụ tài chính
	Cancelled  Status = 7  // Công dân yêu cầu rút hồ sơ
	Unresolved Status = 8  // Dừng xử lý
	Releasing  Status = 9  // Đã xử lý xong
	Done       Status = 10 // Đã trả kết quả
)

// Statuses lists every status in code order.
var Statuses = []Status{Draft, Receiving, New, Denied, Processing, Waiting, Paying,
	Cancelled, Unresolved, Releasing, Done}

var statusText = map[Status]struct{ key, vi, en string }{
	Draft:      {"draft", "Bản nháp", "Draft"},
	Receiving:  {"receiving", "Mới đăng ký", "Submitted, awaiting receipt"},
	New:        {"new", "Được tiếp nhận", "Received"},
	Denied:     {"denied", "Không được tiếp nhận", "Refused at receipt"},
	Processing: {"processing", "Đang xử lý", "Processing"},
	Waiting:    {"waiting", "Yêu cầu bổ sung giấy tờ", "Awaiting supplement"},
	Paying:     {"paying", "Yêu cầu thực hiện nghĩa vụ tài chính", "Awaiting payment"},
	Cancelled:  {"cancelled", "Công dân yêu cầu rút hồ sơ", "Withdrawn by the applicant"},
	Unresolved: {"unresolved", "Dừng xử lý", "Processing stopped"},
	Releasing:  {"releasing", "Đã xử lý xong", "Processed, result ready"},
	Done:       {"done", "Đã trả kết quả", "Result returned"},
}

// Valid reports whether s is a known status.
func (s Status) Valid() bool { _, ok := statusText[s]; return ok }

// Key is the stable English key, e.g. "processing".
func (s Status) Key() string {
	if t, ok := statusText[s]; ok {
		return t.key
	}
	return fmt.Sprintf("unknown_%d", int(s))
}

// Label is the Vietnamese name shown to users.
func (s Status) Label() string {
	if t, ok := statusText[s]; ok {
		return t.vi
	}
	return fmt.Sprintf("Trạng thái %d", int(s))
}

// LabelEN is the English name shown with the English switch.
func (s Status) LabelEN() string {
	if t, ok := statusText[s]; ok {
		return t.en
	}
	return fmt.Sprintf("Status %d", int(s))
}

func (s Status) String() string { return s.Key() }

// Terminal reports whether no further move can change the status (rating aside).
func (s Status) Terminal() bool {
	return s == Denied || s == Cancelled || s == Unresolved || s == Done
}

// StatusJSON is how a status travels in the API: the code for machines, the key for people
// reading payloads.
type StatusJSON struct {
	Code int    `json:"code"`
	Key  string `json:"key"`
}

func (s Status) MarshalJSON() ([]byte, error) {
	return json.Marshal(StatusJSON{Code: int(s), Key: s.Key()})
}

// UnmarshalJSON accepts the object form, a bare code or a bare key, so hand-written API
// calls can say 4 or "processing".
func (s *Status) UnmarshalJSON(b []byte) error {
	var code int
	switch {
	case len(b) > 0 && b[0] == '{':
		var obj StatusJSON
		if err := json.Unmarshal(b, &obj); err != nil {
			return motcua.Invalid("status", "trạng thái không hợp lệ", "invalid status")
		}
		if obj.Key != "" {
			return s.setKey(obj.Key)
		}
		code = obj.Code
	case len(b) > 0 && b[0] == '"':
		var key string
		if err := json.Unmarshal(b, &key); err != nil {
			return motcua.Invalid("status", "trạng thái không hợp lệ", "invalid status")
		}
		return s.setKey(key)
	default:
		if err := json.Unmarshal(b, &code); err != nil {
			return motcua.Invalid("status", "trạng thái không hợp lệ", "invalid status")
		}
	}
	if !Status(code).Valid() {
		return motcua.Invalid("status", fmt.Sprintf("mã trạng thái %d không tồn tại", code),
			fmt.Sprintf("status code %d does not exist", code))
	}
	*s = Status(code)
	return nil
}

func (s *Status) setKey(key string) error {
	for _, st := range Statuses {
		if st.Key() == key {
			*s = st
			return nil
		}
	}
	return motcua.Invalid("status", fmt.Sprintf("trạng thái %q không tồn tại", key),
		fmt.Sprintf("status %q does not exist", key))
}
