package portal

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"
)

// fakeCall is the body of a service call as the fake reads it.
type fakeCall struct {
	Session    string          `json:"session"`
	Service    string          `json:"service"`
	IsUpdating *bool           `json:"isUpdating"`
	Data       json.RawMessage `json:"data"`
	MaHoSo     string          `json:"mahoso"` // TraCuuHoSo
}

func (s *FakeServer) handleService(w http.ResponseWriter, r *http.Request) {
	raw, err := io.ReadAll(io.LimitReader(r.Body, 10<<20))
	var call fakeCall
	if err == nil {
		err = json.Unmarshal(raw, &call)
	}
	req := FakeRequest{At: time.Now(), Service: call.Service, IsUpdating: call.IsUpdating, Data: call.Data}
	if err != nil {
		req.Status, req.ErrorCode, req.Message = http.StatusBadRequest, CodeInvalid, "Nội dung yêu cầu không phải JSON hợp lệ"
		s.finish(w, r, req, false)
		return
	}
	req.Dossiers = dossierCodes(call.Data)

	s.mu.Lock()
	s.calls++
	failing := s.calls <= s.opts.FailFirst
	mode := s.opts.FailMode
	s.mu.Unlock()
	switch {
	case failing && mode == FailUnavailable:
		req.Status, req.Message = http.StatusServiceUnavailable, "Service Unavailable"
		s.finish(w, r, req, false)
		return
	case failing && mode == FailBusy:
		req.Status, req.ErrorCode, req.Message = http.StatusOK, CodeBusy, "Hệ thống đang bận, vui lòng thử lại sau"
		s.finish(w, r, req, false)
		return
	}
	req.Status = http.StatusOK
	req.ErrorCode, req.Message = s.apply(call, &req)
	s.finish(w, r, req, failing && mode == FailTimeout)
}

// finish records the request, waits as configured and answers.
func (s *FakeServer) finish(w http.ResponseWriter, r *http.Request, req FakeRequest, stall bool) {
	s.mu.Lock()
	s.requests = append(s.requests, req)
	if s.opts.Record != nil {
		line, _ := json.Marshal(req)
		s.opts.Record.Write(append(line, '\n'))
	}
	s.mu.Unlock()
	wait := s.opts.Delay
	if stall {
		wait = s.opts.Stall
	}
	if wait > 0 && !sleep(r.Context(), wait) {
		return // the client gave up: its reply is lost
	}
	if req.ErrorCode == "" {
		http.Error(w, req.Message, req.Status)
		return
	}
	out := Reply{ErrorCode: req.ErrorCode, Message: req.Message}
	if req.Service == ServiceLookupDossier && req.ErrorCode == CodeOK {
		out.Result = s.lookup(req)
	}
	writeReply(w, req.Status, out)
}

// apply checks the session and the payload and performs the call.
func (s *FakeServer) apply(call fakeCall, req *FakeRequest) (Code, string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.sessions[call.Session] {
		return CodeSession, "Phiên đăng nhập không hợp lệ hoặc đã hết hạn"
	}
	switch call.Service {
	case ServiceSyncDossier:
		return s.syncDossiers(call)
	case ServiceUpdateProgress:
		return s.addProgress(call)
	case ServiceLookupDossier:
		if call.MaHoSo == "" {
			return CodeInvalid, "Thiếu mahoso"
		}
		req.Dossiers = []string{call.MaHoSo}
		return CodeOK, "Thành công"
	case ServiceGetProcedure, ServiceListProcedures:
		return CodeOK, "Thành công (cổng giả lập không có danh mục thủ tục)"
	}
	return CodeInvalid, fmt.Sprintf("Dịch vụ %q không tồn tại", call.Service)
}

// syncDossiers creates or updates every record of the call, or none of them.
func (s *FakeServer) syncDossiers(call fakeCall) (Code, string) {
	if call.IsUpdating == nil {
		return CodeInvalid, "Thiếu isUpdating"
	}
	recs, problems := validateList(call.Data, dossierSchema)
	if len(problems) > 0 {
		return CodeInvalid, "Dữ liệu không hợp lệ: " + strings.Join(problems, "; ")
	}
	var list []DossierRecord
	if err := json.Unmarshal(call.Data, &list); err != nil {
		return CodeInvalid, "Dữ liệu không hợp lệ: " + err.Error()
	}
	for i := range recs {
		_, exists := s.dossiers[list[i].MaHoSo]
		switch {
		case !*call.IsUpdating && exists:
			return CodeExists, fmt.Sprintf("Hồ sơ %s đã tồn tại", list[i].MaHoSo)
		case *call.IsUpdating && !exists:
			return CodeNotFound, fmt.Sprintf("Không tìm thấy hồ sơ %s", list[i].MaHoSo)
		}
	}
	for _, d := range list {
		s.dossiers[d.MaHoSo] = d
		s.writes[d.MaHoSo]++
	}
	return CodeOK, "Đồng bộ thành công"
}

// addProgress keeps each step once: a step re-sent after a lost reply is the same bytes.
func (s *FakeServer) addProgress(call fakeCall) (Code, string) {
	_, problems := validateList(call.Data, progressSchema)
	if len(problems) > 0 {
		return CodeInvalid, "Dữ liệu không hợp lệ: " + strings.Join(problems, "; ")
	}
	var list []ProgressRecord
	if err := json.Unmarshal(call.Data, &list); err != nil {
		return CodeInvalid, "Dữ liệu không hợp lệ: " + err.Error()
	}
	for _, p := range list {
		if _, ok := s.dossiers[p.MaHoSo]; !ok {
			return CodeNotFound, fmt.Sprintf("Không tìm thấy hồ sơ %s", p.MaHoSo)
		}
	}
	for _, p := range list {
		key, _ := json.Marshal(p)
		if !s.seen[string(key)] {
			s.seen[string(key)] = true
			s.progress[p.MaHoSo] = append(s.progress[p.MaHoSo], p)
		}
	}
	return CodeOK, "Cập nhật tiến độ thành công"
}

func (s *FakeServer) lookup(req FakeRequest) json.RawMessage {
	s.mu.Lock()
	defer s.mu.Unlock()
	found := []DossierRecord{}
	for _, code := range req.Dossiers {
		if d, ok := s.dossiers[code]; ok {
			found = append(found, d)
		}
	}
	b, _ := json.Marshal(found)
	return b
}

// dossierCodes lists the MaHoSo of the records in data, for the request log.
func dossierCodes(data json.RawMessage) []string {
	var recs []struct{ MaHoSo string }
	if json.Unmarshal(data, &recs) != nil {
		return nil
	}
	var out []string
	for _, r := range recs {
		out = append(out, r.MaHoSo)
	}
	return out
}

// sleep waits d, or less if ctx ends first; it reports whether d passed.
func sleep(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}
