package pdf

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/motcua/motcua/dossier"
)

func TestForm02(t *testing.T) {
	b, err := Form02(oneStopHeader, Supplement{
		Code:       dossierCode,
		Applicant:  huong,
		Procedure:  alcoholProcedure,
		ReceivedAt: receipt.ReceivedAt,
		Missing: []string{
			"Bản sao hợp đồng thuê địa điểm bán lẻ còn hiệu lực ít nhất 01 năm",
			"Đơn đề nghị ghi thiếu địa chỉ kho hàng; đề nghị ghi đầy đủ theo Mẫu số 01",
		},
		Reason:   "Thành phần hồ sơ chưa đầy đủ theo quy định tại Nghị định số 105/2017/NĐ-CP",
		Deadline: at(30, 17, 0),
		Contact:  "ông Trần Văn Đức, số điện thoại 0226 3852 123",
		Officer:  "Trần Văn Đức",
	})
	rendered(t, "form02", b, err)
	contains(t, text(t, b), "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", "Nguyễn Thị Hường",
		"1. Bản sao hợp đồng thuê", "2. Đơn đề nghị ghi thiếu", "Lý do: Thành phần hồ sơ chưa đầy đủ",
		"17 giờ 00 phút, ngày 30 tháng 11 năm 2026", "NGƯỜI HƯỚNG DẪN")
}

func TestForm03(t *testing.T) {
	b, err := Form03(oneStopHeader, Refusal{
		Applicant: huong,
		Procedure: "Cấp Giấy phép kinh doanh bán buôn sản phẩm rượu",
		Reasons:   []string{"Thủ tục thuộc thẩm quyền giải quyết của Bộ Công Thương, không thuộc thẩm quyền của Sở Công Thương."},
		Officer:   "Trần Văn Đức",
	})
	rendered(t, "form03", b, err)
	contains(t, text(t, b), "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ", "Nguyễn Thị Hường",
		"thuộc thẩm quyền giải quyết của Bộ Công Thương", "NGƯỜI TIẾP NHẬN HỒ SƠ")
}

func TestForm04(t *testing.T) {
	h := oneStopHeader
	h.Unit, h.Name = "", "Sở Công Thương tỉnh Hà Nam"
	b, err := Form04(h, Apology{
		Code:           dossierCode,
		Applicant:      huong,
		Procedure:      alcoholProcedure,
		ReceivedAt:     receipt.ReceivedAt,
		OldAppointment: receipt.AppointmentAt,
		NewAppointment: time.Date(2026, 12, 21, 16, 0, 0, 0, vietnam),
		Reason:         "Cần xác minh thực tế địa điểm kinh doanh do có phản ánh về an toàn phòng cháy.",
		Signer:         Signer{Title: "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC", Name: "Lê Minh Tuấn"},
	})
	rendered(t, "form04", b, err)
	contains(t, text(t, b), "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ", "Kính gửi: Nguyễn Thị Hường",
		"16 giờ 00 phút, ngày 14 tháng 12 năm 2026", "16 giờ 00 phút, ngày 21 tháng 12 năm 2026",
		"xin lỗi ông/bà", "PHÓ GIÁM ĐỐC", "Lê Minh Tuấn")
}

func TestForm05(t *testing.T) {
	h := oneStopHeader
	h.Unit, h.Name = "", ""
	b, err := Form05(h, Stop{
		Code:       dossierCode,
		Applicant:  huong,
		Procedure:  alcoholProcedure,
		ReceivedAt: receipt.ReceivedAt,
		Reason:     "Tổ chức, cá nhân không bổ sung hồ sơ trong thời hạn đã yêu cầu.",
	})
	rendered(t, "form05", b, err)
	contains(t, text(t, b), "THÔNG BÁO DỪNG XỬ LÝ HỒ SƠ", "Sở Công Thương thông báo dừng xử lý hồ sơ",
		"không bổ sung hồ sơ", "THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ")
}

// handovers makes a history of n hand-overs back and forth between two units.
func handovers(n int) []Handover {
	hs := make([]Handover, n)
	for i := range hs {
		hs[i] = Handover{
			FromUnit: "Bộ phận Một cửa", FromPerson: "Trần Văn Đức",
			ToUnit: "Phòng Quản lý thương mại", ToPerson: "Phạm Thu Trang",
			At:     at(28, 10, 0).Add(time.Duration(i) * 26 * time.Hour),
			Result: Timeliness(i%3 + 1),
		}
		if i%2 == 1 {
			hs[i].FromUnit, hs[i].ToUnit = hs[i].ToUnit, hs[i].FromUnit
			hs[i].FromPerson, hs[i].ToPerson = hs[i].ToPerson, hs[i].FromPerson
			hs[i].Note = "Trình lãnh đạo Sở ký duyệt Giấy phép"
		}
	}
	return hs
}

func control(n int) Control {
	return Control{
		Code: dossierCode, Applicant: huong.Name, Procedure: alcoholProcedure,
		ReceiptNumber: "125/GTN", ReceivedAt: receipt.ReceivedAt, AppointmentAt: receipt.AppointmentAt,
		Handler: "Phòng Quản lý thương mại", Handovers: handovers(n),
	}
}

func TestForm06(t *testing.T) {
	b, err := Form06(oneStopHeader, control(4))
	rendered(t, "form06", b, err)
	contains(t, text(t, b), "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", "Phạm Thu Trang",
		"Trước hạn", "Đúng hạn", "Quá hạn", "Người giao ký", "28/11/2026 10:00", "Trang 1/1")
}

func TestForm06Paginates(t *testing.T) {
	b, err := Form06(oneStopHeader, control(40))
	rendered(t, "form06-long", b, err)
	n := pages(b)
	if n < 3 {
		t.Fatalf("40 hand-overs fit on %d pages; expected pagination", n)
	}
	got := text(t, b)
	if c := strings.Count(got, "(8)"); c != n {
		t.Errorf("table header printed %d times on %d pages", c, n)
	}
	contains(t, got, fmt.Sprintf("Trang %d/%d", n, n))
}

func bookRows40() []dossier.BookEntry {
	rows := make([]dossier.BookEntry, 40)
	for i := range rows {
		rows[i] = dossier.BookEntry{
			Code:          fmt.Sprintf("000.00.26.H35-2611%02d-%04d", 1+i%28, i+1),
			Procedure:     alcoholProcedure,
			Applicant:     huong.Name,
			Contact:       huong.Address + "; " + huong.Phone,
			Sets:          1,
			ReceivedAt:    at(1+i%28, 8, 30),
			AppointmentAt: at(1+i%28, 16, 0).AddDate(0, 0, 14),
			SentTo:        "Phòng Quản lý thương mại",
		}
		if i%4 == 0 {
			rows[i].ResultAt = at(1+i%28, 10, 0).AddDate(0, 0, 10)
			rows[i].Note = "Trả kết quả trước hạn"
		}
	}
	return rows
}

func TestForm07(t *testing.T) {
	b, err := Form07(oneStopHeader, Book{
		Unit: "Bộ phận Một cửa Sở Công Thương tỉnh Hà Nam",
		From: at(1, 0, 0), To: at(30, 0, 0), Rows: bookRows40(),
	})
	rendered(t, "form07", b, err)
	n := pages(b)
	if n < 2 {
		t.Fatalf("40 rows fit on %d pages; expected pagination", n)
	}
	got := text(t, b)
	if c := strings.Count(got, "(12)"); c != n {
		t.Errorf("table header printed %d times on %d pages", c, n)
	}
	contains(t, got, "SỔ THEO DÕI HỒ SƠ", "Từ ngày 01/11/2026 đến ngày 30/11/2026",
		"261101-0001", "Nguyễn Thị Hường", "Chuyển hồ sơ đến cơ quan giải quyết")
}

func TestFormsAcceptEmptyModels(t *testing.T) {
	for name, render := range map[string]func() ([]byte, error){
		"01": func() ([]byte, error) { return Form01(Header{}, Receipt{}) },
		"02": func() ([]byte, error) { return Form02(Header{}, Supplement{}) },
		"03": func() ([]byte, error) { return Form03(Header{}, Refusal{}) },
		"04": func() ([]byte, error) { return Form04(Header{}, Apology{}) },
		"05": func() ([]byte, error) { return Form05(Header{}, Stop{}) },
		"06": func() ([]byte, error) { return Form06(Header{}, Control{}) },
		"07": func() ([]byte, error) { return Form07(Header{}, Book{}) },
	} {
		b, err := render()
		rendered(t, "blank"+name, b, err)
	}
}
