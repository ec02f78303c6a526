package portal

// The records below carry the portal's own field names. Every value is a string, as in
// all vendor code seen; dates are yyyyMMddHHmmss (FormatTime). Every key is always sent:
// an unknown scalar is "" and an empty list is [], never null or missing, because that is
// what vendor code sends and the official spec, which might say otherwise, was not
// available.

// DossierRecord is one dossier as DongBoHoSoMC takes it.
type DossierRecord struct {
	MaHoSo       string `json:"MaHoSo"`       // dossier code
	MaTTHC       string `json:"MaTTHC"`       // national procedure code
	TenTTHC      string `json:"TenTTHC"`      // procedure name
	MaLinhVuc    string `json:"MaLinhVuc"`    // field code
	TenLinhVuc   string `json:"TenLinhVuc"`   // field name
	KenhThucHien string `json:"KenhThucHien"` // channel code 1–3
	ChuHoSo      string `json:"ChuHoSo"`      // owner's name
	LoaiDoiTuong string `json:"LoaiDoiTuong"` // applicant type 1–4
	MaDoiTuong   string `json:"MaDoiTuong"`   // owner's portal account id, online filings only
	ThongTinKhac string `json:"ThongTinKhac"`
	Email        string `json:"Email"`
	Fax          string `json:"Fax"`
	SoDienThoai  string `json:"SoDienThoai"`
	TrichYeuHoSo string `json:"TrichYeuHoSo"` // summary
	NgayTiepNhan string `json:"NgayTiepNhan"` // receipt
	NgayHenTra   string `json:"NgayHenTra"`   // appointment in force
	// TrangThaiHoSo is the status code 1–10 (dossier.Status).
	TrangThaiHoSo   string `json:"TrangThaiHoSo"`
	NgayTra         string `json:"NgayTra"`     // result returned
	ThongTinTra     string `json:"ThongTinTra"` // what was returned
	HinhThuc        string `json:"HinhThuc"`    // ReturnDirect or ReturnByPost
	NgayKetThucXuLy string `json:"NgayKetThucXuLy"`
	DonViXuLy       string `json:"DonViXuLy"` // processing agency's name
	GhiChu          string `json:"GhiChu"`
	NgayNopHoSo     string `json:"NgayNopHoSo"` // submission
	NgayTuChoi      string `json:"NgayTuChoi"`  // refusal of receipt

	TaiLieuNop             []SubmittedFile   `json:"TaiLieuNop"`
	DanhSachLePhi          []FeeRecord       `json:"DanhSachLePhi"`
	DanhSachTepDinhKemKhac []OtherPaper      `json:"DanhSachTepDinhKemKhac"`
	DanhSachHoSoBoSung     []SupplementEntry `json:"DanhSachHoSoBoSung"`
	DanhSachGiayToKetQua   []ResultPaper     `json:"DanhSachGiayToKetQua"`
	DinhDanhCHS            []OwnerID         `json:"DinhDanhCHS"`

	HoSoCoThanhPhanSoHoa        string `json:"HoSoCoThanhPhanSoHoa"`        // any digitised paper
	TaiKhoanDuocXacThucVoiVNeID string `json:"TaiKhoanDuocXacThucVoiVNeID"` // owner's account verified by VNeID
	DuocThanhToanTrucTuyen      string `json:"DuocThanhToanTrucTuyen"`      // fees paid online
}

// SubmittedFile is one paper of the dossier as filed (TaiLieuNop). Sub-fields are known
// only from vendor code.
type SubmittedFile struct {
	TepDinhKemId      string `json:"TepDinhKemId"`      // our file id (SHA-256)
	TenTepDinhKem     string `json:"TenTepDinhKem"`     // file or paper name
	IsDeleted         string `json:"IsDeleted"`         // Yes when withdrawn from the dossier
	MaThanhPhanHoSo   string `json:"MaThanhPhanHoSo"`   // required-document code, when known
	DuongDanTaiTepTin string `json:"DuongDanTaiTepTin"` // download URL for the portal
	DuocSoHoa         string `json:"DuocSoHoa"`         // digitised
	DuocTaiSuDung     string `json:"DuocTaiSuDung"`     // reused from an earlier result
	DuocLayTuKhoDMQG  string `json:"DuocLayTuKhoDMQG"`  // taken from the national store
}

// FeeRecord is one fee collected (DanhSachLePhi). The codes of HinhThucThu and
// LoaiPhiLePhi were not available; they stay empty unless the caller knows them.
type FeeRecord struct {
	TenPhiLePhi  string `json:"TenPhiLePhi"`
	MaPhiLePhi   string `json:"MaPhiLePhi"`
	HinhThucThu  string `json:"HinhThucThu"`
	Gia          string `json:"Gia"` // đồng
	LoaiPhiLePhi string `json:"LoaiPhiLePhi"`
}

// OtherPaper is a paper handed in besides the required ones (DanhSachTepDinhKemKhac).
type OtherPaper struct {
	TenGiayTo  string `json:"TenGiayTo"`
	SoLuong    string `json:"SoLuong"`
	LoaiGiayTo string `json:"LoaiGiayTo"`
}

// SupplementEntry is one request for missing papers and its answer (DanhSachHoSoBoSung).
type SupplementEntry struct {
	HoSoBoSungId        string `json:"HoSoBoSungId"` // 1-based order within the dossier
	NguoiYeuCauBoSung   string `json:"NguoiYeuCauBoSung"`
	NoiDungBoSung       string `json:"NoiDungBoSung"` // the missing papers
	NgayBoSung          string `json:"NgayBoSung"`    // when asked
	NguoiTiepNhanBoSung string `json:"NguoiTiepNhanBoSung"`
	ThongTinTiepNhan    string `json:"ThongTinTiepNhan"`
	NgayTiepNhanBoSung  string `json:"NgayTiepNhanBoSung"` // when answered
	TrangThaiBoSung     string `json:"TrangThaiBoSung"`    // Yes once answered
	NgayHenTraTruoc     string `json:"NgayHenTraTruoc"`    // appointment before the clock stop
	NgayHenTraMoi       string `json:"NgayHenTraMoi"`      // appointment after it
}

// ResultPaper is one result document (DanhSachGiayToKetQua).
type ResultPaper struct {
	TenGiayTo            string `json:"TenGiayTo"`
	MaThanhPhanHoSo      string `json:"MaThanhPhanHoSo"`
	GiayToId             string `json:"GiayToId"` // the result's number
	DuongDanTepTinKetQua string `json:"DuongDanTepTinKetQua"`
	MaGiayToKetQua       string `json:"MaGiayToKetQua"` // national result-document code
}

// OwnerID is one identifier of the dossier owner (DinhDanhCHS).
type OwnerID struct {
	LoaiDinhDanh string `json:"LoaiDinhDanh"` // IDPersonal or IDOrganisation
	SoDinhDanh   string `json:"SoDinhDanh"`
}

// ProgressRecord is one processing step as CapNhatTienDoHoSoMC takes it.
type ProgressRecord struct {
	MaHoSo       string `json:"MaHoSo"`
	NguoiXuLy    string `json:"NguoiXuLy"`    // who acted
	ChucDanh     string `json:"ChucDanh"`     // their title
	ThoiDiemXuLy string `json:"ThoiDiemXuLy"` // when
	PhongBanXuLy string `json:"PhongBanXuLy"` // their division
	NoiDungXuLy  string `json:"NoiDungXuLy"`  // what was done
	TrangThai    string `json:"TrangThai"`    // status code 1–10 after the step
	// NgayBatDau and NgayKetThucTheoQuyDinh are the start and norm deadline of the
	// internal step the action concerns, empty when it concerns none.
	NgayBatDau             string `json:"NgayBatDau"`
	NgayKetThucTheoQuyDinh string `json:"NgayKetThucTheoQuyDinh"`
}
