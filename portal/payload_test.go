package portal

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/motcua/motcua/calendar"
	"github.com/motcua/motcua/catalog"
	"github.com/motcua/motcua/dossier"
)

func TestPortalDatesInVietnamTime(t *testing.T) {
	at := time.Date(2026, 11, 28, 1, 30, 0, 0, time.UTC)
	if got := FormatTime(at); got != "20261128083000" {
		t.Fatalf("FormatTime = %q, want 20261128083000", got)
	}
	if got := FormatTime(time.Time{}); got != "" {
		t.Fatalf("zero time = %q, want empty", got)
	}
	back, err := ParseTime("20261128083000")
	if err != nil || !back.Equal(at) {
		t.Fatalf("ParseTime = %v, %v; want %v", back, err, at)
	}
}

func TestPortalDossierPayloadOfReturnedDossier(t *testing.T) {
	s := returned(t)
	r := DossierPayload(s.d, context1())
	want := map[string]string{
		"MaHoSo": "000.00.12.H26-261123-0007", "MaTTHC": "2.000633.000.00.00.H26",
		"TenTTHC": "Cấp Giấy phép bán lẻ sản phẩm rượu", "MaLinhVuc": "LUUTHONG",
		"TenLinhVuc": "Lưu thông hàng hóa trong nước", "KenhThucHien": "2", "ChuHoSo": "Nguyễn Thị Hoa",
		"LoaiDoiTuong": "1", "Email": "hoa.nguyen@example.vn", "SoDienThoai": "0912345678",
		"TrichYeuHoSo": "Xin cấp giấy phép bán lẻ rượu", "NgayNopHoSo": "20261123090000",
		"NgayTiepNhan": "20261123100000",
		// 80 flat hours after receipt, plus the 24 hours the clock stood still.
		"NgayHenTra": "20261127180000", "TrangThaiHoSo": "10", "NgayTra": "20261128083000",
		"ThongTinTra":     "Giấy phép bán lẻ sản phẩm rượu số 45/GP-SCT ngày 27/11/2026",
		"HinhThuc":        ReturnDirect,
		"NgayKetThucXuLy": "20261127140000", "DonViXuLy": "Sở Công Thương", "GhiChu": "", "NgayTuChoi": "",
		"HoSoCoThanhPhanSoHoa": "1", "TaiKhoanDuocXacThucVoiVNeID": "1", "DuocThanhToanTrucTuyen": "1",
	}
	got := asMap(t, r)
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %v, want %q", k, got[k], v)
		}
	}
	if len(r.DanhSachLePhi) != 1 || r.DanhSachLePhi[0].Gia != "1200000" || r.DanhSachLePhi[0].TenPhiLePhi != "Phí thẩm định" {
		t.Errorf("fees %+v", r.DanhSachLePhi)
	}
	wantSup := SupplementEntry{HoSoBoSungId: "1", NguoiYeuCauBoSung: specialist.Name,
		NoiDungBoSung: "Bản sao hợp đồng thuê địa điểm", NgayBoSung: "20261124090000",
		NgayTiepNhanBoSung: "20261125090000", TrangThaiBoSung: Yes,
		NgayHenTraTruoc: "20261126180000", NgayHenTraMoi: "20261127180000"}
	if len(r.DanhSachHoSoBoSung) != 1 || r.DanhSachHoSoBoSung[0] != wantSup {
		t.Errorf("supplements %+v\nwant %+v", r.DanhSachHoSoBoSung, wantSup)
	}
	if len(r.DanhSachGiayToKetQua) != 1 || r.DanhSachGiayToKetQua[0].GiayToId != "45/GP-SCT" {
		t.Errorf("results %+v", r.DanhSachGiayToKetQua)
	}
	if len(r.DinhDanhCHS) != 1 || r.DinhDanhCHS[0] != (OwnerID{IDPersonal, "001190012345"}) {
		t.Errorf("owner ids %+v", r.DinhDanhCHS)
	}
	if len(r.TaiLieuNop) != 1 || r.TaiLieuNop[0].TepDinhKemId != fileHash {
		t.Errorf("files %+v", r.TaiLieuNop)
	}
}

// Every field of the spec is sent, scalars as strings and lists as lists, even when empty;
// and the fake portal accepts the dossier at every step of its life.
func TestPortalDossierPayloadShape(t *testing.T) {
	spec := strings.Fields(`MaHoSo MaTTHC TenTTHC MaLinhVuc TenLinhVuc KenhThucHien ChuHoSo LoaiDoiTuong
		MaDoiTuong ThongTinKhac Email Fax SoDienThoai TrichYeuHoSo NgayTiepNhan NgayHenTra TrangThaiHoSo NgayTra
		ThongTinTra HinhThuc NgayKetThucXuLy DonViXuLy GhiChu NgayNopHoSo NgayTuChoi TaiLieuNop DanhSachLePhi
		DanhSachTepDinhKemKhac DanhSachHoSoBoSung DanhSachGiayToKetQua DinhDanhCHS HoSoCoThanhPhanSoHoa
		TaiKhoanDuocXacThucVoiVNeID DuocThanhToanTrucTuyen`)
	s := filedOnline(t)
	got := asMap(t, DossierPayload(s.d, DossierContext{}))
	if len(got) != len(spec) {
		t.Errorf("%d keys, want %d", len(got), len(spec))
	}
	for _, k := range spec {
		v, ok := got[k]
		switch {
		case !ok:
			t.Errorf("%s missing", k)
		case strings.HasPrefix(k, "DanhSach") || k == "TaiLieuNop" || k == "DinhDanhCHS":
			if _, isList := v.([]any); !isList {
				t.Errorf("%s = %#v, want a list", k, v)
			}
		default:
			if _, isText := v.(string); !isText {
				t.Errorf("%s = %#v, want a string", k, v)
			}
		}
	}
	full := returned(t)
	for i := range full.after {
		raw, _ := json.Marshal([]DossierRecord{DossierPayload(&full.after[i], context1())})
		if _, problems := validateList(raw, dossierSchema); len(problems) > 0 {
			t.Errorf("after %s: fake portal refuses: %v", full.events[i].Action, problems)
		}
	}
}

func TestPortalDossierPayloadRefusedOnline(t *testing.T) {
	d, err := dossier.NewDraft(dossier.DraftInput{Procedure: alcoholLicence(), Channel: catalog.ChannelOnline,
		ApplicantType: catalog.Citizen, OwnerAccountID: applicant.AccountID,
		Applicant: dossier.Applicant{Name: "Đỗ Văn Bình", IDNumber: "001090054321", Phone: "0987654321"}},
		vn(2026, 12, 1, 8, 0))
	if err != nil {
		t.Fatal(err)
	}
	s := &story{t: t, d: d}
	submit := act(dossier.Submit, applicant)
	submit.Code = dossier.FormatCode("000.00.12.H26", calendar.D(2026, 12, 1), 3)
	s.do(vn(2026, 12, 1, 8, 15), submit)
	refuse := act(dossier.Refuse, officer)
	refuse.Reason = "Thủ tục không thuộc thẩm quyền của Sở"
	s.do(vn(2026, 12, 1, 9, 0), refuse)
	r := DossierPayload(d, context1())
	if r.TrangThaiHoSo != "3" || r.NgayTuChoi != "20261201090000" || r.GhiChu != refuse.Reason {
		t.Errorf("refusal: status %s, refused %q, note %q", r.TrangThaiHoSo, r.NgayTuChoi, r.GhiChu)
	}
	// Never received: the submission stands in for the receipt.
	if r.NgayTiepNhan != "20261201081500" || r.NgayHenTra != "" || r.TrichYeuHoSo != r.TenTTHC {
		t.Errorf("receipt %q appointment %q summary %q", r.NgayTiepNhan, r.NgayHenTra, r.TrichYeuHoSo)
	}
	if len(r.DanhSachLePhi) != 0 || len(r.DanhSachGiayToKetQua) != 0 || r.DuocThanhToanTrucTuyen != "1" {
		t.Errorf("fees %v results %v", r.DanhSachLePhi, r.DanhSachGiayToKetQua)
	}
}

func TestPortalDossierPayloadPostal(t *testing.T) {
	d, err := dossier.NewDraft(dossier.DraftInput{Procedure: alcoholLicence(), Channel: catalog.ChannelPostal,
		ApplicantType: catalog.Citizen,
		Applicant:     dossier.Applicant{Name: "Đỗ Văn Bình", IDNumber: "001090054321", Phone: "0987654321"}},
		vn(2026, 12, 1, 8, 0))
	if err != nil {
		t.Fatal(err)
	}
	s := &story{t: t, d: d}
	receive := act(dossier.Receive, officer)
	receive.Code = dossier.FormatCode("000.00.12.H26", calendar.D(2026, 12, 1), 4)
	s.do(vn(2026, 12, 1, 8, 30), receive)
	r := DossierPayload(d, DossierContext{})
	if r.KenhThucHien != "3" || r.HinhThuc != ReturnByPost || r.TrangThaiHoSo != "2" || r.NgayHenTra != "20261204163000" {
		t.Errorf("postal: channel %s method %s status %s appointment %s", r.KenhThucHien, r.HinhThuc, r.TrangThaiHoSo, r.NgayHenTra)
	}
	if r.DuocThanhToanTrucTuyen != No || r.TaiKhoanDuocXacThucVoiVNeID != No || r.HoSoCoThanhPhanSoHoa != No {
		t.Errorf("flags %s %s %s", r.DuocThanhToanTrucTuyen, r.TaiKhoanDuocXacThucVoiVNeID, r.HoSoCoThanhPhanSoHoa)
	}
}

func TestPortalStepPayloads(t *testing.T) {
	s := returned(t)
	steps := StepPayloads(s.d, s.events, context1())
	if len(steps) != len(s.events) {
		t.Fatalf("%d steps for %d events", len(steps), len(s.events))
	}
	submit := steps[0]
	if submit.NguoiXuLy != applicant.Name || submit.ChucDanh != "" || submit.PhongBanXuLy != "" ||
		submit.TrangThai != "1" || submit.ThoiDiemXuLy != "20261123090000" || submit.NoiDungXuLy != "Nộp hồ sơ" {
		t.Errorf("submit step %+v", submit)
	}
	// Read against the dossier as it stood then: the later clock stop moved the deadline.
	fwd, ok := StepPayload(&s.after[2], s.events[2], context1())
	want := ProgressRecord{MaHoSo: s.d.Code, NguoiXuLy: officer.Name, ChucDanh: "Cán bộ Một cửa",
		ThoiDiemXuLy: "20261123140000", PhongBanXuLy: "Bộ phận Một cửa", NoiDungXuLy: "Chuyển xử lý",
		TrangThai: "4", NgayBatDau: "20261123140000", NgayKetThucTheoQuyDinh: "20261125060000"}
	if !ok || fwd != want {
		t.Errorf("forward step\n got %+v\nwant %+v", fwd, want)
	}
	if last := steps[len(steps)-1]; last.TrangThai != "10" || last.PhongBanXuLy != "Bộ phận Một cửa" {
		t.Errorf("return step %+v", last)
	}
	raw, _ := json.Marshal(steps)
	if _, problems := validateList(raw, progressSchema); len(problems) > 0 {
		t.Errorf("fake portal refuses the steps: %v", problems)
	}
	rate := act(dossier.Rate, applicant)
	rate.Rating = &dossier.Rating{Score: 5}
	ev := s.do(vn(2026, 11, 28, 9, 0), rate)
	if _, ok := StepPayload(s.d, ev, context1()); ok {
		t.Errorf("a rating became a processing step")
	}
}

func TestPortalMessages(t *testing.T) {
	s := filedOnline(t)
	msgs, err := Messages(&s.after[0], s.events[0], context1())
	if err != nil || len(msgs) != 2 {
		t.Fatalf("messages %v, %v", msgs, err)
	}
	if msgs[0].DedupeKey != "portal:000.00.12.H26-261123-0007:1:DongBoHoSoMC" ||
		msgs[1].DedupeKey != "portal:000.00.12.H26-261123-0007:1:CapNhatTienDoHoSoMC" {
		t.Errorf("keys %q %q", msgs[0].DedupeKey, msgs[1].DedupeKey)
	}
	var p OutboxPayload
	if err := json.Unmarshal(msgs[0].Payload, &p); err != nil || p.IsUpdating || p.Seq != 1 || p.Service != ServiceSyncDossier {
		t.Errorf("first snapshot %+v, %v", p, err)
	}
	msgs, _ = Messages(&s.after[1], s.events[1], context1())
	if err := json.Unmarshal(msgs[0].Payload, &p); err != nil || !p.IsUpdating || p.Seq != 2 {
		t.Errorf("receipt snapshot %+v, %v", p, err)
	}
	draft := *s.d
	draft.Code = ""
	if msgs, _ := Messages(&draft, s.events[1], context1()); msgs != nil {
		t.Errorf("a dossier without a code was queued")
	}
}

func asMap(t *testing.T, v any) map[string]any {
	t.Helper()
	raw, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatal(err)
	}
	return m
}
