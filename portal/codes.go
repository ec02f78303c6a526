package portal

// Services the portal offers, by the names vendor code uses.
const (
	ServiceSyncDossier    = "DongBoHoSoMC"        // create or update a dossier
	ServiceUpdateProgress = "CapNhatTienDoHoSoMC" // add processing steps
	ServiceLookupDossier  = "TraCuuHoSo"          // read a dossier back
	ServiceGetProcedure   = "LayThuTuc"
	ServiceListProcedures = "LayDanhSachTTHC"
)

// Return methods (HinhThuc). Vendor code sends "1" only when the result goes back by
// post and "0" otherwise (at the desk or online); the official list was not available.
const (
	ReturnDirect = "0"
	ReturnByPost = "1"
)

// Identifier kinds of the dossier owner (DinhDanhCHS.LoaiDinhDanh). Vendor code sends "1"
// with a 12-digit personal identification number; "2" is our reading for an
// organisation's code (tax code) and is not confirmed by any official text.
const (
	IDPersonal     = "1"
	IDOrganisation = "2"
)

// Yes and No are how the portal's flags (HoSoCoThanhPhanSoHoa,
// TaiKhoanDuocXacThucVoiVNeID, DuocThanhToanTrucTuyen…) are written in vendor code.
const (
	Yes = "1"
	No  = "0"
)

func flag(b bool) string {
	if b {
		return Yes
	}
	return No
}
