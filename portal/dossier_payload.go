package portal

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/motcua/motcua/catalog"
	"github.com/motcua/motcua/dossier"
)

// DossierPayload is the dossier as DongBoHoSoMC takes it, at its current state.
//
// Mapping decisions (the official spec was not available):
//   - NgayTiepNhan is the receipt; a dossier filed online and not yet received (or refused
//     at receipt) sends its submission time instead, since vendor code treats the field
//     as required.
//   - ChuHoSo is the organisation for a business, agency or organisation, else the person.
//   - HinhThuc is ReturnByPost when the result went (or, before return, is expected to go)
//     back by post, ReturnDirect otherwise.
//   - GhiChu carries the reason of a refusal, withdrawal or stop.
//   - TrichYeuHoSo falls back to the procedure name: it is required and a counter filing
//     may have no summary.
func DossierPayload(d *dossier.Dossier, c DossierContext) DossierRecord {
	r := DossierRecord{
		MaHoSo:        d.Code,
		MaTTHC:        or(c.ProcedureCode, d.ProcedureCode),
		TenTTHC:       or(c.ProcedureName, d.ProcedureName),
		MaLinhVuc:     c.Field.Code,
		TenLinhVuc:    c.Field.Name,
		KenhThucHien:  strconv.Itoa(int(d.Channel)),
		ChuHoSo:       owner(d),
		LoaiDoiTuong:  strconv.Itoa(int(d.ApplicantType)),
		MaDoiTuong:    c.ApplicantAccount,
		Email:         d.Applicant.Email,
		SoDienThoai:   d.Applicant.Phone,
		TrichYeuHoSo:  or(d.Summary, or(c.ProcedureName, d.ProcedureName)),
		NgayTiepNhan:  FormatTime(firstSet(d.ReceivedAt, d.SubmittedAt)),
		NgayHenTra:    FormatTime(d.AppointmentAt),
		TrangThaiHoSo: strconv.Itoa(int(d.Status)),
		NgayTra:       FormatTime(d.ReturnedAt),
		ThongTinTra:   returnInfo(d),
		HinhThuc:      returnMethod(d),
		DonViXuLy:     c.AgencyName,
		NgayNopHoSo:   FormatTime(d.SubmittedAt),

		NgayKetThucXuLy: FormatTime(d.FinishedAt),

		TaiLieuNop:             nonNil(c.Documents),
		DanhSachLePhi:          fees(d, c),
		DanhSachTepDinhKemKhac: nonNil(c.OtherPapers),
		DanhSachHoSoBoSung:     supplements(d, c),
		DanhSachGiayToKetQua:   results(d, c),
		DinhDanhCHS:            ownerIDs(d.Applicant),

		HoSoCoThanhPhanSoHoa:        flag(anyDigitised(c.Documents)),
		TaiKhoanDuocXacThucVoiVNeID: flag(c.IdentityVerified),
		DuocThanhToanTrucTuyen:      flag(c.PaidOnline),
	}
	if cl := d.Closure; cl != nil {
		r.GhiChu = cl.Reason
		if cl.Action == dossier.Refuse {
			r.NgayTuChoi = FormatTime(cl.At)
		}
	}
	return r
}

func owner(d *dossier.Dossier) string {
	if d.ApplicantType != catalog.Citizen && d.Applicant.Organisation != "" {
		return d.Applicant.Organisation
	}
	return d.Applicant.Name
}

func returnMethod(d *dossier.Dossier) string {
	ch := d.Channel
	if d.Result != nil && d.Result.Channel != 0 {
		ch = d.Result.Channel
	}
	if ch == catalog.ChannelPostal {
		return ReturnByPost
	}
	return ReturnDirect
}

// returnInfo names the result handed back, once it has been.
func returnInfo(d *dossier.Dossier) string {
	if d.Result == nil || d.ReturnedAt.IsZero() {
		return ""
	}
	day := d.Result.Date
	return fmt.Sprintf("%s số %s ngày %02d/%02d/%04d", or(d.ResultName, "Kết quả"), d.Result.Number,
		day.Day, int(day.Month), day.Year)
}

func fees(d *dossier.Dossier, c DossierContext) []FeeRecord {
	if c.FeesPaid != nil || d.Payment == nil || d.Payment.PaidAt.IsZero() {
		return nonNil(c.FeesPaid)
	}
	out := make([]FeeRecord, 0, len(d.Fees))
	for _, f := range d.Fees {
		out = append(out, FeeRecord{TenPhiLePhi: f.Name, Gia: strconv.FormatInt(f.Amount, 10)})
	}
	return out
}

func results(d *dossier.Dossier, c DossierContext) []ResultPaper {
	if c.ResultPapers != nil || d.Result == nil {
		return nonNil(c.ResultPapers)
	}
	return []ResultPaper{{TenGiayTo: or(d.ResultName, "Kết quả giải quyết"), GiayToId: d.Result.Number}}
}

func supplements(d *dossier.Dossier, c DossierContext) []SupplementEntry {
	out := make([]SupplementEntry, 0, len(d.Supplements))
	for i, s := range d.Supplements {
		e := SupplementEntry{
			HoSoBoSungId:      strconv.Itoa(i + 1),
			NguoiYeuCauBoSung: c.People[s.RequestedBy],
			NoiDungBoSung:     strings.Join(s.Missing, "; "),
			NgayBoSung:        FormatTime(s.RequestedAt),
			TrangThaiBoSung:   flag(!s.AnsweredAt.IsZero()),
		}
		if !s.AnsweredAt.IsZero() {
			e.NgayTiepNhanBoSung = FormatTime(s.AnsweredAt)
			before, after := appointmentMovedAt(d, s.AnsweredAt)
			e.NgayHenTraTruoc, e.NgayHenTraMoi = FormatTime(before), FormatTime(after)
		}
		out = append(out, e)
	}
	return out
}

// appointmentMovedAt finds the appointment replaced at t and the one that replaced it.
func appointmentMovedAt(d *dossier.Dossier, t time.Time) (before, after time.Time) {
	for i, a := range d.Appointments {
		if !a.ReplacedAt.Equal(t) {
			continue
		}
		if i+1 < len(d.Appointments) {
			return a.At, d.Appointments[i+1].At
		}
		return a.At, d.AppointmentAt
	}
	return time.Time{}, time.Time{}
}

func ownerIDs(a dossier.Applicant) []OwnerID {
	out := []OwnerID{}
	if a.IDNumber != "" {
		out = append(out, OwnerID{LoaiDinhDanh: IDPersonal, SoDinhDanh: a.IDNumber})
	}
	if a.TaxCode != "" {
		out = append(out, OwnerID{LoaiDinhDanh: IDOrganisation, SoDinhDanh: a.TaxCode})
	}
	return out
}

func anyDigitised(files []SubmittedFile) bool {
	for _, f := range files {
		if f.DuocSoHoa == Yes {
			return true
		}
	}
	return false
}

// or is v, or fallback when v is the zero value.
func or[T comparable](v, fallback T) T {
	var zero T
	if v != zero {
		return v
	}
	return fallback
}

func firstSet(ts ...time.Time) time.Time {
	for _, t := range ts {
		if !t.IsZero() {
			return t
		}
	}
	return time.Time{}
}

// nonNil keeps an empty list an empty JSON array rather than null.
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
