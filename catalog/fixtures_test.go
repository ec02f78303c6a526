package catalog

import (
	"time"

	"github.com/motcua/motcua/calendar"
)

// retailTobacco is a publishable version modelled on the retail tobacco licence, whose
// fee doubles on 01/01/2027.
func retailTobacco() Version {
	end2026 := calendar.D(2026, 12, 31)
	fees := []Fee{
		{Name: "Phí thẩm định", Amount: 300_000, ApplicantType: Business, EffectiveFrom: calendar.D(2023, 1, 1), EffectiveTo: &end2026},
		{Name: "Phí thẩm định", Amount: 600_000, ApplicantType: Business, EffectiveFrom: calendar.D(2027, 1, 1)},
		{Name: "Phí thẩm định", Amount: 100_000, ApplicantType: Citizen, EffectiveFrom: calendar.D(2023, 1, 1), EffectiveTo: &end2026},
		{Name: "Phí thẩm định", Amount: 200_000, ApplicantType: Citizen, EffectiveFrom: calendar.D(2027, 1, 1)},
	}
	return Version{
		Name:        "Cấp Giấy phép bán lẻ sản phẩm thuốc lá",
		Field:       Field{Code: "luu-thong", Name: "Lưu thông hàng hóa trong nước"},
		Level:       LevelProvince,
		Agency:      "Sở Công Thương",
		OnlineLevel: OnlinePartial,
		Channels: []ChannelTerms{
			{Channel: ChannelCounter, Time: calendar.Days(15), Fees: fees},
			{Channel: ChannelOnline, Time: calendar.Days(15), Fees: fees},
		},
		Documents: []Document{
			{Name: "Đơn đề nghị cấp Giấy phép", Originals: 1},
			{Name: "Bản sao Giấy chứng nhận đăng ký doanh nghiệp", Copies: 1},
			{Name: "Bản sao hợp đồng mua bán", Copies: 1},
		},
		Result: Result{Name: "Giấy phép bán lẻ sản phẩm thuốc lá", Validity: "05 năm"},
		InternalSteps: []InternalStep{
			{Name: "Tiếp nhận", Role: "officer", NormHours: 4},
			{Name: "Thẩm định", Role: "specialist", NormHours: 80},
			{Name: "Phê duyệt", Role: "leader", NormHours: 16},
			{Name: "Trả kết quả", Role: "clerk", NormHours: 4},
		},
		SupplementWithin: calendar.Days(3),
		ReplyWithin:      calendar.Days(15),
	}
}

func at(y int, m time.Month, d, h int) time.Time { return time.Date(y, m, d, h, 0, 0, 0, time.UTC) }
