package portal

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// post sends a raw service call with a fresh session and decodes the reply.
func post(t *testing.T, srv *httptest.Server, body map[string]any) (int, Reply) {
	t.Helper()
	c := &Client{BaseURL: srv.URL}
	if err := c.Login(context.Background()); err != nil {
		t.Fatal(err)
	}
	body["session"] = c.session
	raw, _ := json.Marshal(body)
	resp, err := http.Post(srv.URL+"/service", "application/json", bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var r Reply
	json.NewDecoder(resp.Body).Decode(&r)
	return resp.StatusCode, r
}

func TestFakePortalValidatesPayloads(t *testing.T) {
	srv := httptest.NewServer(NewFakeServer(FakeOptions{}))
	defer srv.Close()
	s := filedOnline(t)
	good := asMap(t, DossierPayload(s.d, context1()))
	with := func(k string, v any) []any {
		m := map[string]any{}
		for kk, vv := range good {
			m[kk] = vv
		}
		if v == nil {
			delete(m, k)
		} else {
			m[k] = v
		}
		return []any{m}
	}
	cases := []struct {
		name string
		body map[string]any
		want string // in the message
	}{
		{"missing required", map[string]any{"service": ServiceSyncDossier, "isUpdating": false, "data": with("MaTTHC", nil)}, "MaTTHC: bắt buộc"},
		{"bad date", map[string]any{"service": ServiceSyncDossier, "isUpdating": false, "data": with("NgayHenTra", "07/12/2026")}, "NgayHenTra: ngày"},
		{"unknown field", map[string]any{"service": ServiceSyncDossier, "isUpdating": false, "data": with("MaHoSoo", "x")}, "MaHoSoo: trường không có"},
		{"bad status", map[string]any{"service": ServiceSyncDossier, "isUpdating": false, "data": with("TrangThaiHoSo", "11")}, "TrangThaiHoSo"},
		{"number not string", map[string]any{"service": ServiceSyncDossier, "isUpdating": false, "data": with("KenhThucHien", 2)}, "phải là chuỗi"},
		{"null list", map[string]any{"service": ServiceSyncDossier, "isUpdating": false, "data": with("TaiLieuNop", "x")}, "TaiLieuNop: phải là danh sách"},
		{"no isUpdating", map[string]any{"service": ServiceSyncDossier, "data": with("Fax", "")}, "isUpdating"},
		{"empty data", map[string]any{"service": ServiceSyncDossier, "isUpdating": false, "data": []any{}}, "không rỗng"},
		{"unknown service", map[string]any{"service": "XoaHoSo", "data": []any{}}, "không tồn tại"},
		{"step without actor", map[string]any{"service": ServiceUpdateProgress, "data": []any{map[string]any{
			"MaHoSo": s.d.Code, "ThoiDiemXuLy": "20261123100000", "NoiDungXuLy": "x", "TrangThai": "2"}}}, "NguoiXuLy: bắt buộc"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, r := post(t, srv, c.body)
			if r.ErrorCode != CodeInvalid || !strings.Contains(r.Message, c.want) {
				t.Fatalf("reply %+v, want %s with %q", r, CodeInvalid, c.want)
			}
		})
	}
	if _, r := post(t, srv, map[string]any{"service": ServiceSyncDossier, "isUpdating": false, "data": with("Fax", "")}); r.ErrorCode != CodeOK {
		t.Fatalf("good payload refused: %+v", r)
	}
	if _, r := post(t, srv, map[string]any{"service": ServiceSyncDossier, "isUpdating": false, "data": with("Fax", "")}); r.ErrorCode != CodeExists {
		t.Fatalf("second creation: %+v", r)
	}
	if _, r := post(t, srv, map[string]any{"service": ServiceLookupDossier, "mahoso": s.d.Code}); r.ErrorCode != CodeOK || !strings.Contains(string(r.Result), s.d.Code) {
		t.Fatalf("lookup: %+v", r)
	}
}

func TestFakePortalRecordsEveryRequest(t *testing.T) {
	var log bytes.Buffer
	fake := NewFakeServer(FakeOptions{FailFirst: 1, Record: &log})
	srv := httptest.NewServer(fake)
	defer srv.Close()
	s := filedOnline(t)
	data := []DossierRecord{DossierPayload(s.d, context1())}
	c := &Client{BaseURL: srv.URL}
	if _, err := c.Send(context.Background(), ServiceSyncDossier, false, data); err == nil || IsPermanent(err) {
		t.Fatalf("first call should meet a 503: %v", err)
	}
	if _, err := c.Send(context.Background(), ServiceSyncDossier, false, data); err != nil {
		t.Fatal(err)
	}
	resp, err := http.Get(srv.URL + "/records")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var recs FakeRecords
	if err := json.NewDecoder(resp.Body).Decode(&recs); err != nil {
		t.Fatal(err)
	}
	if len(recs.Requests) != 2 || recs.Requests[0].Status != 503 || recs.Requests[1].ErrorCode != CodeOK ||
		recs.Writes[s.d.Code] != 1 || recs.Dossiers[s.d.Code].MaHoSo != s.d.Code {
		t.Fatalf("records %+v", recs)
	}
	if lines := strings.Count(log.String(), "\n"); lines != 2 {
		t.Fatalf("%d lines recorded", lines)
	}
}
