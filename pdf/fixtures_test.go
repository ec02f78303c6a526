package pdf

import (
	"time"
)

// Fixtures: one dossier of a Hà Nam trader asking for a retail alcohol licence.
var (
	at = func(day, hour, minute int) time.Time {
		return time.Date(2026, 11, day, hour, minute, 0, 0, vietnam)
	}
	oneStopHeader = Header{
		Parent: "UBND TỈNH HÀ NAM",
		Agency: "SỞ CÔNG THƯƠNG",
		Unit:   "BỘ PHẬN MỘT CỬA",
		Place:  "Hà Nam",
		Date:   at(28, 9, 0),
		Number: "125/GTN",
		Name:   "Bộ phận Một cửa Sở Công Thương tỉnh Hà Nam",
	}
	huong = Applicant{
		Name:    "Nguyễn Thị Hường",
		Address: "Số 12 đường Lê Hoàn, phường Hai Bà Trưng, thành phố Phủ Lý, tỉnh Hà Nam",
		Phone:   "0912 345 678",
		Email:   "huong.nguyen@example.vn",
	}
	alcoholProcedure = "Cấp Giấy phép bán lẻ sản phẩm rượu (trường hợp cấp mới, " +
		"cơ sở có quy mô kinh doanh trên địa bàn tỉnh)"
	dossierCode = "000.00.26.H35-261128-0007"
	trackingURL = "https://dichvucong.hanam.gov.vn/tra-cuu?ma=000.00.26.H35-261128-0007"

	receipt = Receipt{
		Code:      dossierCode,
		Applicant: huong,
		Procedure: alcoholProcedure,
		Documents: []Document{
			{"Đơn đề nghị cấp Giấy phép bán lẻ sản phẩm rượu (Mẫu số 01)", 1, 0},
			{"Giấy chứng nhận đăng ký doanh nghiệp hoặc Giấy chứng nhận đăng ký hộ kinh doanh", 0, 1},
			{"Văn bản chứng minh quyền sử dụng hợp pháp cơ sở dự kiến làm địa điểm bán lẻ " +
				"(hợp đồng thuê, mượn hoặc giấy chứng nhận quyền sử dụng đất)", 0, 1},
			{"Bản giới thiệu hoặc văn bản thỏa thuận với thương nhân cung cấp sản phẩm rượu", 1, 0},
		},
		Sets:          1,
		Duration:      "10 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ",
		ReceivedAt:    at(28, 9, 15),
		AppointmentAt: time.Date(2026, 12, 14, 16, 0, 0, 0, vietnam),
		CollectAt:     "Bộ phận Một cửa Sở Công Thương, số 3 đường Trường Chinh, thành phố Phủ Lý",
		Officer:       "Trần Văn Đức",
		TrackingURL:   trackingURL,
	}
)
