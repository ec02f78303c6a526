package portal

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// fieldSpec is what the fake portal accepts in one field. Which fields are required is
// our reading of vendor code (fields it marks optional are optional here); the official
// spec was not available.
type fieldSpec struct {
	required bool
	list     bool     // an array of objects whose values are strings
	date     bool     // yyyyMMddHHmmss when not empty
	enum     []string // allowed values when not empty
}

type schema map[string]fieldSpec

var (
	reqField = fieldSpec{required: true}
	optField = fieldSpec{}
	optDate  = fieldSpec{date: true}
	optList  = fieldSpec{list: true}
	yesNo    = fieldSpec{enum: []string{No, Yes}}
	statuses = []string{"1", "2", "3", "4", "5", "6", "7", "8", "9", "10"}
)

var dossierSchema = schema{
	"MaHoSo": reqField, "MaTTHC": reqField, "TenTTHC": reqField, "MaLinhVuc": reqField, "TenLinhVuc": reqField,
	"KenhThucHien": {required: true, enum: []string{"1", "2", "3"}},
	"ChuHoSo":      optField,
	"LoaiDoiTuong": {required: true, enum: []string{"1", "2", "3", "4"}},
	"MaDoiTuong":   optField, "ThongTinKhac": optField, "Email": optField, "Fax": optField, "SoDienThoai": optField,
	"TrichYeuHoSo":  reqField,
	"NgayTiepNhan":  {required: true, date: true},
	"NgayHenTra":    optDate,
	"TrangThaiHoSo": {required: true, enum: statuses},
	"NgayTra":       optDate, "ThongTinTra": optField,
	"HinhThuc":        {required: true, enum: []string{ReturnDirect, ReturnByPost}},
	"NgayKetThucXuLy": optDate,
	"DonViXuLy":       reqField, "GhiChu": optField,
	"NgayNopHoSo": optDate, "NgayTuChoi": optDate,
	"TaiLieuNop": optList, "DanhSachLePhi": optList, "DanhSachTepDinhKemKhac": optList,
	"DanhSachHoSoBoSung": optList, "DanhSachGiayToKetQua": optList, "DinhDanhCHS": optList,
	"HoSoCoThanhPhanSoHoa": yesNo, "TaiKhoanDuocXacThucVoiVNeID": yesNo, "DuocThanhToanTrucTuyen": yesNo,
}

var progressSchema = schema{
	"MaHoSo": reqField, "NguoiXuLy": reqField, "ChucDanh": optField,
	"ThoiDiemXuLy": {required: true, date: true},
	"PhongBanXuLy": optField, "NoiDungXuLy": reqField,
	"TrangThai":  {required: true, enum: statuses},
	"NgayBatDau": optDate, "NgayKetThucTheoQuyDinh": optDate,
}

// validateList checks that data is a non-empty list of records matching sc and returns
// the records and every problem found, each naming its record and field.
func validateList(data json.RawMessage, sc schema) ([]map[string]json.RawMessage, []string) {
	var recs []map[string]json.RawMessage
	if err := json.Unmarshal(data, &recs); err != nil || len(recs) == 0 {
		return nil, []string{"data phải là danh sách bản ghi không rỗng"}
	}
	var problems []string
	for i, rec := range recs {
		add := func(field, msg string) { problems = append(problems, fmt.Sprintf("[%d].%s: %s", i, field, msg)) }
		for name := range rec {
			if _, ok := sc[name]; !ok {
				add(name, "trường không có trong đặc tả")
			}
		}
		for _, name := range sortedKeys(sc) {
			spec := sc[name]
			raw, present := rec[name]
			if spec.list {
				if present && !isListOfObjects(raw, func(k, v string) {
					if isDateKey(k) && v != "" && !isPortalDate(v) {
						add(name+"."+k, "ngày phải có dạng yyyyMMddHHmmss")
					}
				}) {
					add(name, "phải là danh sách")
				}
				continue
			}
			var v string
			if present && json.Unmarshal(raw, &v) != nil {
				add(name, "phải là chuỗi")
				continue
			}
			switch {
			case v == "" && spec.required:
				add(name, "bắt buộc")
			case v == "":
			case spec.date && !isPortalDate(v):
				add(name, "ngày phải có dạng yyyyMMddHHmmss")
			case spec.enum != nil && !slices.Contains(spec.enum, v):
				add(name, fmt.Sprintf("giá trị %q không thuộc danh mục", v))
			}
		}
	}
	return recs, problems
}

// isListOfObjects reports whether raw is an array of objects with string values, calling
// each for every key and value.
func isListOfObjects(raw json.RawMessage, each func(k, v string)) bool {
	var items []map[string]any
	if json.Unmarshal(raw, &items) != nil || items == nil {
		return false
	}
	for _, it := range items {
		for k, v := range it {
			s, ok := v.(string)
			if !ok {
				return false
			}
			each(k, s)
		}
	}
	return true
}

func isDateKey(k string) bool { return strings.HasPrefix(k, "Ngay") || k == "ThoiDiemXuLy" }

func isPortalDate(s string) bool {
	if len(s) != len(dateLayout) {
		return false
	}
	_, err := ParseTime(s)
	return err == nil
}

func sortedKeys(sc schema) []string {
	keys := make([]string, 0, len(sc))
	for k := range sc {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
